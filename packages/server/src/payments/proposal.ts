/**
 * Payment proposal from a decided decision (Sundsvall's "betalningsförslag"): the payment date from the
 * municipality's rule, one or more parts (payee, account, whose share), adding up exactly to the decided amount.
 * Each part becomes a planned payment that waits for the kassa's four-eyes check (a work item for the cashiers).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ProposalBody, ProposalResult } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { swedishDate, checkChosenPaymentDate, checkPaymentSplit, formatKr, plannedPaymentDate, type PaymentTiming } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, notFound, ValidationFailure, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { openWorkItem, PRIORITY } from '../queue/work-items.ts';
import { casePartyPersons } from './accounts.ts';
import { dueAtOf, IdParams, insertPaymentHistory, refusalsAudited } from './common.ts';
import { loadPayments } from './json.ts';
import { paymentSettings } from './settings.ts';

/** The amount of a decision that is not yet covered by payments (stopped ones do not count). */
export async function activeSumForDecision(db: FastifyInstance['deps']['db'], decisionId: string): Promise<number> {
  const row = await db
    .selectFrom('payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.val(0)).as('sum'))
    .where('decision_id', '=', decisionId)
    .where('status', '!=', 'stopped')
    .executeTakeFirstOrThrow();
  return Number(row.sum);
}

export async function paymentProposalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.post(
    '/api/v1/decisions/:id/payments',
    {
      schema: {
        tags: ['utbetalningar'],
        summary: 'Föreslå utbetalning av ett fattat beslut (delas på mottagare; delarna ska bli exakt beslutat belopp)',
        params: IdParams,
        body: ProposalBody,
        response: { 201: ProposalResult },
      },
    },
    async (request, reply) => {
      const decision = await deps.db.selectFrom('decisions').select(['id', 'case_id', 'status', 'amount', 'period_start', 'period_end']).where('id', '=', request.params.id).executeTakeFirst();
      if (!decision) throw notFound('Beslutet');
      const caseId = decision.case_id;
      const { actor, facts } = await guardCase(app, request, caseId, 'payment.propose', 'payment.propose');
      const now = deps.now();
      const today = swedishDate(now);
      const b = request.body;
      const caseRow = await deps.db.selectFrom('cases').select(['municipality_code', 'unit_id', 'case_number']).where('id', '=', caseId).executeTakeFirstOrThrow();
      const settings = paymentSettings(caseRow.municipality_code, today);
      const timing: PaymentTiming = b.timing ?? 'ordinary';

      // Validate everything before writing anything.
      const errors: FieldError[] = [];
      const accountIds = [...new Set(b.parts.map((p) => p.accountId))];
      const accounts = await deps.db.selectFrom('payment_accounts').select(['id', 'case_id', 'person_id', 'payee_kind', 'holder_name']).where('id', 'in', accountIds).execute();
      const parties = await casePartyPersons(app, caseId);
      const applicant = parties.find((p) => p.role === 'applicant') ?? null;
      const parts = b.parts.map((part, i) => {
        const account = accounts.find((a) => a.id === part.accountId && a.case_id === caseId);
        if (!account) errors.push({ path: `/body/parts/${i}/accountId`, message: 'Kontot finns inte i ärendet. Registrera kontot först.' });
        if (part.personId && !parties.some((p) => p.id === part.personId)) {
          errors.push({ path: `/body/parts/${i}/personId`, message: 'Personen är inte sökande eller medsökande i ärendet.' });
        }
        if (account?.payee_kind === 'client' && part.personId && account.person_id !== part.personId) {
          errors.push({ path: `/body/parts/${i}/personId`, message: 'En utbetalning till den enskildes konto är den personens andel.' });
        }
        return { ...part, account, personId: part.personId ?? account?.person_id ?? applicant?.id ?? null };
      });
      let planned = plannedPaymentDate(settings.paymentDate, { periodStart: decision.period_start, today, timing });
      if (b.plannedDate) {
        const problem = checkChosenPaymentDate(settings.paymentDate, b.plannedDate, today);
        if (problem) errors.push({ path: '/body/plannedDate', message: problem });
        else planned = { date: b.plannedDate, basis: 'rule', explanation: 'Vald av handläggaren.' };
      }
      if (errors.length) throw new ValidationFailure(errors);

      const ids = b.parts.map(() => newId());
      await refusalsAudited(deps.db, actor, now, { action: 'payment.propose', targetType: 'decision', targetId: decision.id, caseId }, async () => {
        await deps.db.transaction().execute(async (tx) => {
          const locked = await tx.selectFrom('decisions').select(['status', 'amount']).where('id', '=', decision.id).forUpdate().executeTakeFirstOrThrow();
          if (locked.status !== 'decided') throw conflict('Beslutet är inte fattat ännu. Bara ett fattat beslut kan betalas ut.');
          if (Number(locked.amount) <= 0) throw conflict('Beslutet har inget belopp att betala ut.');
          const already = await activeSumForDecision(tx, decision.id);
          const split = checkPaymentSplit(
            Number(locked.amount),
            already,
            b.parts.map((p) => p.amount),
          );
          if (!split.ok) {
            if (split.kind === 'nothingLeft') throw conflict(split.message);
            throw new ValidationFailure([{ path: '/body/parts', message: split.message }]);
          }
          await tx
            .insertInto('payments')
            .values(
              parts.map((p, i) => ({
                id: ids[i]!,
                case_id: caseId,
                decision_id: decision.id,
                amount: p.amount,
                payee: p.account!.payee_kind,
                payee_name: p.account!.holder_name,
                planned_date: planned.date,
                status: 'planned' as const,
                paid_at: null,
                account_id: p.account!.id,
                person_id: p.personId,
                timing,
                date_basis: planned.basis,
                end_to_end_id: `V${ids[i]!.replace(/-/g, '').slice(0, 30).toUpperCase()}`,
                proposed_by: actor.userId,
                proposed_at: now.toISOString(),
              })),
            )
            .execute();
          await insertPaymentHistory(
            tx,
            ids.map((id) => ({ paymentId: id, from: null, to: 'planned' as const, actorId: actor.userId, reason: planned.explanation })),
            now,
          );
          for (const [i, p] of parts.entries()) {
            await openWorkItem(
              tx,
              {
                municipality: caseRow.municipality_code,
                unitId: caseRow.unit_id,
                caseId,
                kind: 'paymentApproval',
                ref: { type: 'payment', id: ids[i]! },
                title: `Kassakontroll: utbetalning ${formatKr(p.amount)} i ärende ${caseRow.case_number}`,
                priority: timing === 'acute' ? PRIORITY.acute : PRIORITY.deadline,
                receivedAt: now,
                dueAt: dueAtOf(planned.date),
                assignedRole: 'cashier',
              },
              now,
            );
            await audit(tx, actor, now, { action: 'payment.propose', targetType: 'payment', targetId: ids[i]!, caseId, personId: p.personId ?? facts.applicantPersonId, outcome: 'success' });
          }
          await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', caseId).execute();
        });
      });
      return reply.status(201).send({ plannedDate: planned.date, dateExplanation: planned.explanation, payments: await loadPayments(deps.db, { ids }) });
    },
  );
}
