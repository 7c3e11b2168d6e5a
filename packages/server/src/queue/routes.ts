/**
 * The worker's own queue (Min arbetskö) and a unit's queue for managers: open work items ordered by priority
 * (appeals first, acute, deadlines, ordinary), then due date,
 * then receipt, with the time since receipt in plain words. Items of a case the user may not see are never listed.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { UnitWorkQueue, UnitWorkQueueQuery, WorkQueue } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { QUEUE_PRIORITY_LABELS, describeElapsed, hasCapability, isOverdue, workItemKindLabel, type Actor } from '@vagen/domain';
import { audit, auditDenied } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { visibleCasesCondition } from '../cases/access.ts';
import { forbidden, ValidationFailure } from '../errors.ts';

type StaffActor = Extract<Actor, { kind: 'staff' }>;

export async function queueRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  function itemsQuery(actor: StaffActor) {
    return (
      deps.db
        .selectFrom('work_items as w')
        .leftJoin('cases', 'cases.id', 'w.case_id')
        .leftJoin('staff_users as s', 's.id', 'w.assigned_to')
        .select([
          'w.id',
          'w.kind',
          'w.title',
          'w.priority',
          'w.received_at',
          'w.due_at',
          'w.case_id',
          'w.unit_id',
          'w.ref_type',
          'w.ref_id',
          'w.assigned_to',
          'w.assigned_role',
          'cases.case_number',
          's.display_name as assignee_name',
        ])
        .where('w.closed_at', 'is', null)
        .where('w.municipality_code', '=', actor.municipality)
        // Never an item about a case the user may not see (e.g. protected identity).
        .where((eb) => eb.or([eb('w.case_id', 'is', null), eb.exists(eb.selectFrom('cases').select('cases.id').whereRef('cases.id', '=', 'w.case_id').where(visibleCasesCondition(actor)))]))
        .orderBy('w.priority')
        .orderBy(sql`w.due_at asc nulls last`)
        .orderBy('w.received_at')
        .orderBy('w.id')
    );
  }

  function toJson(rows: Awaited<ReturnType<ReturnType<typeof itemsQuery>['execute']>>, now: Date) {
    const nowIso = now.toISOString();
    return rows.map((w) => ({
      id: w.id,
      kind: w.kind,
      kindLabel: workItemKindLabel(w.kind),
      title: w.title,
      priority: w.priority,
      priorityLabel: QUEUE_PRIORITY_LABELS[w.priority] ?? String(w.priority),
      caseId: w.case_id,
      caseNumber: w.case_number,
      ref: w.ref_type && w.ref_id ? { type: w.ref_type, id: w.ref_id } : null,
      receivedAt: w.received_at,
      sinceReceived: describeElapsed(now.getTime() - new Date(w.received_at).getTime()),
      dueAt: w.due_at,
      overdue: isOverdue(w.due_at, nowIso),
      assignedTo: w.assigned_to ? { id: w.assigned_to, name: w.assignee_name } : null,
      assignedRole: w.assigned_role,
    }));
  }

  r.get('/api/v1/queue', { schema: { tags: ['arbetskö'], summary: 'Min arbetskö: mina öppna uppgifter och min rolls uppgifter i mina enheter', response: { 200: WorkQueue } } }, async (request) => {
    const actor = requireStaff(request);
    const now = deps.now();
    await audit(deps.db, actor, now, { action: 'queue.read', targetType: 'workItemList', targetId: actor.userId, outcome: 'success' });
    const rows = await itemsQuery(actor)
      .where((eb) =>
        eb.or([
          eb('w.assigned_to', '=', actor.userId),
          eb.and([
            eb('w.assigned_to', 'is', null),
            eb('w.assigned_role', '=', actor.role),
            actor.unitIds.length ? eb.or([eb('w.unit_id', 'in', actor.unitIds), eb('w.unit_id', 'is', null)]) : eb('w.unit_id', 'is', null),
          ]),
        ]),
      )
      .execute();
    const items = toJson(rows, now);
    return { items, total: items.length, overdue: items.filter((i) => i.overdue).length, now: now.toISOString() };
  });

  r.get(
    '/api/v1/queue/unit',
    {
      schema: {
        tags: ['arbetskö'],
        summary: 'Enhetens alla öppna uppgifter med ansvarig (chefer)',
        querystring: UnitWorkQueueQuery,
        response: { 200: UnitWorkQueue },
      },
    },
    async (request) => {
      const actor = requireStaff(request);
      const now = deps.now();
      if (!hasCapability(actor.role, 'queue.viewUnit')) {
        await auditDenied(deps.db, actor, now, { action: 'queue.readUnit', targetType: 'unit', targetId: request.query.unitId });
        throw forbidden();
      }
      if (!actor.unitIds.includes(request.query.unitId)) throw new ValidationFailure([{ path: '/query/unitId', message: 'Du kan bara se köer i dina egna enheter.' }]);
      await audit(deps.db, actor, now, { action: 'queue.readUnit', targetType: 'unit', targetId: request.query.unitId, outcome: 'success' });
      const rows = await itemsQuery(actor)
        .where((eb) => eb.or([eb('w.unit_id', '=', request.query.unitId), eb('cases.unit_id', '=', request.query.unitId)]))
        .execute();
      const items = toJson(rows, now);
      const unit = await deps.db.selectFrom('units').select(['id', 'name']).where('id', '=', request.query.unitId).executeTakeFirstOrThrow();
      return { unit, items, total: items.length, overdue: items.filter((i) => i.overdue).length, unassigned: items.filter((i) => !i.assignedTo).length, now: now.toISOString() };
    },
  );
}
