/** Bevakningar (watches): a date and a text on a case, owned by a worker; each is a work item in the owner's queue. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CaseWatches, IdParams, NewWatchBody, Watch, WatchDoneBody } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { canReadCase, endOfSwedishDay, hasCapability, isOverdue, isStaffRole, swedishDate, type Actor } from '@vagen/domain';
import { audit } from '../audit.ts';
import { guardCase } from '../cases/guard.ts';
import { loadCaseAccessFacts } from '../cases/access.ts';
import { conflict, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { closeWorkItems, openWorkItem, PRIORITY } from '../work-items.ts';

export async function watchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  /** Staff who may own a watch on the case: active, may write in the journal, and can read the case. */
  async function possibleOwners(caseId: string) {
    const facts = (await loadCaseAccessFacts(deps.db, caseId))!;
    const users = await deps.db
      .selectFrom('staff_users')
      .select(['id', 'display_name', 'role'])
      .where('municipality_code', '=', facts.municipality)
      .where('active', '=', true)
      .orderBy('display_name')
      .execute();
    const units = await deps.db
      .selectFrom('staff_units')
      .select(['user_id', 'unit_id'])
      .where('user_id', 'in', users.length ? users.map((u) => u.id) : ['00000000-0000-0000-0000-000000000000'])
      .execute();
    return users
      .filter((u) => {
        if (!isStaffRole(u.role) || !hasCapability(u.role, 'journal.write')) return false;
        const actor: Actor = { kind: 'staff', userId: u.id, role: u.role, municipality: facts.municipality, unitIds: units.filter((x) => x.user_id === u.id).map((x) => x.unit_id) };
        return canReadCase(actor, facts);
      })
      .map((u) => ({ id: u.id, name: u.display_name }));
  }

  async function list(caseId: string) {
    const now = deps.now().toISOString();
    const rows = await deps.db
      .selectFrom('watches as w')
      .innerJoin('staff_users as o', 'o.id', 'w.owner_id')
      .innerJoin('staff_users as c', 'c.id', 'w.created_by')
      .leftJoin('staff_users as d', 'd.id', 'w.done_by')
      .select([
        'w.id',
        'w.due_on',
        'w.text',
        'w.owner_id',
        'o.display_name as owner_name',
        'c.display_name as created_by_name',
        'w.created_at',
        'w.done_at',
        'd.display_name as done_by_name',
        'w.done_note',
      ])
      .where('w.case_id', '=', caseId)
      .orderBy('w.done_at', (ob) => ob.desc().nullsFirst())
      .orderBy('w.due_on')
      .execute();
    return rows.map((w) => ({
      id: w.id,
      dueOn: w.due_on,
      text: w.text,
      ownerId: w.owner_id,
      ownerName: w.owner_name,
      createdByName: w.created_by_name,
      createdAt: w.created_at,
      doneAt: w.done_at,
      doneByName: w.done_by_name,
      doneNote: w.done_note,
      overdue: !w.done_at && isOverdue(endOfSwedishDay(w.due_on).toISOString(), now),
    }));
  }

  r.get('/api/v1/cases/:id/watches', { schema: { tags: ['bevakningar'], summary: 'Bevakningar i ärendet', params: IdParams, response: { 200: CaseWatches } } }, async (request) => {
    const { actor, facts } = await guardCase(app, request, request.params.id, 'watch.list');
    await audit(deps.db, actor, deps.now(), {
      action: 'watch.list',
      targetType: 'case',
      targetId: request.params.id,
      caseId: request.params.id,
      personId: facts.applicantPersonId,
      outcome: 'success',
    });
    const canWrite = hasCapability(actor.role, 'journal.write');
    return { items: await list(request.params.id), owners: canWrite ? await possibleOwners(request.params.id) : [], permissions: { canWrite } };
  });

  r.post(
    '/api/v1/cases/:id/watches',
    {
      schema: { tags: ['bevakningar'], summary: 'Ny bevakning (datum, text, ansvarig; standard: jag)', params: IdParams, body: NewWatchBody, response: { 201: Watch } },
    },
    async (request, reply) => {
      const { actor, facts } = await guardCase(app, request, request.params.id, 'watch.create', 'journal.write');
      const now = deps.now();
      const b = request.body;
      const ownerId = b.ownerId ?? actor.userId;
      const errors = [];
      if (b.dueOn < swedishDate(now)) errors.push({ path: '/body/dueOn', message: 'Datumet har redan passerat. Välj i dag eller ett senare datum.' });
      if (!b.text.trim()) errors.push({ path: '/body/text', message: 'Fältet får inte vara tomt.' });
      if (ownerId !== actor.userId && !(await possibleOwners(request.params.id)).some((o) => o.id === ownerId)) {
        errors.push({ path: '/body/ownerId', message: 'Välj en handläggare som har tillgång till ärendet.' });
      }
      if (errors.length) throw new ValidationFailure(errors);
      const id = newId();
      const text = b.text.trim();
      await deps.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('watches')
          .values({
            id,
            case_id: request.params.id,
            due_on: b.dueOn,
            text,
            owner_id: ownerId,
            created_by: actor.userId,
            created_at: now.toISOString(),
            done_at: null,
            done_by: null,
            done_note: null,
          })
          .execute();
        await openWorkItem(
          tx,
          {
            municipality: facts.municipality,
            unitId: facts.unitId,
            caseId: request.params.id,
            kind: 'watch',
            ref: { type: 'watch', id },
            title: text.length > 100 ? `${text.slice(0, 99)}…` : text,
            priority: PRIORITY.deadline,
            receivedAt: now,
            dueAt: endOfSwedishDay(b.dueOn),
            assignedTo: ownerId,
          },
          now,
        );
        await audit(tx, actor, now, { action: 'watch.create', targetType: 'watch', targetId: id, caseId: request.params.id, personId: facts.applicantPersonId, outcome: 'success' });
      });
      return reply.status(201).send((await list(request.params.id)).find((w) => w.id === id)!);
    },
  );

  r.post(
    '/api/v1/watches/:id/done',
    {
      schema: { tags: ['bevakningar'], summary: 'Markera bevakningen som klar (kropp valfri: { note })', params: IdParams, body: WatchDoneBody, response: { 200: Watch } },
      // The body may be left out: no body is the same as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const watch = await deps.db.selectFrom('watches').select(['id', 'case_id']).where('id', '=', request.params.id).executeTakeFirst();
      if (!watch) throw notFound('Bevakningen');
      const { actor, facts } = await guardCase(app, request, watch.case_id, 'watch.done', 'journal.write');
      const note = request.body.note?.trim() || null;
      const now = deps.now();
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('watches').select('done_at').where('id', '=', watch.id).forUpdate().executeTakeFirstOrThrow();
        if (locked.done_at) throw conflict('Bevakningen är redan klar.');
        await tx.updateTable('watches').set({ done_at: now.toISOString(), done_by: actor.userId, done_note: note }).where('id', '=', watch.id).execute();
        await closeWorkItems(tx, { refType: 'watch', refId: watch.id }, actor.userId, now);
        await audit(tx, actor, now, { action: 'watch.done', targetType: 'watch', targetId: watch.id, caseId: watch.case_id, personId: facts.applicantPersonId, outcome: 'success' });
      });
      return (await list(watch.case_id)).find((w) => w.id === watch.id);
    },
  );
}
