/**
 * Appeals (överklaganden), förvaltningslagen (2017:900) 43–46 §§: registration with the time-limit check, omprövning
 * (37–38 §§; the appeal then covers the changed decision, 39 §) that may replace the decision, the outcome for a late appeal (45 §), forwarding to förvaltningsrätten (46 §),
 * withdrawal. Every change is one transaction with its audit record, its history row and its work item.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Appeal, CaseAppeals, ForwardAppealBody, IdParams, LateOutcomeBody, ReconsiderationBody, RegisterAppealBody, WithdrawAppealBody } from '@vagen/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  formatSwedishDate,
  swedishDate,
  endOfSwedishDay,
  swedishInstant,
  addDaysIso,
  appealTimeliness,
  canForwardAppeal,
  canReconsiderAppeal,
  canRecordLateOutcome,
  canWithdrawAppeal,
  checkAppealAgainst,
  checkChangeInFavour,
  describeAppealTimeliness,
  hasCapability,
  presumedNotificationDate,
  type AppealCheck,
  type AppealStatus,
} from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { storeDocument } from '../documents/store.ts';
import { conflict, HttpProblem, notFound, ValidationFailure, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { closeWorkItems, openWorkItem, PRIORITY } from '../queue/work-items.ts';
import { appealsJson, challengeJson, decisionJson, decisionLetterDate, findDecisionLetter, letterParties, loadDecision, routeOfDecision, type Db } from './load.ts';
import { legalityOnlyMessage, referencesText } from '../decisions/appeal-instructions.ts';
import { appealDocumentPdf, dismissalPdf, forwardingPdf, reconsiderationPdf, type Enclosure } from './letters.ts';
import { appealLetters, appealSettings } from './settings.ts';

function must(check: AppealCheck) {
  if (!check.ok) throw conflict(check.message);
}

async function appealEvent(tx: Db, appealId: string, from: AppealStatus | null, to: AppealStatus, actorId: string, note: string | null, now: Date) {
  await tx.insertInto('appeal_events').values({ appeal_id: appealId, from_status: from, to_status: to, actor_kind: 'staff', actor_id: actorId, note, at: now.toISOString() }).execute();
}

async function linkDocument(tx: Db, appealId: string, documentId: string, role: string, now: Date) {
  await tx.insertInto('appeal_documents').values({ appeal_id: appealId, document_id: documentId, role, added_at: now.toISOString() }).execute();
}

const decisionFacts = (d: { outcome: string; period_start: string; period_end: string; amount: number; decided_at: string }) => ({
  outcome: d.outcome,
  periodStart: d.period_start,
  periodEnd: d.period_end,
  amount: Number(d.amount),
  decidedAt: d.decided_at,
});

export async function appealRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  /** The appeal with access to its case checked (404 when missing or not visible). */
  async function guardAppeal(request: FastifyRequest, appealId: string, action: string) {
    const appeal = await deps.db.selectFrom('appeals').selectAll().where('id', '=', appealId).executeTakeFirst();
    if (!appeal) throw notFound('Överklagandet');
    const { actor, facts } = await guardCase(app, request, appeal.case_id, action, 'appeal.handle');
    return { actor, facts, appeal };
  }

  async function one(appealId: string, municipality: string) {
    const now = deps.now();
    const [json] = await appealsJson(deps.db, { appealId }, appealSettings(municipality, swedishDate(now)), now.toISOString());
    return json!;
  }

  r.get(
    '/api/v1/cases/:id/appeals',
    {
      schema: { tags: ['överklaganden'], summary: 'Överklaganden i ärendet, beslut som kan överklagas och val för formuläret', params: IdParams, response: { 200: CaseAppeals } },
    },
    async (request) => {
      const { actor, facts } = await guardCase(app, request, request.params.id, 'appeal.list');
      const now = deps.now();
      await audit(deps.db, actor, now, { action: 'appeal.list', targetType: 'case', targetId: request.params.id, caseId: request.params.id, personId: facts.applicantPersonId, outcome: 'success' });
      const settings = appealSettings(facts.municipality, swedishDate(now));
      const [items, decisions] = await Promise.all([
        appealsJson(deps.db, { caseId: request.params.id }, settings, now.toISOString()),
        deps.db
          .selectFrom('decisions')
          .select(['id', 'outcome', 'period_start', 'period_end', 'amount', 'decided_at', 'legal_basis', 'items'])
          .where('case_id', '=', request.params.id)
          .where('status', '=', 'decided')
          .orderBy('decided_at', 'desc')
          .execute(),
      ]);
      const appealableDecisions = await Promise.all(
        decisions.map(async (d) => {
          const letterDate = await decisionLetterDate(deps.db, d);
          return {
            ...decisionJson(d),
            letterDate,
            presumedNotifiedOn: presumedNotificationDate(letterDate, settings.presumedPostalDays),
            challenge: challengeJson(routeOfDecision(facts.municipality, d)),
          };
        }),
      );
      return {
        items,
        appealableDecisions,
        options: {
          presumedPostalDays: settings.presumedPostalDays,
          forwardWithinDays: settings.forwardWithinDays,
          courtName: settings.court?.name ?? null,
          lateExceptions: settings.lateExceptions,
          settingsSource: settings.source,
        },
        permissions: { canHandle: hasCapability(actor.role, 'appeal.handle') },
      };
    },
  );

  r.get('/api/v1/appeals/:id', { schema: { tags: ['överklaganden'], summary: 'Ett överklagande med historik och handlingar', params: IdParams, response: { 200: Appeal } } }, async (request) => {
    const appeal = await deps.db.selectFrom('appeals').select(['id', 'case_id']).where('id', '=', request.params.id).executeTakeFirst();
    if (!appeal) throw notFound('Överklagandet');
    const { actor, facts } = await guardCase(app, request, appeal.case_id, 'appeal.read');
    await audit(deps.db, actor, deps.now(), { action: 'appeal.read', targetType: 'appeal', targetId: appeal.id, caseId: appeal.case_id, personId: facts.applicantPersonId, outcome: 'success' });
    return one(appeal.id, facts.municipality);
  });

  r.post(
    '/api/v1/decisions/:id/appeals',
    {
      schema: {
        tags: ['överklaganden'],
        summary: 'Registrera ett överklagande av ett fattat beslut (kontroll av tidsfristen, först i kön)',
        params: IdParams,
        body: RegisterAppealBody,
        response: { 201: Appeal },
      },
    },
    async (request, reply) => {
      const decision = await loadDecision(deps.db, request.params.id);
      if (!decision) throw notFound('Beslutet');
      const { actor, facts } = await guardCase(app, request, decision.case_id, 'appeal.register', 'appeal.handle');
      if (decision.status !== 'decided') throw conflict('Bara ett fattat beslut kan överklagas.');
      const b = request.body;
      const now = deps.now();
      const today = swedishDate(now);
      const decisionDay = swedishDate(decision.decided_at);
      const errors: FieldError[] = [];
      if (b.receivedOn > today) errors.push({ path: '/body/receivedOn', message: 'Datumet kan inte ligga i framtiden.' });
      if (b.receivedOn < decisionDay) errors.push({ path: '/body/receivedOn', message: `Överklagandet kan inte ha kommit in före beslutet (${formatSwedishDate(decisionDay)}).` });
      if (b.notifiedOn && b.notifiedOn > today) errors.push({ path: '/body/notifiedOn', message: 'Datumet kan inte ligga i framtiden.' });
      if (b.notifiedOn && b.notifiedOn < decisionDay) errors.push({ path: '/body/notifiedOn', message: `Beslutet kan inte ha tagits emot före beslutsdagen (${formatSwedishDate(decisionDay)}).` });
      if (!b.text.trim()) errors.push({ path: '/body/text', message: 'Fältet får inte vara tomt.' });
      // SoL 35 kap. 1 §: a decision (or item) under 12 kap. 2 § alone is not appealed this way, only laglighetsprövad.
      const route = routeOfDecision(facts.municipality, decision);
      if (route.plan.route === 'legalityReview') throw conflict(legalityOnlyMessage(route, 'Beslutet'));
      const itemKeys = b.itemKeys ?? [];
      itemKeys.forEach((key, i) => {
        if (!route.plan.items.some((it) => it.key === key)) errors.push({ path: `/body/itemKeys/${i}`, message: 'Raden finns inte i beslutet.' });
      });
      const check = checkAppealAgainst(route.plan, itemKeys);
      if (!check.ok) {
        for (const key of check.itemKeys) {
          const label = route.plan.items.find((it) => it.key === key)!.label;
          errors.push({ path: `/body/itemKeys/${itemKeys.indexOf(key)}`, message: legalityOnlyMessage(route, `Raden ”${label}”`) });
        }
      }
      if (errors.length) throw new ValidationFailure(errors);
      const challenged = itemKeys.length ? route.plan.items.filter((it) => itemKeys.includes(it.key)) : route.plan.items.filter((it) => it.route === 'appeal');
      const legalityItems = route.plan.items.filter((it) => it.route === 'legalityReview');
      const challengeNote = [
        route.procedure ? ` Överklagande enligt ${route.procedure.appeal}.` : '',
        route.procedure?.transitionalNote ? ` ${route.procedure.transitionalNote}` : '',
        route.plan.route === 'mixed'
          ? ` Överklagandet kan gälla: ${challenged.map((it) => it.label).join(', ')}. Beslutat enligt ${referencesText(route.plan.legalityReviewReferences)} och kan bara laglighetsprövas: ${legalityItems.map((it) => it.label).join(', ')}.`
          : '',
      ].join('');

      const settings = appealSettings(facts.municipality, today);
      const letters = appealLetters(facts.municipality, today);
      const notifiedOn = b.notifiedOn ?? presumedNotificationDate(await decisionLetterDate(deps.db, decision), settings.presumedPostalDays);
      const t = appealTimeliness(b.receivedOn, notifiedOn, settings.appealPeriodWeeks);
      const parties = await letterParties(deps.db, decision.case_id);
      const pdf = await appealDocumentPdf(
        letters,
        parties,
        {
          receivedOn: b.receivedOn,
          channel: b.channel,
          text: b.text.trim(),
          appellantName: b.appellantName?.trim() ?? null,
          registeredBy: actor.displayName,
        },
        decisionFacts(decision),
        today,
      );
      const id = newId();
      const forwardDueOn = addDaysIso(b.receivedOn, settings.forwardWithinDays);
      await deps.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('appeals')
          .values({
            id,
            case_id: decision.case_id,
            decision_id: decision.id,
            municipality_code: facts.municipality,
            received_on: b.receivedOn,
            channel: b.channel,
            appellant_name: b.appellantName?.trim() ?? null,
            appeal_text: b.text.trim(),
            notified_on: notifiedOn,
            notified_on_basis: b.notifiedOn ? 'stated' : 'presumed',
            last_day: t.lastDay,
            timely: t.inTime,
            status: 'registered',
            late_outcome: null,
            late_exception: null,
            late_note: null,
            reconsideration_result: null,
            reconsideration_reason: null,
            fully_as_requested: null,
            replacement_decision_id: null,
            reconsidered_at: null,
            reconsidered_by: null,
            court_name: null,
            forwarded_at: null,
            forwarded_by: null,
            forward_due_on: forwardDueOn,
            registered_by: actor.userId,
            registered_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .execute();
        const basis = b.notifiedOn ? '' : ` Dagen då beslutet togs emot är antagen: brevets datum + ${settings.presumedPostalDays} dagar för postgång.`;
        await appealEvent(tx, id, null, 'registered', actor.userId, describeAppealTimeliness(t, formatSwedishDate) + basis + challengeNote, now);
        const docId = await storeDocument(
          tx,
          {
            caseId: decision.case_id,
            municipality: facts.municipality,
            kind: 'appeal',
            title: `Överklagande, inkommet ${formatSwedishDate(b.receivedOn)}`,
            mimeType: 'application/pdf',
            content: pdf,
            related: { type: 'appeal', id },
            createdBy: actor.userId,
            locked: true,
          },
          now,
        );
        await linkDocument(tx, id, docId, 'appeal', now);
        await openWorkItem(
          tx,
          {
            municipality: facts.municipality,
            unitId: facts.unitId,
            caseId: decision.case_id,
            kind: 'appeal',
            ref: { type: 'appeal', id },
            title: t.inTime ? `Överklagande av beslut ${decisionDay}` : `Överklagande av beslut ${decisionDay} – kom in för sent`,
            priority: PRIORITY.appeal,
            receivedAt: b.receivedOn === today ? now : swedishInstant(b.receivedOn),
            dueAt: endOfSwedishDay(forwardDueOn),
            assignedTo: facts.responsibleWorkerId ?? actor.userId,
          },
          now,
        );
        await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', decision.case_id).execute();
        await audit(tx, actor, now, { action: 'appeal.register', targetType: 'appeal', targetId: id, caseId: decision.case_id, personId: facts.applicantPersonId, outcome: 'success' });
      });
      return reply.status(201).send(await one(id, facts.municipality));
    },
  );

  r.post(
    '/api/v1/appeals/:id/late-outcome',
    {
      schema: { tags: ['överklaganden'], summary: 'För sent överklagande: avvisa eller registrera undantag (45 § FL)', params: IdParams, body: LateOutcomeBody, response: { 200: Appeal } },
    },
    async (request) => {
      const { actor, facts, appeal } = await guardAppeal(request, request.params.id, 'appeal.lateOutcome');
      must(canRecordLateOutcome({ status: appeal.status, timely: appeal.timely, lateOutcome: appeal.late_outcome }));
      const b = request.body;
      const now = deps.now();
      const today = swedishDate(now);
      const settings = appealSettings(facts.municipality, today);
      const exception = b.exception ? settings.lateExceptions.find((e) => e.code === b.exception) : undefined;
      if (b.outcome === 'exception' && !exception) throw new ValidationFailure([{ path: '/body/exception', message: 'Välj vilket undantag i 45 § förvaltningslagen som gäller.' }]);
      if (b.outcome === 'dismissed' && b.exception) throw new ValidationFailure([{ path: '/body/exception', message: 'Ett undantag anges bara när överklagandet inte avvisas.' }]);
      let pdf: Buffer | null = null;
      if (b.outcome === 'dismissed') {
        const decision = (await loadDecision(deps.db, appeal.decision_id))!;
        pdf = await dismissalPdf(
          appealLetters(facts.municipality, today),
          await letterParties(deps.db, appeal.case_id),
          {
            receivedOn: appeal.received_on,
            notifiedOn: appeal.notified_on,
            lastDay: appeal.last_day,
            note: b.note?.trim() ?? null,
          },
          decisionFacts(decision),
          today,
        );
      }
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('appeals').select(['status', 'timely', 'late_outcome']).where('id', '=', appeal.id).forUpdate().executeTakeFirstOrThrow();
        must(canRecordLateOutcome({ status: locked.status, timely: locked.timely, lateOutcome: locked.late_outcome }));
        const to: AppealStatus = b.outcome === 'dismissed' ? 'dismissed' : 'registered';
        await tx
          .updateTable('appeals')
          .set({
            status: to,
            late_outcome: b.outcome,
            late_exception: exception?.code ?? null,
            late_note: b.note?.trim() ?? null,
            updated_at: now.toISOString(),
          })
          .where('id', '=', appeal.id)
          .execute();
        await appealEvent(
          tx,
          appeal.id,
          'registered',
          to,
          actor.userId,
          b.outcome === 'dismissed'
            ? `Avvisat: kom in för sent (45 § förvaltningslagen).${b.note ? ` ${b.note.trim()}` : ''}`
            : `Avvisas inte: ${exception!.label}${b.note ? ` ${b.note.trim()}` : ''}`,
          now,
        );
        if (pdf) {
          const docId = await storeDocument(
            tx,
            {
              caseId: appeal.case_id,
              municipality: facts.municipality,
              kind: 'appealDismissalLetter',
              title: 'Beslut om avvisning av överklagande',
              mimeType: 'application/pdf',
              content: pdf,
              visibleToClient: true,
              related: { type: 'appeal', id: appeal.id },
              createdBy: actor.userId,
              locked: true,
            },
            now,
          );
          await linkDocument(tx, appeal.id, docId, 'dismissalLetter', now);
          await closeWorkItems(tx, { refType: 'appeal', refId: appeal.id }, actor.userId, now);
        }
        await audit(tx, actor, now, {
          action: 'appeal.lateOutcome',
          targetType: 'appeal',
          targetId: appeal.id,
          caseId: appeal.case_id,
          personId: facts.applicantPersonId,
          purpose: b.outcome,
          outcome: 'success',
        });
      });
      return one(appeal.id, facts.municipality);
    },
  );

  r.post(
    '/api/v1/appeals/:id/reconsideration',
    {
      schema: {
        tags: ['överklaganden'],
        summary: 'Omprövning (37–38 §§ FL; överklagandet gäller det ändrade beslutet, 39 §): beslutet står fast, eller ändras till den enskildes fördel (nytt beslut)',
        params: IdParams,
        body: ReconsiderationBody,
        response: { 200: Appeal },
      },
    },
    async (request) => {
      const { actor, facts, appeal } = await guardAppeal(request, request.params.id, 'appeal.reconsider');
      must(canReconsiderAppeal({ status: appeal.status, timely: appeal.timely, lateOutcome: appeal.late_outcome }));
      const b = request.body;
      const errors: FieldError[] = [];
      if (b.result === 'changed' && !b.newDecision) errors.push({ path: '/body/newDecision', message: 'Ange det nya beslutet.' });
      if (b.result === 'changed' && b.fullyAsRequested === undefined) errors.push({ path: '/body/fullyAsRequested', message: 'Ange om beslutet ändras helt så som klaganden begär.' });
      if (b.result === 'unchanged' && b.newDecision) errors.push({ path: '/body/newDecision', message: 'Ett nytt beslut anges bara när beslutet ändras.' });
      if (b.result === 'unchanged' && b.fullyAsRequested !== undefined) errors.push({ path: '/body/fullyAsRequested', message: 'Anges bara när beslutet ändras.' });
      if (!b.reason.trim()) errors.push({ path: '/body/reason', message: 'Fältet får inte vara tomt.' });
      const original = (await loadDecision(deps.db, appeal.decision_id))!;
      const nd = b.newDecision;
      if (nd) {
        if (nd.periodEnd < nd.periodStart) errors.push({ path: '/body/newDecision/periodEnd', message: 'Periodens slut kan inte ligga före dess början.' });
        const check = checkChangeInFavour(
          { outcome: original.outcome, amount: Number(original.amount), periodStart: original.period_start, periodEnd: original.period_end },
          { outcome: nd.outcome as typeof original.outcome, amount: nd.amount, periodStart: nd.periodStart, periodEnd: nd.periodEnd },
        );
        if (!check.ok) errors.push({ path: `/body/newDecision${check.field === 'same' ? '' : `/${check.field}`}`, message: check.message });
      }
      if (errors.length) throw new ValidationFailure(errors);
      const now = deps.now();
      const today = swedishDate(now);
      const settings = appealSettings(facts.municipality, today);
      const fully = b.result === 'changed' && b.fullyAsRequested === true;
      const newDecisionId = nd ? newId() : null;
      const replacement = nd ? { outcome: nd.outcome, periodStart: nd.periodStart, periodEnd: nd.periodEnd, amount: nd.amount, decidedAt: now.toISOString() } : null;
      const pdf = await reconsiderationPdf(
        appealLetters(facts.municipality, today),
        await letterParties(deps.db, appeal.case_id),
        {
          result: b.result,
          reason: b.reason.trim(),
          fullyAsRequested: fully,
          receivedOn: appeal.received_on,
          courtName: settings.court?.name ?? null,
        },
        decisionFacts(original),
        replacement,
        today,
      );
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('appeals').select(['status', 'timely', 'late_outcome']).where('id', '=', appeal.id).forUpdate().executeTakeFirstOrThrow();
        must(canReconsiderAppeal({ status: locked.status, timely: locked.timely, lateOutcome: locked.late_outcome }));
        if (nd) {
          const already = await tx.selectFrom('decisions').select('id').where('replaces_decision_id', '=', original.id).executeTakeFirst();
          if (already) throw conflict('Beslutet har redan ersatts av ett nytt beslut efter omprövning.');
          await tx
            .insertInto('decisions')
            .values({
              id: newDecisionId!,
              case_id: appeal.case_id,
              application_id: original.application_id,
              outcome: nd.outcome as typeof original.outcome,
              period_start: nd.periodStart,
              period_end: nd.periodEnd,
              amount: nd.amount,
              decided_by: actor.userId,
              decided_at: now.toISOString(),
              status: 'decided',
              replaces_decision_id: original.id,
            })
            .execute();
        }
        const to: AppealStatus = fully ? 'lapsed' : 'reconsidered';
        await tx
          .updateTable('appeals')
          .set({
            status: to,
            reconsideration_result: b.result,
            reconsideration_reason: b.reason.trim(),
            fully_as_requested: b.result === 'changed' ? fully : null,
            replacement_decision_id: newDecisionId,
            reconsidered_at: now.toISOString(),
            reconsidered_by: actor.userId,
            updated_at: now.toISOString(),
          })
          .where('id', '=', appeal.id)
          .execute();
        const note =
          b.result === 'unchanged'
            ? 'Omprövat: beslutet står fast. Överklagandet ska lämnas över till förvaltningsrätten.'
            : fully
              ? 'Omprövat: beslutet ändrat så som klaganden begärt. Överklagandet förfaller, eftersom det inte finns något kvar att pröva.'
              : 'Omprövat: beslutet ändrat, men inte helt så som klaganden begärt. Överklagandet gäller det nya beslutet och lämnas över.';
        await appealEvent(tx, appeal.id, 'registered', to, actor.userId, note, now);
        const docId = await storeDocument(
          tx,
          {
            caseId: appeal.case_id,
            municipality: facts.municipality,
            kind: 'reconsiderationLetter',
            title: 'Beslut efter omprövning',
            mimeType: 'application/pdf',
            content: pdf,
            visibleToClient: true,
            related: { type: 'appeal', id: appeal.id },
            createdBy: actor.userId,
            locked: true,
          },
          now,
        );
        await linkDocument(tx, appeal.id, docId, 'reconsiderationLetter', now);
        if (fully) await closeWorkItems(tx, { refType: 'appeal', refId: appeal.id }, actor.userId, now);
        await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', appeal.case_id).execute();
        await audit(tx, actor, now, {
          action: 'appeal.reconsider',
          targetType: 'appeal',
          targetId: appeal.id,
          caseId: appeal.case_id,
          personId: facts.applicantPersonId,
          purpose: b.result,
          outcome: 'success',
        });
      });
      return one(appeal.id, facts.municipality);
    },
  );

  r.post(
    '/api/v1/appeals/:id/forward',
    {
      schema: { tags: ['överklaganden'], summary: 'Lämna över överklagandet till förvaltningsrätten med handlingarna (46 § FL)', params: IdParams, body: ForwardAppealBody, response: { 200: Appeal } },
    },
    async (request) => {
      const { actor, facts, appeal } = await guardAppeal(request, request.params.id, 'appeal.forward');
      must(canForwardAppeal({ status: appeal.status, timely: appeal.timely, lateOutcome: appeal.late_outcome }));
      const now = deps.now();
      const today = swedishDate(now);
      const settings = appealSettings(facts.municipality, today);
      if (!settings.court) throw new HttpProblem(409, 'CONFIGURATION', 'Kommunens förvaltningsrätt är inte inställd (appealSettings). Kontakta systemförvaltaren.');
      const original = (await loadDecision(deps.db, appeal.decision_id))!;
      const route = routeOfDecision(facts.municipality, original);
      if (route.plan.route === 'legalityReview') throw conflict(legalityOnlyMessage(route, 'Det överklagade beslutet'));
      const replacement = appeal.replacement_decision_id ? (await loadDecision(deps.db, appeal.replacement_decision_id))! : null;
      const [appealDocs, decisionLetter] = await Promise.all([
        deps.db
          .selectFrom('appeal_documents as ad')
          .innerJoin('documents as d', 'd.id', 'ad.document_id')
          .select(['d.id', 'd.title', 'd.created_at', 'ad.role'])
          .where('ad.appeal_id', '=', appeal.id)
          .orderBy('d.created_at')
          .execute(),
        findDecisionLetter(deps.db, original.id),
      ]);
      const enclosures: (Enclosure & { documentId: string | null; role: string })[] = [];
      const appealDoc = appealDocs.find((d) => d.role === 'appeal');
      enclosures.push({ title: 'Överklagandet, inkommet', date: appeal.received_on, documentId: appealDoc?.id ?? null, role: 'appeal' });
      enclosures.push(
        decisionLetter
          ? { title: `Det överklagade beslutet, beslutsbrevet ”${decisionLetter.title}”, daterat`, date: decisionLetter.created_at, documentId: decisionLetter.id, role: 'enclosedDecisionLetter' }
          : { title: 'Det överklagade beslutet (uppgifterna i tabellen ovan; inget beslutsbrev finns sparat), fattat', date: original.decided_at, documentId: null, role: 'decision' },
      );
      for (const d of appealDocs.filter((x) => x.role === 'reconsiderationLetter')) {
        enclosures.push({ title: 'Beslut efter omprövning, daterat', date: d.created_at, documentId: d.id, role: 'reconsiderationLetter' });
      }
      const exception = appeal.late_exception ? (settings.lateExceptions.find((e) => e.code === appeal.late_exception)?.label ?? null) : null;
      const pdf = await forwardingPdf(
        appealLetters(facts.municipality, today),
        await letterParties(deps.db, appeal.case_id),
        {
          receivedOn: appeal.received_on,
          lastDay: appeal.last_day,
          timely: appeal.timely,
          exceptionLabel: exception,
          reconsideration: appeal.reconsideration_result ?? 'unchanged',
          reconsideredOn: appeal.reconsidered_at ?? now.toISOString(),
          appellantName: appeal.appellant_name,
          note: request.body.note?.trim() ?? null,
          law: route.procedure?.law ?? 'socialtjänstlagen',
          appealReference: route.procedure?.appeal ?? '',
          transitionalNote: route.procedure?.transitionalNote ?? '',
        },
        settings.court,
        decisionFacts(original),
        replacement ? decisionFacts(replacement) : null,
        enclosures,
        today,
      );
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('appeals').select(['status', 'timely', 'late_outcome']).where('id', '=', appeal.id).forUpdate().executeTakeFirstOrThrow();
        must(canForwardAppeal({ status: locked.status, timely: locked.timely, lateOutcome: locked.late_outcome }));
        await tx
          .updateTable('appeals')
          .set({
            status: 'forwarded',
            court_name: settings.court!.name,
            forwarded_at: now.toISOString(),
            forwarded_by: actor.userId,
            updated_at: now.toISOString(),
          })
          .where('id', '=', appeal.id)
          .execute();
        const list = enclosures.map((e, i) => `${i + 1}. ${e.title} ${formatSwedishDate(e.date)}`).join('; ');
        await appealEvent(tx, appeal.id, 'reconsidered', 'forwarded', actor.userId, `Överlämnat till ${settings.court!.name}. Bifogat: ${list}.`, now);
        const docId = await storeDocument(
          tx,
          {
            caseId: appeal.case_id,
            municipality: facts.municipality,
            kind: 'appealForwarding',
            title: `Överlämnande till ${settings.court!.name}`,
            mimeType: 'application/pdf',
            content: pdf,
            related: { type: 'appeal', id: appeal.id },
            createdBy: actor.userId,
            locked: true,
          },
          now,
        );
        await linkDocument(tx, appeal.id, docId, 'forwardingLetter', now);
        for (const e of enclosures) {
          if (e.documentId && !appealDocs.some((d) => d.id === e.documentId)) await linkDocument(tx, appeal.id, e.documentId, e.role, now);
        }
        await closeWorkItems(tx, { refType: 'appeal', refId: appeal.id }, actor.userId, now);
        await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', appeal.case_id).execute();
        await audit(tx, actor, now, { action: 'appeal.forward', targetType: 'appeal', targetId: appeal.id, caseId: appeal.case_id, personId: facts.applicantPersonId, outcome: 'success' });
      });
      return one(appeal.id, facts.municipality);
    },
  );

  r.post(
    '/api/v1/appeals/:id/withdraw',
    {
      schema: { tags: ['överklaganden'], summary: 'Överklagandet återkallas av klaganden', params: IdParams, body: WithdrawAppealBody, response: { 200: Appeal } },
    },
    async (request) => {
      const { actor, facts, appeal } = await guardAppeal(request, request.params.id, 'appeal.withdraw');
      must(canWithdrawAppeal({ status: appeal.status, timely: appeal.timely, lateOutcome: appeal.late_outcome }));
      const now = deps.now();
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('appeals').select(['status', 'timely', 'late_outcome']).where('id', '=', appeal.id).forUpdate().executeTakeFirstOrThrow();
        must(canWithdrawAppeal({ status: locked.status, timely: locked.timely, lateOutcome: locked.late_outcome }));
        await tx.updateTable('appeals').set({ status: 'withdrawn', updated_at: now.toISOString() }).where('id', '=', appeal.id).execute();
        await appealEvent(tx, appeal.id, locked.status, 'withdrawn', actor.userId, request.body.note?.trim() ?? 'Klaganden har återkallat överklagandet.', now);
        await closeWorkItems(tx, { refType: 'appeal', refId: appeal.id }, actor.userId, now);
        await audit(tx, actor, now, { action: 'appeal.withdraw', targetType: 'appeal', targetId: appeal.id, caseId: appeal.case_id, personId: facts.applicantPersonId, outcome: 'success' });
      });
      return one(appeal.id, facts.municipality);
    },
  );
}
