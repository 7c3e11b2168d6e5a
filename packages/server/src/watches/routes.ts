/** Bevakningar (watches): a date and a text on a case, owned by a worker; each is a work item in the owner's queue. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CaseWatches, IdParams, NewWatchBody, Watch, WatchDoneBody } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { endOfSwedishDay, hasCapability, swedishDate } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { closeWorkItems, openWorkItem, PRIORITY } from '../queue/work-items.ts';
import { listWatches, possibleOwners } from './store.ts';

export async function watchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

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
    return { items: await listWatches(deps, request.params.id), owners: canWrite ? await possibleOwners(deps, request.params.id) : [], permissions: { canWrite } };
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
      if (ownerId !== actor.userId && !(await possibleOwners(deps, request.params.id)).some((o) => o.id === ownerId)) {
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
      return reply.status(201).send((await listWatches(deps, request.params.id)).find((w) => w.id === id)!);
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
      return (await listWatches(deps, watch.case_id)).find((w) => w.id === watch.id);
    },
  );
}
