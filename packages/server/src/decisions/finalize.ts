/**
 * Routes for submitting, returning and making a decision, and for reading its letter. Each handler checks access to
 * the decision's case and calls its action in ./actions.ts, where the domain decides and the writes are made.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DecisionView, fileResponse, IdParams, ReturnDecisionBody } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { HttpProblem, notFound } from '../errors.ts';
import { caseRow } from '../assessment/store.ts';
import { makeDecision, returnDecision, submitDecision } from './actions.ts';
import { draftContext } from './drafts.ts';
import { decisionJson, loadDecision } from './store.ts';

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

  r.post(
    '/api/v1/decisions/:id/submit',
    {
      schema: { tags: ['beslut'], summary: 'Skicka till beslutsfattare (status väntar på beslut; ett ärende i rätt rolls kö)', params: IdParams, response: { 200: DecisionView } },
    },
    async (request) => {
      const d = await load(request.params.id);
      const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.submit', 'assessment.write');
      await submitDecision(deps, { actor, personId: facts.applicantPersonId }, d);
      return respond(d.id, actor.role);
    },
  );

  r.post(
    '/api/v1/decisions/:id/return',
    {
      schema: {
        tags: ['beslut'],
        summary: 'Skicka tillbaka utkastet till föredraganden med en kommentar',
        params: IdParams,
        body: ReturnDecisionBody,
        response: { 200: DecisionView },
      },
    },
    async (request) => {
      const d = await load(request.params.id);
      const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.return', 'decision.make');
      await returnDecision(deps, { actor, personId: facts.applicantPersonId }, d, request.body.note);
      return respond(d.id, actor.role);
    },
  );

  r.post(
    '/api/v1/decisions/:id/decide',
    {
      schema: {
        tags: ['beslut'],
        summary: 'Fatta beslutet (delegation, fyra ögon, kommunicering och fullständighet kontrolleras); beslutsbrevet skapas',
        params: IdParams,
        response: { 200: DecisionView },
      },
    },
    async (request) => {
      const d = await load(request.params.id);
      const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.decide', 'decision.make');
      await makeDecision(deps, { actor, personId: facts.applicantPersonId }, d);
      return respond(d.id, actor.role);
    },
  );

  r.get(
    '/api/v1/decisions/:id/letter',
    { schema: { tags: ['beslut'], summary: 'Beslutsbrevet (PDF)', params: IdParams, response: { 200: fileResponse('application/pdf', 'Beslutsbrevet') } } },
    async (request, reply) => {
      const d = await load(request.params.id);
      const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.letter.read');
      if (!d.letterDocumentId) throw notFound('Beslutsbrevet');
      // Logged before the letter is read: a read that cannot be logged is not served.
      await audit(deps.db, actor, deps.now(), {
        action: 'decision.letter.read',
        targetType: 'document',
        targetId: d.letterDocumentId,
        caseId: d.caseId,
        personId: facts.applicantPersonId,
        outcome: 'success',
      });
      const doc = await deps.db.selectFrom('documents').select(['content', 'mime_type']).where('id', '=', d.letterDocumentId).executeTakeFirst();
      if (!doc) throw new HttpProblem(404, 'NOT_FOUND', 'Beslutsbrevet finns inte.');
      return reply.type(doc.mime_type).header('content-disposition', 'inline; filename="beslut.pdf"').send(doc.content);
    },
  );
}
