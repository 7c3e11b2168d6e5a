import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CaseDetail, CaseListPage, CaseListQuery, CaseParams, CaseSearchBody, CaseStatusBody, CreateCaseBody, CreatedCase } from '@vagen/contract';
import { swedishDate, canReadCase, hasCapability, parsePersonnummer, type CaseStatus } from '@vagen/domain';
import { audit, auditDenied } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { guardCase } from './guard.ts';
import { loadCaseDetail, loadCasePage } from './detail.ts';
import { listCases, staffCaseListJson } from './list.ts';
import { forbidden, notFound, ValidationFailure, type FieldError } from '../errors.ts';
import { createCaseWithHousehold } from './create.ts';
import { changeCaseStatus } from '../status/change.ts';

export async function caseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/v1/cases',
    {
      schema: {
        tags: ['ärenden'],
        summary: 'Ärenden som användaren får se',
        querystring: CaseListQuery,
        response: { 200: CaseListPage },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      await audit(deps.db, actor, deps.now(), { action: 'case.list', targetType: 'caseList', outcome: 'success' });
      const json = await staffCaseListJson(deps.db, actor, request.query);
      // Already JSON in the CaseListPage shape: Fastify sends a string with a JSON content type as it is.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  r.post(
    '/api/v1/cases/search',
    {
      schema: {
        tags: ['ärenden'],
        summary: 'Sök ärende på namn, ärendenummer eller personnummer (i kroppen, aldrig i adressen)',
        body: CaseSearchBody,
        response: { 200: CaseListPage },
      },
    },
    async (request) => {
      const actor = requireStaff(request);
      const q = request.body.query.trim();
      const pnr = parsePersonnummer(q, swedishDate(deps.now()));
      const text = pnr.ok
        ? { kind: 'personnummer' as const, value: pnr.value.value }
        : /^EB-\d{4}-\d{6}$/i.test(q)
          ? { kind: 'caseNumber' as const, value: q.toUpperCase() }
          : { kind: 'name' as const, value: q };
      await audit(deps.db, actor, deps.now(), { action: 'case.search', targetType: 'caseList', purpose: text.kind, outcome: 'success' });
      return listCases(deps.db, actor, { text, limit: request.body.limit ?? 50, offset: 0 });
    },
  );

  r.get(
    '/api/v1/cases/:id',
    { schema: { tags: ['ärenden'], summary: 'Ärendet med person, hushåll, statushistorik och journal', params: CaseParams, response: { 200: CaseDetail } } },
    async (request) => {
      // The page and its access facts come in one statement; nothing is served before the access rule has passed
      // and the audit record is written (if it cannot be, the read is refused). Denied answers as guardCase does.
      const actor = requireStaff(request);
      const id = request.params.id;
      const loaded = await loadCasePage(deps.db, id, actor);
      if (!loaded || !canReadCase(actor, loaded.facts)) {
        await auditDenied(deps.db, actor, deps.now(), { action: 'case.read', targetType: 'case', targetId: id, caseId: loaded ? id : null });
        throw notFound('Ärendet');
      }
      await audit(deps.db, actor, deps.now(), { action: 'case.read', targetType: 'case', targetId: id, caseId: id, personId: loaded.applicantPersonId, outcome: 'success' });
      return loaded.page;
    },
  );

  r.post('/api/v1/cases', { schema: { tags: ['ärenden'], summary: 'Öppna ett ärende med hushåll', body: CreateCaseBody, response: { 201: CreatedCase } } }, async (request, reply) => {
    const actor = requireStaff(request);
    if (!hasCapability(actor.role, 'case.create')) throw forbidden();
    const body = request.body;
    const now = deps.now();
    const today = swedishDate(now);
    const errors: FieldError[] = [];
    if (!actor.unitIds.includes(body.unitId)) errors.push({ path: '/body/unitId', message: 'Du kan bara öppna ärenden i din egen enhet.' });
    const people = [
      { input: body.applicant, role: 'applicant' as const, path: '/body/applicant' },
      ...(body.coApplicant ? [{ input: body.coApplicant, role: 'coApplicant' as const, path: '/body/coApplicant' }] : []),
      ...(body.children ?? []).map((c, i) => ({ input: c, role: 'child' as const, path: `/body/children/${i}` })),
    ];
    const parsed = people.map((p) => {
      const result = parsePersonnummer(p.input.personnummer, today);
      if (!result.ok) errors.push({ path: `${p.path}/personnummer`, message: result.message });
      return result.ok ? result.value : null;
    });
    const seen = new Set<string>();
    parsed.forEach((p, i) => {
      if (!p) return;
      if (seen.has(p.value)) errors.push({ path: `${people[i]!.path}/personnummer`, message: 'Samma person finns redan i hushållet.' });
      seen.add(p.value);
      const ageYears = Number(today.slice(0, 4)) - Number(p.birthDate.slice(0, 4)) - (today.slice(5) < p.birthDate.slice(5) ? 1 : 0);
      if (people[i]!.role !== 'child' && ageYears < 18) errors.push({ path: `${people[i]!.path}/personnummer`, message: 'Sökande och medsökande måste vara minst 18 år.' });
      if (people[i]!.role === 'child' && ageYears >= 21) errors.push({ path: `${people[i]!.path}/personnummer`, message: 'Barn i hushållet ska vara under 21 år.' });
    });
    if (errors.length) throw new ValidationFailure(errors);

    const created = await deps.db.transaction().execute(async (tx) => {
      const result = await createCaseWithHousehold(
        tx,
        {
          municipality: actor.municipality,
          unitId: body.unitId,
          responsibleWorkerId: actor.userId,
          actorId: actor.userId,
          people: people.map((p, i) => ({ role: p.role, personnummer: parsed[i]!, input: p.input })),
        },
        now,
      );
      // Written in the same transaction: a change that cannot be logged is not made.
      await audit(tx, actor, now, { action: 'case.create', targetType: 'case', targetId: result.id, caseId: result.id, outcome: 'success' });
      return result;
    });
    return reply.status(201).send(created);
  });

  r.post('/api/v1/cases/:id/status', { schema: { tags: ['ärenden'], summary: 'Byt status på ärendet', params: CaseParams, body: CaseStatusBody, response: { 200: CaseDetail } } }, async (request) => {
    const { actor } = await guardCase(app, request, request.params.id, 'case.changeStatus', 'case.changeStatus');
    const { status: to, reason, closureReason } = request.body;
    if (to === 'closed' && !closureReason) throw new ValidationFailure([{ path: '/body/closureReason', message: 'Ange varför ärendet avslutas.' }]);
    if (to !== 'closed' && closureReason) throw new ValidationFailure([{ path: '/body/closureReason', message: 'Avslutsorsak anges bara när ärendet avslutas.' }]);
    const now = deps.now();
    await deps.db.transaction().execute(async (tx) => {
      await changeCaseStatus(tx, request.params.id, to as CaseStatus, {
        actor: { kind: 'staff', id: actor.userId },
        reason: reason?.trim() || null,
        at: now,
        ...(closureReason ? { closureReason } : {}),
      });
      await audit(tx, actor, now, { action: 'case.changeStatus', targetType: 'case', targetId: request.params.id, caseId: request.params.id, outcome: 'success' });
    });
    return loadCaseDetail(deps.db, request.params.id, actor);
  });
}
