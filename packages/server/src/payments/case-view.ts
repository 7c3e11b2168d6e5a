/** GET /cases/:id/payments: everything the case page's "Utbetalningar" section shows. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CasePayments } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { swedishDate, DECISION_OUTCOME_LABELS, HOUSEHOLD_ROLE_LABELS, hasCapability, labelOf, plannedPaymentDate } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { casePartyPersons } from './accounts.ts';
import { IdParams } from './common.ts';
import { loadAccounts, loadPayments } from './json.ts';
import { fourEyesForPayments, paymentSettings } from './settings.ts';

export async function paymentCaseViewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/v1/cases/:id/payments',
    {
      schema: { tags: ['utbetalningar'], summary: 'Ärendets utbetalningar med historik, konton och beslut som kan betalas ut', params: IdParams, response: { 200: CasePayments } },
    },
    async (request) => {
      const caseId = request.params.id;
      const { actor, facts } = await guardCase(app, request, caseId, 'payment.list');
      const now = deps.now();
      // Logged before anything is read: if the record cannot be written, nothing is served.
      await audit(deps.db, actor, now, { action: 'payment.list', targetType: 'case', targetId: caseId, caseId, personId: facts.applicantPersonId, outcome: 'success' });
      const today = swedishDate(now);
      const [payments, accounts, parties, decisions] = await Promise.all([
        loadPayments(deps.db, { caseId }),
        loadAccounts(deps.db, { caseId }),
        casePartyPersons(app, caseId),
        deps.db
          .selectFrom('decisions as d')
          .leftJoin('staff_users as s', 's.id', 'd.decided_by')
          .select(['d.id', 'd.outcome', 'd.period_start', 'd.period_end', 'd.amount', 'd.status', 'd.decided_at', 's.display_name'])
          .where('d.case_id', '=', caseId)
          .where('d.status', '=', 'decided')
          .orderBy('d.decided_at', 'desc')
          .execute(),
      ]);
      const rule = paymentSettings(facts.municipality, today).paymentDate;
      return {
        payments,
        accounts,
        payees: parties.map((p) => ({ personId: p.id, name: `${p.first_name} ${p.last_name}`, role: p.role, roleLabel: labelOf(HOUSEHOLD_ROLE_LABELS, p.role) })),
        decisions: decisions.map((d) => {
          const active = payments.filter((p) => p.decisionId === d.id && p.status !== 'stopped').reduce((s, p) => s + p.amount, 0);
          const ordinary = plannedPaymentDate(rule, { periodStart: d.period_start, today, timing: 'ordinary' });
          const acute = plannedPaymentDate(rule, { periodStart: d.period_start, today, timing: 'acute' });
          return {
            id: d.id,
            outcome: d.outcome,
            outcomeLabel: labelOf(DECISION_OUTCOME_LABELS, d.outcome),
            periodStart: d.period_start,
            periodEnd: d.period_end,
            amount: Number(d.amount),
            decidedAt: d.decided_at,
            decidedByName: d.display_name,
            paidOrPlanned: active,
            remaining: Math.max(0, Number(d.amount) - active),
            suggestedDates: { ordinary: { date: ordinary.date, explanation: ordinary.explanation }, acute: { date: acute.date, explanation: acute.explanation } },
          };
        }),
        fourEyes: fourEyesForPayments(facts.municipality, today),
        permissions: {
          canPropose: hasCapability(actor.role, 'payment.propose'),
          canApprove: hasCapability(actor.role, 'payment.approve'),
          canStop: hasCapability(actor.role, 'payment.propose') || hasCapability(actor.role, 'payment.approve'),
          canManageRecovery: hasCapability(actor.role, 'recovery.manage'),
        },
      };
    },
  );
}
