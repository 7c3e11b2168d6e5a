/**
 * Decision drafts: made from the current calculation (proposal outcome, items per cost, amount, default legal basis,
 * reasons from the phrase library, försörjningshinder from the previous decision, child perspective), edited by the
 * worker, refreshed when the calculation changes.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DecisionPatchBody, DecisionView, IdParams, NewDecisionBody } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import {
  swedishDate,
  checkDraft,
  childPerspectiveFor,
  defaultObstacles,
  itemsFromCalculation,
  proposedOutcome,
  totalApplied,
  type ApplicationContent,
  type DecisionDraft,
  type DecisionOutcome,
} from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { contentTemplate } from '../assessment/applications.ts';
import { legalReferences, reasonPhrases, supportObstacles } from './config.ts';
import { caseRow, currentCalculation, guardApplication, loadApplication, recordEvent, type ApplicationRecord, type Db } from '../assessment/store.ts';
import { decisionJson, draftOf, loadDecision, phraseView, render, toDecision, type DecisionRecord } from './store.ts';

export async function contentFor(db: Db, a: ApplicationRecord): Promise<ApplicationContent> {
  return a.content ?? (await contentTemplate(db, a));
}

export async function draftContext(db: Db, d: { applicationId: string | null; createdAt: string | null; decidedAt: string }, municipality: string) {
  const a = (await loadApplication(db, d.applicationId!))!;
  const content = await contentFor(db, a);
  const date = swedishDate(d.createdAt ?? d.decidedAt);
  return {
    application: a,
    content,
    ctx: {
      applicationPeriod: { start: a.periodStart ?? a.periodMonth, end: a.periodEnd ?? content.period.end },
      content,
      legalReferences: legalReferences(municipality, date).references,
      obstacleCodes: supportObstacles(municipality, date).codes,
    },
  };
}

function defaultReasons(municipality: string, date: string, draft: DecisionDraft, content: ApplicationContent, legalTexts: string[]): string {
  const phrase = reasonPhrases(municipality, date).phrases.find((p) => p.scope === 'decision' && p.default && p.outcomes.includes(draft.outcome));
  return phrase ? render(phrase.text, phraseView(draft, content, legalTexts)) : '';
}

export async function saveDraft(tx: Db, id: string, d: DecisionDraft, municipality: string, date: string, now: Date) {
  const refs = legalReferences(municipality, date).references;
  const codes = supportObstacles(municipality, date).codes;
  await tx
    .updateTable('decisions')
    .set({
      outcome: d.outcome,
      period_start: d.periodStart,
      period_end: d.periodEnd,
      amount: d.amount,
      system_amount: d.systemAmount,
      applied_amount: totalApplied(d.items),
      amount_reason: d.amountReason || null,
      items: JSON.stringify(d.items),
      legal_basis: JSON.stringify(
        d.legalBasisIds.map((lid) => {
          const r = refs.find((x) => x.id === lid)!;
          return { id: r.id, text: r.text, verified: r.verified, appealBasis: r.appealBasis ?? 'none' };
        }),
      ),
      reasons: d.reasons,
      support_obstacles: JSON.stringify(
        d.supportObstacles.map((s) => {
          const c = codes.find((x) => x.code === s.code);
          return { ...s, label: c?.label ?? s.code, group: c?.group ?? null };
        }),
      ),
      child_perspective: d.childPerspective ? JSON.stringify(d.childPerspective) : null,
      recovery_basis: d.recoveryBasis ? JSON.stringify(d.recoveryBasis) : null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function draftRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  async function respond(d: DecisionRecord, actorRole: string) {
    const c = await caseRow(deps.db, d.caseId);
    const a = d.applicationId ? await loadApplication(deps.db, d.applicationId) : null;
    return decisionJson(deps.db, d, { municipality: c.municipality_code, content: a ? await contentFor(deps.db, a) : null, now: deps.now(), actorRole });
  }

  r.post(
    '/api/v1/applications/:id/decisions',
    {
      schema: {
        tags: ['beslut'],
        summary: 'Nytt beslutsutkast från den senaste beräkningen (förslag: bifall, delavslag eller avslag; avvisning väljs av handläggaren)',
        params: IdParams,
        body: NewDecisionBody,
        response: { 201: DecisionView },
      },
      // The body may be left out: no body is the same as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const { actor, facts, application } = await guardApplication(app, request, request.params.id, 'decision.draft', 'assessment.write');
      if (application.status === 'decided') throw conflict('Ansökan är redan beslutad.');
      const open = await deps.db.selectFrom('decisions').select('id').where('application_id', '=', application.id).where('status', 'in', ['draft', 'awaitingApproval']).executeTakeFirst();
      if (open) throw conflict('Det finns redan ett beslutsutkast för ansökan. Fortsätt med det.');
      const calc = await currentCalculation(deps.db, application.id);
      const wanted: DecisionOutcome | undefined = request.body.outcome;
      if (!calc && wanted !== 'dismissed') throw conflict('Gör en beräkning innan du skapar ett beslutsutkast (eller välj avvisning om ansökan inte kan prövas).');
      const now = deps.now();
      const date = swedishDate(now);
      const c = await caseRow(deps.db, application.caseId);
      const content = await contentFor(deps.db, application);
      const previous = await deps.db.selectFrom('decisions').selectAll().where('case_id', '=', application.caseId).where('status', '=', 'decided').orderBy('decided_at', 'desc').executeTakeFirst();
      const prev = previous ? toDecision(previous) : null;
      const items = calc ? itemsFromCalculation(content, calc.effective) : [];
      const outcome: DecisionOutcome = wanted ?? (calc ? proposedOutcome(calc.effective) : 'dismissed');
      const systemAmount = calc ? calc.assistance : 0;
      const refs = legalReferences(c.municipality_code, date).references;
      const legalBasisIds = refs.filter((x) => x.defaultFor?.includes(outcome)).map((x) => x.id);
      const draft: DecisionDraft = {
        outcome,
        periodStart: application.periodStart ?? content.period.start,
        periodEnd: application.periodEnd ?? content.period.end,
        amount: outcome === 'refused' || outcome === 'dismissed' ? 0 : systemAmount,
        systemAmount,
        amountReason: '',
        items,
        legalBasisIds,
        reasons: '',
        supportObstacles: defaultObstacles(content, prev?.supportObstacles ?? []),
        childPerspective: childPerspectiveFor(content, prev?.childPerspective ?? null),
        recoveryBasis: null,
      };
      draft.reasons = defaultReasons(
        c.municipality_code,
        date,
        draft,
        content,
        legalBasisIds.map((lid) => refs.find((x) => x.id === lid)!.text),
      );
      const id = newId();
      await deps.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('decisions')
          .values({
            id,
            case_id: application.caseId,
            application_id: application.id,
            outcome,
            period_start: draft.periodStart,
            period_end: draft.periodEnd,
            amount: draft.amount,
            decided_by: null,
            decided_at: now.toISOString(),
            status: 'draft',
            calculation_id: calc?.id ?? null,
            presenting_officer: actor.userId,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .execute();
        await saveDraft(tx, id, draft, c.municipality_code, date, now);
        await recordEvent(tx, { caseId: application.caseId, objectType: 'decision', objectId: id, event: 'drafted', to: 'draft', actorId: actor.userId, at: now });
        await audit(tx, actor, now, { action: 'decision.draft', targetType: 'decision', targetId: id, caseId: application.caseId, personId: facts.applicantPersonId, outcome: 'success' });
      });
      return reply.status(201).send(await respond((await loadDecision(deps.db, id))!, actor.role));
    },
  );

  r.get('/api/v1/decisions/:id', { schema: { tags: ['beslut'], summary: 'Ett beslut eller beslutsutkast', params: IdParams, response: { 200: DecisionView } } }, async (request) => {
    const d = await loadDecision(deps.db, request.params.id);
    if (!d) throw notFound('Beslutet');
    const { actor, facts } = await guardCase(app, request, d.caseId, 'decision.read');
    await audit(deps.db, actor, deps.now(), { action: 'decision.read', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId: facts.applicantPersonId, outcome: 'success' });
    return respond(d, actor.role);
  });

  r.patch('/api/v1/decisions/:id', { schema: { tags: ['beslut'], summary: 'Ändra beslutsutkastet', params: IdParams, body: DecisionPatchBody, response: { 200: DecisionView } } }, async (request) => {
    const found = await loadDecision(deps.db, request.params.id);
    if (!found) throw notFound('Beslutet');
    const { actor, facts } = await guardCase(app, request, found.caseId, 'decision.update', 'assessment.write');
    const now = deps.now();
    const c = await caseRow(deps.db, found.caseId);
    const { ctx } = await draftContext(deps.db, found, c.municipality_code);
    const b = request.body;
    await deps.db.transaction().execute(async (tx) => {
      const locked = toDecision(await tx.selectFrom('decisions').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow());
      if (locked.status === 'decided') throw conflict('Beslutet är fattat och kan inte ändras.');
      const d = draftOf(locked);
      const fields: { path: string; message: string }[] = [];
      if (b.outcome !== undefined && b.outcome !== d.outcome) {
        d.outcome = b.outcome;
        if (b.amount === undefined) d.amount = b.outcome === 'refused' || b.outcome === 'dismissed' ? 0 : d.systemAmount;
      }
      if (b.periodStart !== undefined) d.periodStart = b.periodStart;
      if (b.periodEnd !== undefined) d.periodEnd = b.periodEnd;
      if (b.amount !== undefined) d.amount = b.amount;
      if (b.amountReason !== undefined) d.amountReason = b.amountReason.trim();
      b.itemReasons?.forEach((ir, i) => {
        const item = d.items.find((x) => x.key === ir.key);
        if (!item) fields.push({ path: `/body/itemReasons/${i}/key`, message: 'Raden finns inte i beslutet.' });
        else item.reason = ir.reason.trim();
      });
      if (b.legalBasisIds !== undefined) d.legalBasisIds = b.legalBasisIds;
      b.itemLegalBasis?.forEach((ib, i) => {
        const item = d.items.find((x) => x.key === ib.key);
        if (!item) fields.push({ path: `/body/itemLegalBasis/${i}/key`, message: 'Raden finns inte i beslutet.' });
        else if (ib.legalBasisId === null) delete item.legalBasisId;
        else item.legalBasisId = ib.legalBasisId;
      });
      if (b.reasons !== undefined) d.reasons = b.reasons;
      if (b.supportObstacles !== undefined) {
        d.supportObstacles = b.supportObstacles.map((s) => ({
          adult: s.adult,
          code: s.code,
          personId: s.adult === 'applicant' ? ctx.content.applicant.personId : (ctx.content.coApplicant?.personId ?? null),
        }));
        if (new Set(b.supportObstacles.map((s) => s.adult)).size !== b.supportObstacles.length) fields.push({ path: '/body/supportObstacles', message: 'Ange ett försörjningshinder per vuxen.' });
      }
      if (b.childPerspective !== undefined) {
        const base = childPerspectiveFor(ctx.content, null);
        if (!base) fields.push({ path: '/body/childPerspective', message: 'Det finns inga barn i ansökan.' });
        else
          d.childPerspective = {
            ...base,
            consideration: b.childPerspective.consideration.trim(),
            childSpokenTo: b.childPerspective.childSpokenTo,
            spokenToNote: b.childPerspective.spokenToNote?.trim() ?? '',
          };
      }
      if (b.recoveryBasis !== undefined) d.recoveryBasis = b.recoveryBasis ? { legalReferenceId: b.recoveryBasis.legalReferenceId, text: b.recoveryBasis.text.trim() } : null;
      for (const e of checkDraft(d, ctx)) {
        // An item's legal basis is sent as itemLegalBasis[j]: point the error at the field that was sent.
        const m = /^\/items\/(\d+)\/legalBasisId$/.exec(e.path);
        const j = m ? (b.itemLegalBasis ?? []).findIndex((ib) => ib.key === d.items[Number(m[1])]?.key) : -1;
        fields.push({ path: j >= 0 ? `/body/itemLegalBasis/${j}/legalBasisId` : `/body${e.path}`, message: e.message });
      }
      if (fields.length) throw new ValidationFailure(fields);
      await saveDraft(tx, locked.id, d, c.municipality_code, swedishDate(locked.createdAt ?? locked.decidedAt), now);
      await recordEvent(tx, { caseId: locked.caseId, objectType: 'decision', objectId: locked.id, event: 'edited', from: locked.status, to: locked.status, actorId: actor.userId, at: now });
      await audit(tx, actor, now, { action: 'decision.update', targetType: 'decision', targetId: locked.id, caseId: locked.caseId, personId: facts.applicantPersonId, outcome: 'success' });
    });
    return respond((await loadDecision(deps.db, found.id))!, actor.role);
  });

  r.post(
    '/api/v1/decisions/:id/refresh',
    {
      schema: { tags: ['beslut'], summary: 'Hämta belopp och rader på nytt från den senaste beräkningen (skälen per rad behålls)', params: IdParams, response: { 200: DecisionView } },
    },
    async (request) => {
      const found = await loadDecision(deps.db, request.params.id);
      if (!found) throw notFound('Beslutet');
      const { actor, facts } = await guardCase(app, request, found.caseId, 'decision.refresh', 'assessment.write');
      const now = deps.now();
      const c = await caseRow(deps.db, found.caseId);
      const { application, content } = await draftContext(deps.db, found, c.municipality_code);
      const calc = await currentCalculation(deps.db, application.id);
      if (!calc) throw conflict('Det finns ingen beräkning att hämta.');
      await deps.db.transaction().execute(async (tx) => {
        const locked = toDecision(await tx.selectFrom('decisions').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow());
        if (locked.status === 'decided') throw conflict('Beslutet är fattat och kan inte ändras.');
        const d = draftOf(locked);
        const keepAmount = d.amount !== d.systemAmount;
        d.items = itemsFromCalculation(content, calc.effective, d.items);
        d.systemAmount = calc.assistance;
        if (!keepAmount) d.amount = d.outcome === 'refused' || d.outcome === 'dismissed' ? 0 : calc.assistance;
        await tx.updateTable('decisions').set({ calculation_id: calc.id }).where('id', '=', locked.id).execute();
        await saveDraft(tx, locked.id, d, c.municipality_code, swedishDate(locked.createdAt ?? locked.decidedAt), now);
        await recordEvent(tx, {
          caseId: locked.caseId,
          objectType: 'decision',
          objectId: locked.id,
          event: 'refreshed',
          from: locked.status,
          to: locked.status,
          actorId: actor.userId,
          note: `Beräkning ${calc.id}`,
          at: now,
        });
        await audit(tx, actor, now, { action: 'decision.update', targetType: 'decision', targetId: locked.id, caseId: locked.caseId, personId: facts.applicantPersonId, outcome: 'success' });
      });
      return respond((await loadDecision(deps.db, found.id))!, actor.role);
    },
  );
}
