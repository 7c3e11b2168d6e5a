/**
 * The worker's own queue (Min arbetskö) and a unit's queue for managers: open work items ordered by priority
 * (appeals first, acute, deadlines, ordinary), then due date,
 * then receipt, with the time since receipt in plain words. Items of a case the user may not see are never listed.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { UnitWorkQueue, UnitWorkQueueQuery, WorkQueue } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { QUEUE_PRIORITY_LABELS, compareQueueItems, describeElapsed, hasCapability, isOverdue, workItemKindLabel, type Actor } from '@vagen/domain';
import { audit, auditDenied } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { visibleCasesCondition } from '../cases/access.ts';
import { forbidden, ValidationFailure } from '../errors.ts';
import { PRIORITY } from './work-items.ts';
import { listWaitingItems, OTHER_QUEUE_WORK_ITEM_KINDS, type WaitingItem } from './waiting.ts';

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

  type QueueItemJson = ReturnType<typeof toJson>[number];
  /**
   * The waiting items (derived from the data) of the worker queue that no open work item stands for yet, in the
   * queue's item form. `forOwner`: only that worker's; otherwise every worker's (a unit's queue).
   */
  async function waitingJson(actor: StaffActor, now: Date, opts: { forOwner?: string; unitIds?: readonly string[] }): Promise<QueueItemJson[]> {
    const all = await listWaitingItems(deps.db, actor, now, opts.unitIds ? { unitIds: opts.unitIds } : {});
    const mine = all.filter((i): i is WaitingItem & { ownerId: string } => i.queue === 'worker' && !!i.ownerId && (!opts.forOwner || i.ownerId === opts.forOwner));
    const refs = mine.flatMap((i) => (i.workItemRef ? [i.workItemRef.id] : []));
    const covered = new Set(
      refs.length
        ? (await deps.db.selectFrom('work_items').select(['ref_type', 'ref_id']).where('closed_at', 'is', null).where('ref_id', 'in', refs).execute()).map((w) => `${w.ref_type}:${w.ref_id}`)
        : [],
    );
    const waiting = mine.filter((i) => !i.workItemRef || !covered.has(`${i.workItemRef.type}:${i.workItemRef.id}`));
    const ownerIds = [...new Set(waiting.map((i) => i.ownerId))];
    const names = new Map(ownerIds.length ? (await deps.db.selectFrom('staff_users').select(['id', 'display_name']).where('id', 'in', ownerIds).execute()).map((s) => [s.id, s.display_name]) : []);
    const nowIso = now.toISOString();
    return waiting.map((i) => {
      const kind = i.kind === 'application' ? 'assessment' : i.kind;
      const priority = i.dueAt ? PRIORITY.deadline : PRIORITY.ordinary;
      return {
        id: i.refId,
        kind,
        kindLabel: workItemKindLabel(kind),
        title: i.title,
        priority,
        priorityLabel: QUEUE_PRIORITY_LABELS[priority] ?? String(priority),
        caseId: i.caseId,
        caseNumber: i.caseNumber,
        ref: { type: i.refType, id: i.refId },
        receivedAt: i.receivedAt,
        sinceReceived: describeElapsed(now.getTime() - new Date(i.receivedAt).getTime()),
        dueAt: i.dueAt,
        overdue: isOverdue(i.dueAt, nowIso),
        assignedTo: { id: i.ownerId, name: names.get(i.ownerId) ?? null },
        assignedRole: null,
      };
    });
  }

  /** Work items and waiting items in the queue's order: priority, due date (none last), receipt. */
  function ordered(items: QueueItemJson[]): QueueItemJson[] {
    const iso = (v: string) => new Date(v).toISOString();
    const key = (i: QueueItemJson) => ({ priority: i.priority, dueAt: i.dueAt ? iso(i.dueAt) : null, receivedAt: iso(i.receivedAt), id: i.id });
    return items.sort((a, b) => compareQueueItems(key(a), key(b)));
  }

  r.get('/api/v1/queue', { schema: { tags: ['arbetskö'], summary: 'Min arbetskö: mina öppna uppgifter och min rolls uppgifter i mina enheter', response: { 200: WorkQueue } } }, async (request) => {
    const actor = requireStaff(request);
    const now = deps.now();
    await audit(deps.db, actor, now, { action: 'queue.read', targetType: 'workItemList', targetId: actor.userId, outcome: 'success' });
    const rows = await itemsQuery(actor)
      // Contacts and payment checks wait in the intake and kassa queues, not in anyone's Min kö.
      .where('w.kind', 'not in', [...OTHER_QUEUE_WORK_ITEM_KINDS])
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
    const items = ordered([...toJson(rows, now), ...(await waitingJson(actor, now, { forOwner: actor.userId }))]);
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
      const items = ordered([...toJson(rows, now), ...(await waitingJson(actor, now, { unitIds: [request.query.unitId] }))]);
      const unit = await deps.db.selectFrom('units').select(['id', 'name']).where('id', '=', request.query.unitId).executeTakeFirstOrThrow();
      return { unit, items, total: items.length, overdue: items.filter((i) => i.overdue).length, unassigned: items.filter((i) => !i.assignedTo).length, now: now.toISOString() };
    },
  );
}
