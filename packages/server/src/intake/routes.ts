/**
 * The "intake" area (mottagning): routes under /api/v1/intake. Registered in app.ts.
 * Every read is audited before personal data is loaded; every write is audited in its transaction.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { swedishDate, hasCapability, type Capability } from '@vagen/domain';
import { audit, auditDenied } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { guardCase } from '../cases/guard.ts';
import { forbidden, notFound, ValidationFailure } from '../errors.ts';
import { calculatePreliminary, checkResponsibility, referIntake, saveInterview, tickChecklist } from './actions.ts';
import { assignIntake } from './assign.ts';
import { bookFirstVisit } from './booking.ts';
import { intakeConfig } from './config.ts';
import { loadIntakeDetail } from './detail.ts';
import { listCaseIntakes, listIntakeQueue } from './queue.ts';
import { registerIntake } from './register.ts';
import {
  CaseIntakes,
  IntakeAssignBody,
  IntakeAssignResult,
  IntakeBookingBody,
  IntakeChecklistBody,
  IntakeDetail,
  IntakeInterviewBody,
  IntakeParams,
  IntakeQueue,
  IntakeQueueQuery,
  IntakeReferBody,
  IntakeResponsibilityBody,
  IntakeWorkersQuery,
  PdfFile,
  PreliminaryCalculation,
  RegisterIntakeBody,
  RegisterIntakeResult,
  UnitWorkers,
} from '@vagen/contract';
import { intakeCaseId } from './store.ts';
import { listUnitWorkers } from './workers.ts';

const tags = ['mottagning'];

export async function intakeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  /** Access to one intake = access to its case (unit, assignment, protected identity); 404 when not visible. */
  async function guardIntake(request: FastifyRequest, id: string, action: string, capability?: Capability) {
    const actor = requireStaff(request);
    let caseId: string;
    try {
      caseId = await intakeCaseId(deps.db, id);
    } catch (err) {
      await auditDenied(deps.db, actor, deps.now(), { action, targetType: 'intake', targetId: id });
      throw err;
    }
    const { facts } = await guardCase(app, request, caseId, action, capability);
    return { actor, caseId, personId: facts.applicantPersonId };
  }

  r.post(
    '/api/v1/intake',
    {
      schema: { tags, summary: 'Registrera en första kontakt (telefon, brev eller besök)', body: RegisterIntakeBody, response: { 201: RegisterIntakeResult } },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      if (!hasCapability(actor.role, 'intake.handle') || !hasCapability(actor.role, 'case.create')) throw forbidden();
      const result = await registerIntake(deps, actor, request.body);
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/api/v1/intake',
    {
      schema: { tags, summary: 'Mottagningens kö: akuta först, sedan efter frist', querystring: IntakeQueueQuery, response: { 200: IntakeQueue } },
    },
    async (request) => {
      const actor = requireStaff(request);
      if (!hasCapability(actor.role, 'case.read')) throw forbidden();
      const { unitId, status, track } = request.query;
      if (unitId && !actor.unitIds.includes(unitId)) throw new ValidationFailure([{ path: '/query/unitId', message: 'Du hör inte till den enheten.' }]);
      await audit(deps.db, actor, deps.now(), { action: 'intake.list', targetType: 'intakeQueue', targetId: unitId ?? null, outcome: 'success' });
      return listIntakeQueue(deps.db, actor, { status, track, unitIds: unitId ? [unitId] : actor.unitIds }, deps.now());
    },
  );

  r.get(
    '/api/v1/intake/workers',
    {
      schema: { tags, summary: 'Enhetens handläggare med ärendemängd, tunga ärenden och erfarenhet', querystring: IntakeWorkersQuery, response: { 200: UnitWorkers } },
    },
    async (request) => {
      const actor = requireStaff(request);
      if (!hasCapability(actor.role, 'case.assign') && !hasCapability(actor.role, 'intake.handle')) throw forbidden();
      const { unitId } = request.query;
      if (!actor.unitIds.includes(unitId)) throw new ValidationFailure([{ path: '/query/unitId', message: 'Du hör inte till den enheten.' }]);
      const now = deps.now();
      await audit(deps.db, actor, now, { action: 'intake.workers', targetType: 'unit', targetId: unitId, outcome: 'success' });
      const today = swedishDate(now);
      return listUnitWorkers(deps.db, unitId, intakeConfig(actor.municipality, today).settings, today);
    },
  );

  r.get(
    '/api/v1/cases/:id/intakes',
    {
      schema: { tags, summary: 'Ärendets kontakter i mottagningen (för ärendesidan)', params: IntakeParams, response: { 200: CaseIntakes } },
    },
    async (request) => {
      const { actor, facts } = await guardCase(app, request, request.params.id, 'intake.list');
      await audit(deps.db, actor, deps.now(), {
        action: 'intake.list',
        targetType: 'case',
        targetId: request.params.id,
        caseId: request.params.id,
        personId: facts.applicantPersonId,
        outcome: 'success',
      });
      return listCaseIntakes(deps.db, request.params.id, deps.now());
    },
  );

  r.get(
    '/api/v1/intake/:id',
    {
      schema: { tags, summary: 'En kontakt: intervju, preliminär beräkning, ansvarsprövning, checklistor, bokning och historik', params: IntakeParams, response: { 200: IntakeDetail } },
    },
    async (request) => {
      const { actor, caseId, personId } = await guardIntake(request, request.params.id, 'intake.read');
      const now = deps.now();
      await audit(deps.db, actor, now, { action: 'intake.read', targetType: 'intake', targetId: request.params.id, caseId, personId, outcome: 'success' });
      const row = await deps.db.selectFrom('intakes').select('municipality_code').where('id', '=', request.params.id).executeTakeFirstOrThrow();
      const today = swedishDate(now);
      return loadIntakeDetail(deps.db, request.params.id, actor, intakeConfig(row.municipality_code, today), now, today);
    },
  );

  const detailAfter = async (request: FastifyRequest, id: string) => {
    const actor = requireStaff(request);
    const now = deps.now();
    const today = swedishDate(now);
    const row = await deps.db.selectFrom('intakes').select('municipality_code').where('id', '=', id).executeTakeFirstOrThrow();
    return loadIntakeDetail(deps.db, id, actor, intakeConfig(row.municipality_code, today), now, today);
  };

  r.post(
    '/api/v1/intake/:id/interview',
    {
      schema: { tags, summary: 'Spara telefonintervjun (varje version sparas i historiken)', params: IntakeParams, body: IntakeInterviewBody, response: { 200: IntakeDetail } },
    },
    async (request) => {
      const { actor } = await guardIntake(request, request.params.id, 'intake.interview', 'intake.handle');
      await saveInterview(deps, actor, request.params.id, request.body);
      return detailAfter(request, request.params.id);
    },
  );

  r.post(
    '/api/v1/intake/:id/preliminary-calculation',
    {
      schema: { tags, summary: 'Gör en preliminär normberäkning från intervjun (inte ett beslut)', params: IntakeParams, response: { 200: PreliminaryCalculation } },
    },
    async (request) => {
      const { actor } = await guardIntake(request, request.params.id, 'intake.calculate', 'intake.handle');
      return calculatePreliminary(deps, actor, request.params.id);
    },
  );

  r.post(
    '/api/v1/intake/:id/responsibility',
    {
      schema: { tags, summary: 'Registrera ansvarsprövningen: kommunens ansvar och rätt instans', params: IntakeParams, body: IntakeResponsibilityBody, response: { 200: IntakeDetail } },
    },
    async (request) => {
      const { actor } = await guardIntake(request, request.params.id, 'intake.responsibility', 'intake.handle');
      await checkResponsibility(deps, actor, request.params.id, request.body);
      return detailAfter(request, request.params.id);
    },
  );

  r.post(
    '/api/v1/intake/:id/checklist',
    {
      schema: { tags, summary: 'Markera eller avmarkera en punkt i checklistan (vem och när sparas)', params: IntakeParams, body: IntakeChecklistBody, response: { 200: IntakeDetail } },
    },
    async (request) => {
      const { actor } = await guardIntake(request, request.params.id, 'intake.checklist', 'intake.handle');
      await tickChecklist(deps, actor, request.params.id, request.body);
      return detailAfter(request, request.params.id);
    },
  );

  r.post(
    '/api/v1/intake/:id/booking',
    {
      schema: { tags, summary: 'Boka nybesök och skapa kallelsen (PDF) med handlingar att ta med', params: IntakeParams, body: IntakeBookingBody, response: { 201: IntakeDetail } },
    },
    async (request, reply) => {
      const { actor } = await guardIntake(request, request.params.id, 'intake.book', 'intake.handle');
      await bookFirstVisit(deps, actor, request.params.id, request.body);
      return reply.status(201).send(await detailAfter(request, request.params.id));
    },
  );

  r.get(
    '/api/v1/intake/:id/booking-letter',
    {
      schema: { tags, summary: 'Kallelsen till nybesöket som PDF', params: IntakeParams, response: { 200: PdfFile } },
    },
    async (request, reply) => {
      const { actor, caseId, personId } = await guardIntake(request, request.params.id, 'intake.letter.read');
      const row = await deps.db.selectFrom('intakes').select('letter_document_id').where('id', '=', request.params.id).executeTakeFirstOrThrow();
      if (!row.letter_document_id) throw notFound('Kallelsen');
      await audit(deps.db, actor, deps.now(), { action: 'document.read', targetType: 'document', targetId: row.letter_document_id, caseId, personId, purpose: 'firstVisitLetter', outcome: 'success' });
      const doc = await deps.db.selectFrom('documents').select(['content', 'mime_type', 'title']).where('id', '=', row.letter_document_id).executeTakeFirstOrThrow();
      return reply.header('content-type', doc.mime_type).header('content-disposition', `inline; filename="kallelse-nybesok.pdf"`).send(Buffer.from(doc.content));
    },
  );

  r.post(
    '/api/v1/intake/:id/assign',
    {
      schema: { tags, summary: 'Fördela ärendet till handläggare (överlämning från mottagningen)', params: IntakeParams, body: IntakeAssignBody, response: { 200: IntakeAssignResult } },
    },
    async (request) => {
      const { actor } = await guardIntake(request, request.params.id, 'intake.assign', 'case.assign');
      const result = await assignIntake(deps, actor, request.params.id, request.body);
      return { ...result, intake: await detailAfter(request, request.params.id) };
    },
  );

  r.post(
    '/api/v1/intake/:id/refer',
    {
      schema: { tags, summary: 'Avsluta kontakten som hänvisad (kommunen är inte ansvarig eller annan instans gäller)', params: IntakeParams, body: IntakeReferBody, response: { 200: IntakeDetail } },
    },
    async (request) => {
      const { actor } = await guardIntake(request, request.params.id, 'intake.refer', 'intake.handle');
      await referIntake(deps, actor, request.params.id, request.body);
      return detailAfter(request, request.params.id);
    },
  );
}
