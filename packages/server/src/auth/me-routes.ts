import type { FastifyInstance } from 'fastify';
import { MyCases, ProblemResponse } from '@vagen/contract';
import { CASE_STATUS_LABELS, DECISION_OUTCOME_LABELS, PAYMENT_STATUS_LABELS, isCaseStatus, labelOf } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { requireClient } from './sessions.ts';
import { visibleCasesCondition } from '../cases/access.ts';

/** Mina sidor: the signed-in person's own cases (as applicant or co-applicant), nothing else. */
export async function meRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.get('/api/v1/me/cases', { schema: { tags: ['mina sidor'], summary: 'Mina ärenden', response: { 200: MyCases, '4xx': ProblemResponse } } }, async (request) => {
    const actor = requireClient(request);
    await audit(deps.db, actor, deps.now(), { action: 'case.list', targetType: 'caseList', personId: actor.personId, outcome: 'success' });
    const cases = await deps.db
      .selectFrom('cases')
      .where(visibleCasesCondition(actor))
      .leftJoin('staff_users as rw', 'rw.id', 'cases.responsible_worker_id')
      .innerJoin('units', 'units.id', 'cases.unit_id')
      .select(['cases.id', 'cases.case_number', 'cases.status', 'cases.opened_at', 'cases.closed_at', 'rw.display_name', 'units.name as unit_name'])
      .orderBy('cases.opened_at', 'desc')
      .execute();
    const ids = cases.map((c) => c.id);
    const [decisions, payments] = ids.length
      ? await Promise.all([
          deps.db
            .selectFrom('decisions')
            .select(['case_id', 'id', 'outcome', 'period_start', 'period_end', 'amount', 'decided_at'])
            // Drafts and decisions awaiting approval are internal until decided.
            .where('case_id', 'in', ids)
            .where('status', '=', 'decided')
            .orderBy('decided_at', 'desc')
            .execute(),
          deps.db.selectFrom('payments').select(['case_id', 'id', 'amount', 'planned_date', 'status']).where('case_id', 'in', ids).orderBy('planned_date', 'desc').execute(),
        ])
      : [[], []];
    return {
      items: cases.map((c) => ({
        id: c.id,
        caseNumber: c.case_number,
        status: c.status,
        statusLabel: isCaseStatus(c.status) ? CASE_STATUS_LABELS[c.status] : c.status,
        unitName: c.unit_name,
        responsibleWorkerName: c.display_name,
        openedAt: c.opened_at,
        closedAt: c.closed_at,
        decisions: decisions
          .filter((d) => d.case_id === c.id)
          .slice(0, 6)
          .map((d) => ({
            id: d.id,
            outcome: d.outcome,
            outcomeLabel: labelOf(DECISION_OUTCOME_LABELS, d.outcome),
            periodStart: d.period_start,
            periodEnd: d.period_end,
            amount: d.amount,
            decidedAt: d.decided_at,
          })),
        payments: payments
          .filter((p) => p.case_id === c.id)
          .slice(0, 6)
          .map((p) => ({
            id: p.id,
            amount: p.amount,
            plannedDate: p.planned_date,
            status: p.status,
            statusLabel: labelOf(PAYMENT_STATUS_LABELS, p.status),
          })),
      })),
    };
  });
}
