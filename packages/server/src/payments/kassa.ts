/**
 * The kassa's own work beside the four-eyes check: sending a proposal back to the caseworker with a comment
 * (POST /payments/:id/return, a status change through the one state machine), and the history of what was sent
 * (GET /payments/sent: the payment files of a month, each with its payments and who proposed, approved and sent them).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Payment, ReturnPaymentBody, SentHistory, SentQuery } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { hasCapability, labelOf, PAYMENT_STATUS_LABELS, paymentStageOf, returnRefusal, swedishDate, swedishMonth } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { visibleCasesCondition } from '../cases/access.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { changePaymentStatus } from '../status/change.ts';
import { closeWorkItems } from '../queue/work-items.ts';
import { refusalsAudited } from './common.ts';
import { loadPayments } from './json.ts';

export async function kassaRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.post(
    '/api/v1/payments/:id/return',
    {
      schema: {
        tags: ['utbetalningar'],
        summary: 'Kassan skickar tillbaka en föreslagen utbetalning till handläggaren med en kommentar',
        params: IdParams,
        body: ReturnPaymentBody,
        response: { 200: Payment },
      },
    },
    async (request) => {
      const row = await deps.db.selectFrom('payments').select(['id', 'case_id', 'person_id']).where('id', '=', request.params.id).executeTakeFirst();
      if (!row) throw notFound('Utbetalningen');
      const { actor, facts } = await guardCase(app, request, row.case_id, 'payment.return', 'payment.approve');
      const now = deps.now();
      const comment = request.body.comment.trim();
      await refusalsAudited(deps.db, actor, now, { action: 'payment.return', targetType: 'payment', targetId: row.id, caseId: row.case_id }, async () => {
        await deps.db.transaction().execute(async (tx) => {
          const p = await tx.selectFrom('payments').select(['status', 'approved_at']).where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
          const refusal = returnRefusal(paymentStageOf({ status: p.status, approvedAt: p.approved_at }));
          if (refusal) throw conflict(refusal);
          await changePaymentStatus(tx, row.id, 'returned', {
            actor: { kind: 'staff', id: actor.userId },
            reason: comment,
            at: now,
            set: { returned_by: actor.userId, returned_at: now.toISOString(), return_comment: comment },
          });
          await closeWorkItems(tx, { refType: 'payment', refId: row.id, kind: 'paymentApproval' }, actor.userId, now);
          await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', row.case_id).execute();
          await audit(tx, actor, now, {
            action: 'payment.return',
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

  r.get(
    '/api/v1/payments/sent',
    {
      schema: {
        tags: ['utbetalningar'],
        summary: 'Kassans historik: betalfiler som skickats en månad, med utbetalningarna och vem som föreslog, godkände och skickade',
        querystring: SentQuery,
        response: { 200: SentHistory },
      },
    },
    async (request) => {
      const actor = requireStaff(request);
      if (!hasCapability(actor.role, 'payment.approve')) throw forbidden('Bara kassan kan se vad som har skickats.');
      const now = deps.now();
      const all = await deps.db
        .selectFrom('payment_files as f')
        .innerJoin('staff_users as s', 's.id', 'f.created_by')
        .select(['f.id', 'f.message_id', 'f.created_at', 'f.status', 'f.payment_count', 'f.total_amount', 's.display_name'])
        .where('f.municipality_code', '=', actor.municipality)
        .orderBy('f.created_at', 'desc')
        .orderBy('f.sequence_number', 'desc')
        .execute();
      // Months in Sweden (a file sent just after midnight on the 1st belongs to the new month).
      const monthOf = new Map(all.map((f) => [f.id, swedishMonth(f.created_at)]));
      const months = [...new Set(all.map((f) => monthOf.get(f.id)!))];
      const month = request.query.month ?? months[0] ?? null;
      const files = all.filter((f) => monthOf.get(f.id) === month);
      // The record is written before any payee or case is served; the month is the purpose.
      await audit(deps.db, actor, now, { action: 'payment.sentHistory', targetType: 'paymentList', purpose: month ?? undefined, outcome: 'success' });
      const ids = files.map((f) => f.id);
      const payments = ids.length
        ? await deps.db
            .selectFrom('payments as p')
            .innerJoin('cases', 'cases.id', 'p.case_id')
            .leftJoin('staff_users as pb', 'pb.id', 'p.proposed_by')
            .leftJoin('staff_users as ab', 'ab.id', 'p.approved_by')
            .select([
              'p.id',
              'p.payment_file_id',
              'p.case_id',
              'cases.case_number',
              'p.amount',
              'p.payee_name',
              'p.planned_date',
              'p.status',
              'pb.display_name as proposed_by_name',
              'ab.display_name as approved_by_name',
            ])
            .where('p.payment_file_id', 'in', ids)
            .where(visibleCasesCondition(actor))
            .orderBy('p.planned_date')
            .orderBy('cases.case_number')
            .orderBy('p.id')
            .execute()
        : [];
      const out = files.map((f) => {
        const mine = payments.filter((p) => p.payment_file_id === f.id);
        return {
          id: f.id,
          messageId: f.message_id,
          sentAt: f.created_at,
          sentOn: swedishDate(f.created_at),
          sentByName: f.display_name,
          status: f.status,
          statusLabel: f.status === 'confirmed' ? 'Bekräftad av banken' : 'Skickad',
          paymentCount: f.payment_count,
          totalAmount: Number(f.total_amount),
          approvedByNames: [...new Set(mine.map((p) => p.approved_by_name).filter((n): n is string => !!n))],
          payments: mine.map((p) => ({
            id: p.id,
            caseId: p.case_id,
            caseNumber: p.case_number,
            amount: Number(p.amount),
            payeeName: p.payee_name ?? '–',
            plannedDate: p.planned_date,
            status: p.status,
            statusLabel: labelOf(PAYMENT_STATUS_LABELS, p.status),
            proposedByName: p.proposed_by_name,
            approvedByName: p.approved_by_name,
          })),
        };
      });
      return {
        month,
        months,
        files: out,
        paymentCount: out.reduce((s, f) => s + f.paymentCount, 0),
        totalAmount: out.reduce((s, f) => s + f.totalAmount, 0),
      };
    },
  );
}
