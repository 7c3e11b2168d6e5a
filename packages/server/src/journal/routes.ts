import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { CaseParams, JournalCorrectionBody, JournalEntry, JournalEntryParams, NewJournalEntryBody, PatchJournalEntryBody } from '@vagen/contract';
import { swedishDate, canCorrectJournalEntry, canEditJournalEntry, canSignJournalEntry } from '@vagen/domain';
import type { Database } from '@vagen/db';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';

async function entryJson(db: Kysely<Database>, id: string): Promise<JournalEntry> {
  const j = await db
    .selectFrom('journal_entries as j')
    .innerJoin('staff_users as a', 'a.id', 'j.author_id')
    .leftJoin('staff_users as s', 's.id', 'j.signed_by')
    .select([
      'j.id',
      'j.case_id',
      'j.event_date',
      'j.title',
      'j.body',
      'j.author_id',
      'a.display_name as author_name',
      'j.created_at',
      'j.updated_at',
      'j.signed_at',
      's.display_name as signed_by_name',
      'j.corrects_entry_id',
      'j.received_orally_from',
      'j.received_orally_at',
      'j.step',
    ])
    .where('j.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: j.id,
    caseId: j.case_id,
    eventDate: j.event_date,
    title: j.title,
    body: j.body,
    authorId: j.author_id,
    authorName: j.author_name,
    createdAt: j.created_at,
    updatedAt: j.updated_at,
    signedAt: j.signed_at,
    signedByName: j.signed_by_name,
    correctsEntryId: j.corrects_entry_id,
    receivedOrallyFrom: j.received_orally_from,
    receivedOrallyAt: j.received_orally_at,
    step: j.step,
  };
}

export async function journalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  /** Loads an entry with access to its case checked; 404 for both "missing" and "not yours to see". */
  async function guardEntry(request: FastifyRequest, entryId: string, action: string) {
    const entry = await deps.db.selectFrom('journal_entries').select(['id', 'case_id', 'author_id', 'signed_at']).where('id', '=', entryId).executeTakeFirst();
    if (!entry) throw notFound('Anteckningen');
    const { actor } = await guardCase(app, request, entry.case_id, action, 'journal.write');
    return { actor, entry };
  }

  function checkReceivedOrally(b: { receivedOrallyFrom?: string | undefined; receivedOrallyAt?: string | undefined }, now: Date) {
    if (b.receivedOrallyAt && !b.receivedOrallyFrom) throw new ValidationFailure([{ path: '/body/receivedOrallyFrom', message: 'Ange vem uppgiften kom från.' }]);
    if (b.receivedOrallyAt && new Date(b.receivedOrallyAt).getTime() > now.getTime() + 60_000) {
      throw new ValidationFailure([{ path: '/body/receivedOrallyAt', message: 'Tidpunkten kan inte ligga i framtiden.' }]);
    }
  }

  r.post(
    '/api/v1/cases/:id/journal',
    {
      schema: { tags: ['journal'], summary: 'Ny journalanteckning', params: CaseParams, body: NewJournalEntryBody, response: { 201: JournalEntry } },
    },
    async (request, reply) => {
      const { actor } = await guardCase(app, request, request.params.id, 'journal.create', 'journal.write');
      const now = deps.now();
      checkReceivedOrally(request.body, now);
      const b = request.body;
      const id = newId();
      await deps.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('journal_entries')
          .values({
            id,
            case_id: request.params.id,
            author_id: actor.userId,
            event_date: b.eventDate,
            title: b.title.trim(),
            body: b.body,
            received_orally_from: b.receivedOrallyFrom?.trim() ?? null,
            received_orally_at: b.receivedOrallyAt ? new Date(b.receivedOrallyAt).toISOString() : b.receivedOrallyFrom ? now.toISOString() : null,
            corrects_entry_id: null,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
            signed_at: null,
            signed_by: null,
            step: b.step ?? null,
          })
          .execute();
        await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', request.params.id).execute();
        await audit(tx, actor, now, { action: 'journal.create', targetType: 'journalEntry', targetId: id, caseId: request.params.id, outcome: 'success' });
      });
      return reply.status(201).send(await entryJson(deps.db, id));
    },
  );

  r.patch(
    '/api/v1/journal-entries/:id',
    {
      schema: { tags: ['journal'], summary: 'Ändra en osignerad anteckning (bara författaren)', params: JournalEntryParams, body: PatchJournalEntryBody, response: { 200: JournalEntry } },
    },
    async (request) => {
      const { actor, entry } = await guardEntry(request, request.params.id, 'journal.update');
      const now = deps.now();
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('journal_entries').select(['author_id', 'signed_at']).where('id', '=', entry.id).forUpdate().executeTakeFirstOrThrow();
        const check = canEditJournalEntry({ authorId: locked.author_id, signedAt: locked.signed_at }, actor.userId);
        if (!check.ok) throw conflict(check.message);
        const b = request.body;
        await tx
          .updateTable('journal_entries')
          .set({
            ...(b.title !== undefined ? { title: b.title.trim() } : {}),
            ...(b.body !== undefined ? { body: b.body } : {}),
            ...(b.eventDate !== undefined ? { event_date: b.eventDate } : {}),
            updated_at: now.toISOString(),
          })
          .where('id', '=', entry.id)
          .execute();
        await audit(tx, actor, now, { action: 'journal.update', targetType: 'journalEntry', targetId: entry.id, caseId: entry.case_id, outcome: 'success' });
      });
      return entryJson(deps.db, entry.id);
    },
  );

  r.post(
    '/api/v1/journal-entries/:id/sign',
    {
      schema: { tags: ['journal'], summary: 'Signera (låser anteckningen)', params: JournalEntryParams, response: { 200: JournalEntry } },
    },
    async (request) => {
      const { actor, entry } = await guardEntry(request, request.params.id, 'journal.sign');
      const now = deps.now();
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('journal_entries').select(['author_id', 'signed_at']).where('id', '=', entry.id).forUpdate().executeTakeFirstOrThrow();
        const check = canSignJournalEntry({ authorId: locked.author_id, signedAt: locked.signed_at }, actor.userId);
        if (!check.ok) throw conflict(check.message);
        await tx.updateTable('journal_entries').set({ signed_at: now.toISOString(), signed_by: actor.userId }).where('id', '=', entry.id).execute();
        await audit(tx, actor, now, { action: 'journal.sign', targetType: 'journalEntry', targetId: entry.id, caseId: entry.case_id, outcome: 'success' });
      });
      return entryJson(deps.db, entry.id);
    },
  );

  r.post(
    '/api/v1/journal-entries/:id/corrections',
    {
      schema: {
        tags: ['journal'],
        summary: 'Rättelse av en signerad anteckning (ny anteckning som hänvisar till den gamla)',
        params: JournalEntryParams,
        body: JournalCorrectionBody,
        response: { 201: JournalEntry },
      },
    },
    async (request, reply) => {
      const { actor, entry } = await guardEntry(request, request.params.id, 'journal.correct');
      const check = canCorrectJournalEntry({ authorId: entry.author_id, signedAt: entry.signed_at });
      if (!check.ok) throw conflict(check.message);
      const now = deps.now();
      const id = newId();
      await deps.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('journal_entries')
          .values({
            id,
            case_id: entry.case_id,
            author_id: actor.userId,
            event_date: swedishDate(now),
            title: request.body.title.trim(),
            body: request.body.body,
            received_orally_from: null,
            received_orally_at: null,
            corrects_entry_id: entry.id,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
            signed_at: null,
            signed_by: null,
            step: null,
          })
          .execute();
        await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', entry.case_id).execute();
        await audit(tx, actor, now, { action: 'journal.correct', targetType: 'journalEntry', targetId: id, caseId: entry.case_id, outcome: 'success' });
      });
      return reply.status(201).send(await entryJson(deps.db, id));
    },
  );
}
