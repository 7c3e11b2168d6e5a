/**
 * Making the decision. Checks, in order: status; delegation (403 naming who may decide); four-eyes on decisions (the
 * decision-maker is not the presenting officer); completeness (400 with paths under /decision); the calculation is the
 * current one and, with four-eyes on calculations, approved (409); kommunicering for a decision against the person (409).
 * Then, in one transaction: status decided, application decided, case investigation → active on the first decision that
 * grants assistance (status history), journal entry (step decision), work items closed, the letter PDF stored, audit.
 */
import { type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DecisionView, fileResponse, IdParams, ReturnDecisionBody } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import {
  swedishDate, checkFourEyesDecider, checkReadyToDecide, communicationBlocks, DECISION_OUTCOME_LABELS, delegationCovering, isStaffRole, noDelegationMessage,
  rolesThatMayDecide, ROLE_LABELS,
} from '@vagen/domain';
import { audit, auditDenied } from '../audit.ts';
import { guardCase } from '../cases/guard.ts';
import { storeDocument } from '../documents.ts';
import { conflict, forbidden, HttpProblem, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { formatKronor } from '@vagen/domain/money.ts';
import { closeWorkItems, openWorkItem, PRIORITY } from '../work-items.ts';
import { delegation, fourEyes } from '../assessment/config.ts';
import { caseRow, currentCalculation, recordEvent } from '../assessment/store.ts';
import { draftContext } from './drafts.ts';
import { buildDecisionLetter } from './letter.ts';
import { communicationState, currentCommunication, decisionJson, draftOf, loadDecision, periodText, toDecision } from './store.ts';

export async function finalizeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  async function load(id: string) {
    const d = await loadDecision(deps.db, id);
    if (!d) throw notFound('Beslutet');
    return d;
  }

  async function respond(id: string, actorRole: string) {
    const d = (await loadDecision(deps.db, id))!;
    const c = await caseRow(deps.db, d.caseId);
    const { content } = await draftContext(deps.db, d, c.municipality_code);
    return decisionJson(deps.db, d, { municipality: c.municipality_code, content, now: deps.now(), actorRole });
  }

  r.post('/api/v1/decisions/:id/submit', {
    schema: { tags: ['beslut'], summary: 'Skicka till beslutsfattare (status väntar på beslut; ett ärende i rätt rolls kö)', params: IdParams, response: { 200: DecisionView } },
  }, async (request) => {
    const d = await load(request.params.id);
    const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.submit', 'assessment.write');
    if (d.status !== 'draft') throw conflict(d.status === 'decided' ? 'Beslutet är redan fattat.' : 'Beslutet väntar redan på beslutsfattare.');
    const now = deps.now();
    const date = swedishDate(now);
    const c = await caseRow(deps.db, d.caseId);
    const { ctx } = await draftContext(deps.db, d, c.municipality_code);
    const errors = checkReadyToDecide(draftOf(d), ctx);
    if (errors.length) throw new ValidationFailure(errors.map((e) => ({ path: `/decision${e.path}`, message: e.message })), 'Beslutsutkastet är inte färdigt.');
    const roles = rolesThatMayDecide(delegation(c.municipality_code, date).rows, d.outcome, d.amount, date);
    const role = roles[0] ?? 'unitManager';
    await deps.db.transaction().execute(async (tx) => {
      const locked = await tx.selectFrom('decisions').select('status').where('id', '=', d.id).forUpdate().executeTakeFirstOrThrow();
      if (locked.status !== 'draft') throw conflict('Beslutet har redan skickats eller fattats.');
      await tx.updateTable('decisions').set({ status: 'awaitingApproval', presenting_officer: actor.userId, updated_at: now.toISOString() }).where('id', '=', d.id).execute();
      await openWorkItem(tx, {
        municipality: c.municipality_code, unitId: c.unit_id, caseId: d.caseId, kind: 'decisionApproval', ref: { type: 'decision', id: d.id },
        title: `Fatta beslut: ${DECISION_OUTCOME_LABELS[d.outcome].toLowerCase()} ${formatKronor(d.amount)} (${c.case_number})`,
        priority: PRIORITY.deadline, receivedAt: now, assignedRole: role,
      }, now);
      await recordEvent(tx, { caseId: d.caseId, objectType: 'decision', objectId: d.id, event: 'submitted', from: 'draft', to: 'awaitingApproval', actorId: actor.userId, note: `Till ${ROLE_LABELS[role]}`, at: now });
      await audit(tx, actor, now, { action: 'decision.submit', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId: facts.applicantPersonId, outcome: 'success' });
    });
    return respond(d.id, actor.role);
  });

  r.post('/api/v1/decisions/:id/return', {
    schema: {
      tags: ['beslut'], summary: 'Skicka tillbaka utkastet till föredraganden med en kommentar', params: IdParams,
      body: ReturnDecisionBody, response: { 200: DecisionView },
    },
  }, async (request) => {
    const d = await load(request.params.id);
    const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.return', 'decision.make');
    if (d.status !== 'awaitingApproval') throw conflict('Bara ett beslut som väntar på beslutsfattare kan skickas tillbaka.');
    const now = deps.now();
    const c = await caseRow(deps.db, d.caseId);
    await deps.db.transaction().execute(async (tx) => {
      await tx.updateTable('decisions').set({ status: 'draft', updated_at: now.toISOString() }).where('id', '=', d.id).where('status', '=', 'awaitingApproval').execute();
      await closeWorkItems(tx, { refType: 'decision', refId: d.id, kind: 'decisionApproval' }, actor.userId, now);
      await openWorkItem(tx, {
        municipality: c.municipality_code, unitId: c.unit_id, caseId: d.caseId, kind: 'decisionReturned', ref: { type: 'decision', id: d.id },
        title: `Beslutsutkast tillbaka från beslutsfattare (${c.case_number})`, priority: PRIORITY.deadline, receivedAt: now, assignedTo: d.presentingOfficer,
      }, now);
      await recordEvent(tx, { caseId: d.caseId, objectType: 'decision', objectId: d.id, event: 'returned', from: 'awaitingApproval', to: 'draft', actorId: actor.userId, note: request.body.note.trim(), at: now });
      await audit(tx, actor, now, { action: 'decision.return', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId: facts.applicantPersonId, outcome: 'success' });
    });
    return respond(d.id, actor.role);
  });

  r.post('/api/v1/decisions/:id/decide', {
    schema: { tags: ['beslut'], summary: 'Fatta beslutet (delegation, fyra ögon, kommunicering och fullständighet kontrolleras); beslutsbrevet skapas', params: IdParams, response: { 200: DecisionView } },
  }, async (request) => {
    const d = await load(request.params.id);
    const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.decide', 'decision.make');
    if (d.status === 'decided') throw conflict('Beslutet är redan fattat.');
    const now = deps.now();
    const date = swedishDate(now);
    const c = await caseRow(deps.db, d.caseId);
    const rows = delegation(c.municipality_code, date).rows;
    if (!delegationCovering(rows, actor.role, d.outcome, d.amount, date)) {
      await auditDenied(deps.db, actor, now, { action: 'decision.decide', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId: facts.applicantPersonId, purpose: 'noDelegation' });
      throw forbidden(noDelegationMessage(rows, actor.role, d.outcome, d.amount, date));
    }
    const eyes = fourEyes(c.municipality_code, date);
    const decider = checkFourEyesDecider(eyes.decision, d.presentingOfficer, actor.userId);
    if (!decider.ok) {
      await auditDenied(deps.db, actor, now, { action: 'decision.decide', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId: facts.applicantPersonId, purpose: 'fourEyes' });
      throw forbidden(decider.message);
    }
    const { ctx, content, application } = await draftContext(deps.db, d, c.municipality_code);
    const errors = checkReadyToDecide(draftOf(d), ctx);
    if (errors.length) throw new ValidationFailure(errors.map((e) => ({ path: `/decision${e.path}`, message: e.message })), 'Beslutet är inte färdigt.');
    const calc = await currentCalculation(deps.db, application.id);
    if (calc && d.calculationId !== calc.id) throw conflict('Beräkningen har ändrats efter att beslutsutkastet gjordes. Hämta den senaste beräkningen till utkastet och kontrollera beloppen.');
    if (calc && application.updatedAt && application.updatedAt > calc.createdAt) throw conflict('Ansökan har ändrats efter den senaste beräkningen. Beräkna igen innan beslutet fattas.');
    if (calc && eyes.calculation && !calc.approvedAt) throw conflict('Kommunen kräver fyra ögon på beräkningen: en annan person ska godkänna beräkningen innan beslutet fattas.');
    const comm = await currentCommunication(deps.db, d.id);
    const blocked = communicationBlocks(d.outcome, communicationState(comm), now.toISOString());
    if (blocked) throw conflict(blocked);

    const decided = { ...d, status: 'decided' as const, decidedBy: actor.userId, decidedAt: now.toISOString() };
    const letter = await buildDecisionLetter(deps.db, decided, c, content);
    const grants = d.amount > 0 && (d.outcome === 'granted' || d.outcome === 'partlyRefused');
    await deps.db.transaction().execute(async (tx) => {
      const locked = toDecision(await tx.selectFrom('decisions').selectAll().where('id', '=', d.id).forUpdate().executeTakeFirstOrThrow());
      if (locked.status === 'decided') throw conflict('Beslutet är redan fattat.');
      if (locked.updatedAt !== d.updatedAt) throw conflict('Beslutsutkastet ändrades medan du fattade beslutet. Läs in det igen.');
      const letterId = await storeDocument(tx, {
        caseId: d.caseId, municipality: c.municipality_code, kind: 'decisionLetter', title: `Beslut om ekonomiskt bistånd ${periodText(d.periodStart, d.periodEnd)}`,
        mimeType: 'application/pdf', content: letter, visibleToClient: true, related: { type: 'decision', id: d.id }, createdBy: actor.userId, locked: true,
      }, now);
      const second = d.presentingOfficer && d.presentingOfficer !== actor.userId;
      await tx.updateTable('decisions').set({
        status: 'decided', decided_by: actor.userId, decided_at: now.toISOString(), letter_document_id: letterId, updated_at: now.toISOString(),
        approved_by: second ? actor.userId : null, approved_at: second ? now.toISOString() : null,
      }).where('id', '=', d.id).execute();
      await recordEvent(tx, { caseId: d.caseId, objectType: 'decision', objectId: d.id, event: 'decided', from: locked.status, to: 'decided', actorId: actor.userId, note: `${DECISION_OUTCOME_LABELS[d.outcome]} ${formatKronor(d.amount)}`, at: now });
      const app0 = await tx.selectFrom('applications').select('status').where('id', '=', application.id).forUpdate().executeTakeFirstOrThrow();
      await tx.updateTable('applications').set({ status: 'decided', updated_at: now.toISOString() }).where('id', '=', application.id).execute();
      await recordEvent(tx, { caseId: d.caseId, objectType: 'application', objectId: application.id, event: 'decided', from: app0.status, to: 'decided', actorId: actor.userId, at: now });
      const cs = await tx.selectFrom('cases').select('status').where('id', '=', d.caseId).forUpdate().executeTakeFirstOrThrow();
      if (grants && cs.status === 'investigation') {
        await tx.updateTable('cases').set({ status: 'active', updated_at: now.toISOString() }).where('id', '=', d.caseId).execute();
        await tx.insertInto('case_status_history').values({ case_id: d.caseId, from_status: 'investigation', to_status: 'active', actor_kind: 'staff', actor_id: actor.userId, reason: `Beslut om ekonomiskt bistånd (${DECISION_OUTCOME_LABELS[d.outcome].toLowerCase()})`, at: now.toISOString() }).execute();
      } else {
        await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', d.caseId).execute();
      }
      const refused = d.items.filter((i) => i.refused > 0).map((i) => `${i.label}: ${formatKronor(i.refused)} beviljas inte. ${i.reason}`);
      await tx.insertInto('journal_entries').values({
        id: newId(), case_id: d.caseId, author_id: actor.userId, event_date: date, step: 'decision',
        title: `Beslut: ${DECISION_OUTCOME_LABELS[d.outcome]} ${formatKronor(d.amount)}, ${periodText(d.periodStart, d.periodEnd)}`,
        body: [
          `Beslut om ekonomiskt bistånd: ${DECISION_OUTCOME_LABELS[d.outcome].toLowerCase()}, ${formatKronor(d.amount)} för ${periodText(d.periodStart, d.periodEnd)}.`,
          ...refused,
          `Lagrum: ${d.legalBasis.map((l) => l.text).join('; ')}.`,
          `Beslutsfattare: ${actor.displayName} (${isStaffRole(actor.role) ? ROLE_LABELS[actor.role].toLowerCase() : actor.role}).`,
          'Beslutsbrevet finns bland ärendets dokument.',
        ].join('\n'),
        received_orally_from: null, received_orally_at: null, corrects_entry_id: null, created_at: now.toISOString(), updated_at: now.toISOString(),
        signed_at: now.toISOString(), signed_by: actor.userId,
      }).execute();
      await closeWorkItems(tx, { refType: 'decision', refId: d.id }, actor.userId, now);
      await audit(tx, actor, now, { action: 'decision.decide', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId: facts.applicantPersonId, outcome: 'success' });
    });
    return respond(d.id, actor.role);
  });

  r.get('/api/v1/decisions/:id/letter', { schema: { tags: ['beslut'], summary: 'Beslutsbrevet (PDF)', params: IdParams, response: { 200: fileResponse('application/pdf', 'Beslutsbrevet') } } }, async (request, reply) => {
    const d = await load(request.params.id);
    const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.letter.read');
    if (!d.letterDocumentId) throw notFound('Beslutsbrevet');
    // Logged before the letter is read: a read that cannot be logged is not served.
    await audit(deps.db, actor, deps.now(), { action: 'decision.letter.read', targetType: 'document', targetId: d.letterDocumentId, caseId: d.caseId, personId: facts.applicantPersonId, outcome: 'success' });
    const doc = await deps.db.selectFrom('documents').select(['content', 'mime_type']).where('id', '=', d.letterDocumentId).executeTakeFirst();
    if (!doc) throw new HttpProblem(404, 'NOT_FOUND', 'Beslutsbrevet finns inte.');
    return reply.type(doc.mime_type).header('content-disposition', 'inline; filename="beslut.pdf"').send(doc.content);
  });
}
