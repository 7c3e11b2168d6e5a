/** Kommunicering (FL 25 §): record what was sent, when, how and the deadline; then the answer. Or why it was unnecessary. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CommunicationAnswerBody, CommunicationBody, CommunicationView, fileResponse, IdParams } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { COMMUNICATION_CHANNEL_LABELS, formatSwedishDate, swedishDate } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { storeDocument } from '../documents/store.ts';
import { conflict, notFound, ValidationFailure, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { closeWorkItems, openWorkItem, PRIORITY } from '../queue/work-items.ts';
import { legalReferences } from './config.ts';
import { caseRow, recordEvent } from '../assessment/store.ts';
import { buildCommunicationLetter } from './letter.ts';
import { loadDecision, toCommunication } from './store.ts';

export async function communicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.post(
    '/api/v1/decisions/:id/communication',
    {
      schema: {
        tags: ['beslut'],
        summary: 'Registrera kommunicering (förvaltningslagen 25 §) eller att den är obehövlig',
        params: IdParams,
        body: CommunicationBody,
        response: { 201: CommunicationView },
      },
    },
    async (request, reply) => {
      const d = await loadDecision(deps.db, request.params.id);
      if (!d) throw notFound('Beslutet');
      const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.communication', 'assessment.write');
      if (d.status === 'decided') throw conflict('Beslutet är redan fattat.');
      const now = deps.now();
      const b = request.body;
      const c = await caseRow(deps.db, d.caseId);
      const errors: FieldError[] = [];
      if (b.kind === 'sent') {
        if (!b.text?.trim()) errors.push({ path: '/body/text', message: 'Skriv vad som kommunicerades (underlaget för beslutet).' });
        if (!b.sentAt) errors.push({ path: '/body/sentAt', message: 'Ange när underlaget skickades eller lämnades.' });
        else if (new Date(b.sentAt).getTime() > now.getTime() + 60_000) errors.push({ path: '/body/sentAt', message: 'Tidpunkten kan inte ligga i framtiden.' });
        if (!b.channel) errors.push({ path: '/body/channel', message: 'Ange hur underlaget kommunicerades.' });
        if (!b.answerDeadline) errors.push({ path: '/body/answerDeadline', message: 'Ange sista dag för svar.' });
        else if (b.sentAt && b.answerDeadline <= b.sentAt) errors.push({ path: '/body/answerDeadline', message: 'Svarstiden ska gå ut efter att underlaget skickades.' });
        for (const k of ['exceptionId', 'reason'] as const) if (b[k] !== undefined) errors.push({ path: `/body/${k}`, message: 'Anges bara när kommunicering är obehövlig.' });
      } else {
        const exceptions = legalReferences(c.municipality_code, swedishDate(now)).communicationExceptions;
        if (!b.exceptionId || !exceptions.some((e) => e.id === b.exceptionId)) errors.push({ path: '/body/exceptionId', message: 'Välj vilket undantag i förvaltningslagen 25 § som gäller.' });
        if (!b.reason?.trim()) errors.push({ path: '/body/reason', message: 'Skriv varför kommunicering är obehövlig i det här ärendet.' });
        for (const k of ['sentAt', 'channel', 'answerDeadline', 'createLetter'] as const)
          if (b[k] !== undefined) errors.push({ path: `/body/${k}`, message: 'Anges bara när underlaget har kommunicerats.' });
      }
      if (errors.length) throw new ValidationFailure(errors);
      const id = newId();
      const sentAt = b.sentAt ? new Date(b.sentAt) : null;
      const deadline = b.answerDeadline ? new Date(b.answerDeadline) : null;
      const letter = b.kind === 'sent' && b.createLetter ? await buildCommunicationLetter(deps.db, d, c, b.text!.trim(), deadline!.toISOString(), now) : null;
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('decisions').select(['status']).where('id', '=', d.id).forUpdate().executeTakeFirstOrThrow();
        if (locked.status === 'decided') throw conflict('Beslutet är redan fattat.');
        // A new record replaces the earlier one (kept, marked withdrawn).
        const old = await tx
          .updateTable('decision_communications')
          .set({ withdrawn_at: now.toISOString(), withdrawn_by: actor.userId })
          .where('decision_id', '=', d.id)
          .where('withdrawn_at', 'is', null)
          .returning('id')
          .execute();
        for (const o of old) await recordEvent(tx, { caseId: d.caseId, objectType: 'communication', objectId: o.id, event: 'withdrawn', to: 'withdrawn', actorId: actor.userId, at: now });
        await closeWorkItems(tx, { refType: 'decision', refId: d.id, kind: 'communicationAnswer' }, actor.userId, now);
        const letterId = letter
          ? await storeDocument(
              tx,
              {
                caseId: d.caseId,
                municipality: c.municipality_code,
                kind: 'communicationLetter',
                title: 'Kommunicering före beslut',
                mimeType: 'application/pdf',
                content: letter,
                visibleToClient: true,
                related: { type: 'communication', id },
                createdBy: actor.userId,
                locked: true,
              },
              now,
            )
          : null;
        await tx
          .insertInto('decision_communications')
          .values({
            id,
            decision_id: d.id,
            case_id: d.caseId,
            kind: b.kind,
            text: b.text?.trim() || null,
            sent_at: sentAt?.toISOString() ?? null,
            channel: b.channel ?? null,
            answer_deadline: deadline?.toISOString() ?? null,
            answer_text: null,
            answered_at: null,
            answer_recorded_by: null,
            exception_id: b.exceptionId ?? null,
            unnecessary_reason: b.reason?.trim() || null,
            letter_document_id: letterId,
            recorded_by: actor.userId,
            recorded_at: now.toISOString(),
            withdrawn_at: null,
            withdrawn_by: null,
          })
          .execute();
        await recordEvent(tx, {
          caseId: d.caseId,
          objectType: 'communication',
          objectId: id,
          event: b.kind === 'sent' ? 'sent' : 'markedUnnecessary',
          to: b.kind === 'sent' ? 'awaitingAnswer' : 'unnecessary',
          actorId: actor.userId,
          note: b.kind === 'sent' ? `${COMMUNICATION_CHANNEL_LABELS[b.channel!]}; svar senast ${formatSwedishDate(deadline!)}` : b.reason!.trim(),
          at: now,
        });
        if (b.kind === 'sent') {
          await openWorkItem(
            tx,
            {
              municipality: c.municipality_code,
              unitId: c.unit_id,
              caseId: d.caseId,
              kind: 'communicationAnswer',
              ref: { type: 'decision', id: d.id },
              title: 'Svar på kommunicering före beslut',
              priority: PRIORITY.deadline,
              receivedAt: now,
              dueAt: deadline,
              assignedTo: actor.userId,
            },
            now,
          );
        }
        await audit(tx, actor, now, { action: 'decision.communication', targetType: 'communication', targetId: id, caseId: d.caseId, personId: facts.applicantPersonId, outcome: 'success' });
      });
      const row = await deps.db.selectFrom('decision_communications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const rec = toCommunication(row);
      return reply.status(201).send({ ...rec, letterUrl: rec.letterDocumentId ? `/api/v1/communications/${rec.id}/letter` : null });
    },
  );

  r.post(
    '/api/v1/communications/:id/answer',
    {
      schema: {
        tags: ['beslut'],
        summary: 'Registrera den enskildes svar på kommuniceringen',
        params: IdParams,
        body: CommunicationAnswerBody,
        response: { 200: CommunicationView },
      },
    },
    async (request) => {
      const row = await deps.db.selectFrom('decision_communications').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!row) throw notFound('Kommuniceringen');
      const { actor, facts } = await guardCase(app, request, row.case_id, 'decision.communication.answer', 'assessment.write');
      const now = deps.now();
      if (row.kind !== 'sent' || row.withdrawn_at) throw conflict('Det finns ingen skickad kommunicering att registrera svar på.');
      if (row.answered_at) throw conflict('Svaret är redan registrerat.');
      const at = new Date(request.body.answeredAt);
      if (at.getTime() > now.getTime() + 60_000) throw new ValidationFailure([{ path: '/body/answeredAt', message: 'Tidpunkten kan inte ligga i framtiden.' }]);
      if (row.sent_at && at.toISOString() < row.sent_at) throw new ValidationFailure([{ path: '/body/answeredAt', message: 'Svaret kan inte ha kommit före utskicket.' }]);
      if (!request.body.text.trim()) throw new ValidationFailure([{ path: '/body/text', message: 'Skriv vad den enskilde svarade.' }]);
      await deps.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('decision_communications')
          .set({ answer_text: request.body.text.trim(), answered_at: at.toISOString(), answer_recorded_by: actor.userId })
          .where('id', '=', row.id)
          .execute();
        await closeWorkItems(tx, { refType: 'decision', refId: row.decision_id, kind: 'communicationAnswer' }, actor.userId, now);
        await recordEvent(tx, { caseId: row.case_id, objectType: 'communication', objectId: row.id, event: 'answered', from: 'awaitingAnswer', to: 'answered', actorId: actor.userId, at: now });
        await audit(tx, actor, now, {
          action: 'decision.communication.answer',
          targetType: 'communication',
          targetId: row.id,
          caseId: row.case_id,
          personId: facts.applicantPersonId,
          outcome: 'success',
        });
      });
      const rec = toCommunication(await deps.db.selectFrom('decision_communications').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
      return { ...rec, letterUrl: rec.letterDocumentId ? `/api/v1/communications/${rec.id}/letter` : null };
    },
  );

  r.get(
    '/api/v1/communications/:id/letter',
    { schema: { tags: ['beslut'], summary: 'Kommuniceringsbrevet (PDF)', params: IdParams, response: { 200: fileResponse('application/pdf', 'Kommuniceringsbrevet') } } },
    async (request, reply) => {
      const row = await deps.db.selectFrom('decision_communications').select(['id', 'case_id', 'letter_document_id']).where('id', '=', request.params.id).executeTakeFirst();
      if (!row) throw notFound('Kommuniceringen');
      const { actor, facts } = await guardCase(app, request, row.case_id, 'document.read');
      if (!row.letter_document_id) throw notFound('Brevet');
      await audit(deps.db, actor, deps.now(), {
        action: 'document.read',
        targetType: 'document',
        targetId: row.letter_document_id,
        caseId: row.case_id,
        personId: facts.applicantPersonId,
        purpose: 'communicationLetter',
        outcome: 'success',
      });
      const doc = await deps.db.selectFrom('documents').select(['content', 'mime_type']).where('id', '=', row.letter_document_id).executeTakeFirstOrThrow();
      return reply.type(doc.mime_type).header('content-disposition', 'inline; filename="kommunicering.pdf"').send(doc.content);
    },
  );
}
