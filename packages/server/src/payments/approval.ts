/**
 * The kassa's four-eyes check (POST /payments/:id/approve), stopping a payment, and the kassa's worklist.
 * A refused approval changes nothing and is logged as denied; an approval records every check with who and when.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { KassaList, KassaQuery, Payment, StopPaymentBody } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { swedishDate, evaluatePaymentApproval, hasCapability, paymentStageOf, stopRefusal, validatePaymentAccount, type ApprovalOutcome } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { visibleCasesCondition } from '../cases/access.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, forbidden, HttpProblem, notFound } from '../errors.ts';
import { closeWorkItems } from '../queue/work-items.ts';
import { IdParams, insertPaymentHistory, refusalsAudited } from './common.ts';
import { loadPayments, payeeKindOf, type PaymentJson } from './json.ts';
import { activeSumForDecision } from './proposal.ts';
import { fourEyesForPayments } from './settings.ts';

/** Gathers the facts of the approval check for one payment and evaluates them for `approverId`. */
export async function evaluateApproval(db: Kysely<Database>, paymentId: string, approverId: string, at: Date, lock = false): Promise<ApprovalOutcome> {
  let pq = db.selectFrom('payments').selectAll().where('id', '=', paymentId);
  if (lock) pq = pq.forUpdate();
  const p = await pq.executeTakeFirstOrThrow();
  const c = await db.selectFrom('cases').select(['municipality_code', 'household_id']).where('id', '=', p.case_id).executeTakeFirstOrThrow();
  const decision = p.decision_id ? ((await db.selectFrom('decisions').select(['status', 'amount', 'decided_by']).where('id', '=', p.decision_id).executeTakeFirst()) ?? null) : null;
  const account = p.account_id
    ? ((await db
        .selectFrom('payment_accounts as a')
        .leftJoin('staff_users as v', 'v.id', 'a.verified_by')
        .select(['a.kind', 'a.clearing', 'a.number', 'a.person_id', 'a.verified_at', 'v.display_name'])
        .where('a.id', '=', p.account_id)
        .executeTakeFirst()) ?? null)
    : null;
  const holderIsParty = account?.person_id
    ? !!(await db
        .selectFrom('household_members')
        .select('person_id')
        .where('household_id', '=', c.household_id)
        .where('person_id', '=', account.person_id)
        .where('role', 'in', ['applicant', 'coApplicant'])
        .executeTakeFirst())
    : false;
  return evaluatePaymentApproval({
    approverId,
    fourEyes: fourEyesForPayments(c.municipality_code, swedishDate(at)),
    payment: { status: p.status, approvedAt: p.approved_at, proposedBy: p.proposed_by, amount: Number(p.amount), payeeKind: payeeKindOf(p.payee) },
    account: account
      ? {
          verifiedAt: account.verified_at,
          verifiedByName: account.display_name,
          holderIsParty,
          valid: validatePaymentAccount({ kind: account.kind, clearing: account.clearing, number: account.number }).ok,
        }
      : null,
    decision: decision ? { status: decision.status, amount: Number(decision.amount), decidedBy: decision.decided_by } : null,
    activeSumForDecision: p.decision_id ? await activeSumForDecision(db, p.decision_id) : Number(p.amount),
  });
}

export async function paymentApprovalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  async function paymentCase(id: string) {
    const row = await deps.db.selectFrom('payments').select(['id', 'case_id', 'person_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Utbetalningen');
    return row;
  }

  r.post(
    '/api/v1/payments/:id/approve',
    {
      schema: { tags: ['utbetalningar'], summary: 'Kassans kontroll och godkännande (fyra ögon)', params: IdParams, response: { 200: Payment } },
    },
    async (request) => {
      const row = await paymentCase(request.params.id);
      const { actor, facts } = await guardCase(app, request, row.case_id, 'payment.approve', 'payment.approve');
      const now = deps.now();
      await refusalsAudited(deps.db, actor, now, { action: 'payment.approve', targetType: 'payment', targetId: row.id, caseId: row.case_id }, async () => {
        await deps.db.transaction().execute(async (tx) => {
          const outcome = await evaluateApproval(tx, row.id, actor.userId, now, true);
          if (!outcome.ok) throw new HttpProblem(outcome.status, outcome.status === 403 ? 'FOUR_EYES' : 'CONFLICT', outcome.message);
          await tx
            .updateTable('payments')
            .set({ approved_by: actor.userId, approved_at: now.toISOString(), approval_checks: JSON.stringify(outcome.checks) })
            .where('id', '=', row.id)
            .execute();
          await insertPaymentHistory(tx, [{ paymentId: row.id, from: 'planned', to: 'approved', actorId: actor.userId, reason: 'Kassans kontroll: alla kontroller godkända.' }], now);
          await closeWorkItems(tx, { refType: 'payment', refId: row.id, kind: 'paymentApproval' }, actor.userId, now);
          await audit(tx, actor, now, {
            action: 'payment.approve',
            targetType: 'payment',
            targetId: row.id,
            caseId: row.case_id,
            personId: row.person_id ?? facts.applicantPersonId,
            outcome: 'success',
          });
        });
      });
      const [json] = await loadPayments(deps.db, { ids: [row.id] });
      return json;
    },
  );

  r.post(
    '/api/v1/payments/:id/stop',
    {
      schema: { tags: ['utbetalningar'], summary: 'Stoppa en utbetalning som inte har skickats', params: IdParams, body: StopPaymentBody, response: { 200: Payment } },
    },
    async (request) => {
      const row = await paymentCase(request.params.id);
      const { actor, facts } = await guardCase(app, request, row.case_id, 'payment.stop');
      if (!hasCapability(actor.role, 'payment.propose') && !hasCapability(actor.role, 'payment.approve')) throw forbidden();
      const now = deps.now();
      await refusalsAudited(deps.db, actor, now, { action: 'payment.stop', targetType: 'payment', targetId: row.id, caseId: row.case_id }, async () => {
        await deps.db.transaction().execute(async (tx) => {
          const p = await tx.selectFrom('payments').select(['status', 'approved_at']).where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
          const stage = paymentStageOf({ status: p.status, approvedAt: p.approved_at });
          const refusal = stopRefusal(stage);
          if (refusal) throw conflict(refusal);
          const reason = request.body.reason.trim();
          await tx.updateTable('payments').set({ status: 'stopped', stopped_by: actor.userId, stopped_at: now.toISOString(), stop_reason: reason }).where('id', '=', row.id).execute();
          await insertPaymentHistory(tx, [{ paymentId: row.id, from: stage, to: 'stopped', actorId: actor.userId, reason }], now);
          await closeWorkItems(tx, { refType: 'payment', refId: row.id }, actor.userId, now);
          await audit(tx, actor, now, { action: 'payment.stop', targetType: 'payment', targetId: row.id, caseId: row.case_id, personId: row.person_id ?? facts.applicantPersonId, outcome: 'success' });
        });
      });
      const [json] = await loadPayments(deps.db, { ids: [row.id] });
      return json;
    },
  );

  r.get(
    '/api/v1/payments',
    {
      schema: { tags: ['utbetalningar'], summary: 'Kassans lista: utbetalningar som väntar på kontroll, eller godkända som inte skickats', querystring: KassaQuery, response: { 200: KassaList } },
    },
    async (request) => {
      const actor = requireStaff(request);
      if (!hasCapability(actor.role, 'payment.approve')) throw forbidden();
      const now = deps.now();
      await audit(deps.db, actor, now, { action: 'payment.list', targetType: 'paymentList', purpose: request.query.stage, outcome: 'success' });
      let q = deps.db
        .selectFrom('payments as p')
        .innerJoin('cases', 'cases.id', 'p.case_id')
        .where(visibleCasesCondition(actor))
        .where('p.status', '=', 'planned')
        .select('p.id')
        .orderBy('p.planned_date')
        .orderBy('p.id')
        .limit(request.query.limit);
      // Payments proposed in Vägen (imported history without a proposal is not the kassa's to approve here).
      q =
        request.query.stage === 'approved'
          ? q.where('p.approved_at', 'is not', null).where('p.payment_file_id', 'is', null)
          : q.where('p.approved_at', 'is', null).where('p.proposed_at', 'is not', null);
      const ids = (await q.execute()).map((x) => x.id);
      const payments = await loadPayments(deps.db, { ids });
      const decisions = await decisionInfo(deps.db, payments);
      const items = [];
      for (const p of payments.sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.id.localeCompare(b.id))) {
        const preview = p.stage === 'planned' ? await evaluateApproval(deps.db, p.id, actor.userId, now) : null;
        items.push({
          ...p,
          decision: p.decisionId ? (decisions.get(p.decisionId) ?? null) : null,
          checkPreview: preview ? { ok: preview.ok, message: preview.ok ? null : preview.message, checks: preview.checks } : null,
        });
      }
      return { items };
    },
  );
}

async function decisionInfo(db: Kysely<Database>, payments: PaymentJson[]) {
  const ids = [...new Set(payments.map((p) => p.decisionId).filter((x): x is string => !!x))];
  if (!ids.length) return new Map<string, never>();
  const rows = await db
    .selectFrom('decisions as d')
    .leftJoin('staff_users as s', 's.id', 'd.decided_by')
    .select(['d.id', 'd.outcome', 'd.amount', 'd.period_start', 'd.period_end', 'd.decided_at', 'd.status', 's.display_name'])
    .where('d.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((d) => [
      d.id,
      {
        id: d.id,
        outcome: d.outcome,
        amount: Number(d.amount),
        periodStart: d.period_start,
        periodEnd: d.period_end,
        decidedAt: d.decided_at,
        status: d.status,
        decidedByName: d.display_name,
      },
    ]),
  );
}
