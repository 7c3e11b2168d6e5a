/**
 * The calculation of an application: POST runs the norm engine on the content (one run per calendar month) and stores
 * input and result; adjustments override one row with a required note and keep the system value next to it; four-eyes
 * approval when the municipality has it on (fourEyes.sections.calculation).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AdjustmentBody, CalculationView, IdParams } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { swedishDate, findRow } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { closeWorkItems } from '../queue/work-items.ts';
import { fourEyes } from '../decisions/config.ts';
import { caseRow, currentCalculation, guardApplication, loadAdjustments, loadApplication, loadCalculation, recalculate, recordEvent, type CalculationRecord, type Db } from './store.ts';

export async function calculationJson(db: Db, c: CalculationRecord, municipality: string) {
  const adjustments = await loadAdjustments(db, c.applicationId);
  const names = await db
    .selectFrom('staff_users')
    .select(['id', 'display_name'])
    .where('id', 'in', [c.createdBy, ...(c.approvedBy ? [c.approvedBy] : [])])
    .execute();
  const name = (id: string | null) => names.find((n) => n.id === id)?.display_name ?? null;
  const required = fourEyes(municipality, swedishDate(c.createdAt)).calculation;
  return {
    id: c.id,
    applicationId: c.applicationId,
    caseId: c.caseId,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    createdByName: name(c.createdBy),
    current: c.supersededAt === null,
    supersededAt: c.supersededAt,
    approval: { required, approvedBy: c.approvedBy, approvedByName: name(c.approvedBy), approvedAt: c.approvedAt },
    months: c.effective.months,
    totals: c.effective.totals,
    systemAssistance: c.systemAssistance,
    assistance: c.assistance,
    outcome: c.outcome,
    outcomeExplanation: c.effective.outcomeExplanation,
    normTables: c.months.map((m) => ({ month: m.result.month, table: m.result.normTable, guidelines: m.result.guidelines })),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      lineKey: a.lineKey,
      value: a.value,
      note: a.note,
      createdByName: a.createdByName ?? null,
      createdAt: a.createdAt,
      systemValueAtCreation: a.systemValueAtCreation,
      deletedAt: a.deletedAt,
      deletedByName: a.deletedByName,
      applied: c.effective.months.some((m) => m.rows.some((r) => r.adjustmentId === a.id)),
    })),
  };
}

export async function calculationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.post(
    '/api/v1/applications/:id/calculations',
    {
      schema: { tags: ['bedömning'], summary: 'Beräkna ansökan med normberäkningen (sparar indata och resultat; justeringar behålls)', params: IdParams, response: { 201: CalculationView } },
    },
    async (request, reply) => {
      const { actor, facts, application } = await guardApplication(app, request, request.params.id, 'calculation.create', 'assessment.write');
      if (application.status === 'decided') throw conflict('Ansökan är redan beslutad; beräkningen kan inte ändras.');
      const now = deps.now();
      const c = await caseRow(deps.db, application.caseId);
      const calc = await deps.db.transaction().execute(async (tx) => {
        const result = await recalculate(tx, application, c, actor.userId, now, 'Beräkning');
        await audit(tx, actor, now, {
          action: 'calculation.create',
          targetType: 'calculation',
          targetId: result.id,
          caseId: application.caseId,
          personId: facts.applicantPersonId,
          outcome: 'success',
        });
        return result;
      });
      return reply.status(201).send(await calculationJson(deps.db, calc, c.municipality_code));
    },
  );

  r.get(
    '/api/v1/calculations/:id',
    { schema: { tags: ['bedömning'], summary: 'En beräkning med rader, systemvärden, handläggarens värden och varningar', params: IdParams, response: { 200: CalculationView } } },
    async (request) => {
      const calc = await loadCalculation(deps.db, request.params.id);
      if (!calc) throw notFound('Beräkningen');
      const { actor, facts } = await guardCase(app, request, calc.caseId, 'calculation.read');
      await audit(deps.db, actor, deps.now(), { action: 'calculation.read', targetType: 'calculation', targetId: calc.id, caseId: calc.caseId, personId: facts.applicantPersonId, outcome: 'success' });
      const c = await caseRow(deps.db, calc.caseId);
      return calculationJson(deps.db, calc, c.municipality_code);
    },
  );

  r.post(
    '/api/v1/applications/:id/adjustments',
    {
      schema: {
        tags: ['bedömning'],
        summary: 'Justera en rad i beräkningen (handläggarens värde vinner; systemvärdet visas bredvid)',
        params: IdParams,
        body: AdjustmentBody,
        response: { 201: CalculationView },
      },
    },
    async (request, reply) => {
      const { actor, facts, application } = await guardApplication(app, request, request.params.id, 'calculation.adjust', 'assessment.write');
      if (application.status === 'decided') throw conflict('Ansökan är redan beslutad; beräkningen kan inte ändras.');
      const current = await currentCalculation(deps.db, application.id);
      if (!current) throw conflict('Gör en beräkning innan du justerar den.');
      const row = findRow(current.effective, request.body.lineKey);
      if (!row) throw new ValidationFailure([{ path: '/body/lineKey', message: 'Raden finns inte i beräkningen.' }]);
      if (!row.adjustable) throw new ValidationFailure([{ path: '/body/lineKey', message: 'Raden räknas fram av andra rader och kan inte justeras direkt.' }]);
      const note = request.body.note.trim();
      if (!note) throw new ValidationFailure([{ path: '/body/note', message: 'Skriv varför värdet ändras.' }]);
      const now = deps.now();
      const c = await caseRow(deps.db, application.caseId);
      const calc = await deps.db.transaction().execute(async (tx) => {
        // One active adjustment per row: a new one replaces the old (which stays as history, deleted).
        const previous = await tx
          .selectFrom('calculation_adjustments')
          .select('id')
          .where('application_id', '=', application.id)
          .where('line_key', '=', request.body.lineKey)
          .where('deleted_at', 'is', null)
          .execute();
        for (const p of previous) {
          await tx.updateTable('calculation_adjustments').set({ deleted_at: now.toISOString(), deleted_by: actor.userId }).where('id', '=', p.id).execute();
          await recordEvent(tx, { caseId: application.caseId, objectType: 'adjustment', objectId: p.id, event: 'replaced', from: 'active', to: 'deleted', actorId: actor.userId, at: now });
        }
        const id = newId();
        await tx
          .insertInto('calculation_adjustments')
          .values({
            id,
            application_id: application.id,
            case_id: application.caseId,
            line_key: request.body.lineKey,
            value: request.body.value,
            system_value: row.systemValue,
            note,
            created_by: actor.userId,
            created_at: now.toISOString(),
            deleted_at: null,
            deleted_by: null,
          })
          .execute();
        await recordEvent(tx, { caseId: application.caseId, objectType: 'adjustment', objectId: id, event: 'created', to: 'active', actorId: actor.userId, note, at: now });
        const fresh = (await loadApplication(tx, application.id))!;
        const result = await recalculate(tx, fresh, c, actor.userId, now, `Justering av ${row.label}`);
        await audit(tx, actor, now, {
          action: 'calculation.adjust',
          targetType: 'calculationAdjustment',
          targetId: id,
          caseId: application.caseId,
          personId: facts.applicantPersonId,
          outcome: 'success',
        });
        return result;
      });
      return reply.status(201).send(await calculationJson(deps.db, calc, c.municipality_code));
    },
  );

  for (const action of ['delete', 'restore'] as const) {
    r.post(
      `/api/v1/adjustments/:id/${action}`,
      {
        schema: {
          tags: ['bedömning'],
          summary: action === 'delete' ? 'Ta bort en justering (mjuk borttagning; systemvärdet gäller igen)' : 'Återställ en borttagen justering',
          params: IdParams,
          response: { 200: CalculationView },
        },
      },
      async (request) => {
        const adj = await deps.db.selectFrom('calculation_adjustments').selectAll().where('id', '=', request.params.id).executeTakeFirst();
        if (!adj) throw notFound('Justeringen');
        const { actor, facts } = await guardCase(app, request, adj.case_id, `calculation.adjustment.${action}`, 'assessment.write');
        const application = (await loadApplication(deps.db, adj.application_id))!;
        if (application.status === 'decided') throw conflict('Ansökan är redan beslutad; beräkningen kan inte ändras.');
        const now = deps.now();
        const c = await caseRow(deps.db, adj.case_id);
        const calc = await deps.db.transaction().execute(async (tx) => {
          const locked = await tx.selectFrom('calculation_adjustments').select(['deleted_at']).where('id', '=', adj.id).forUpdate().executeTakeFirstOrThrow();
          if (action === 'delete' && locked.deleted_at) throw conflict('Justeringen är redan borttagen.');
          if (action === 'restore' && !locked.deleted_at) throw conflict('Justeringen är inte borttagen.');
          if (action === 'restore') {
            // Restoring makes it the row's active adjustment again; another active one on the row is set aside.
            await tx
              .updateTable('calculation_adjustments')
              .set({ deleted_at: now.toISOString(), deleted_by: actor.userId })
              .where('application_id', '=', adj.application_id)
              .where('line_key', '=', adj.line_key)
              .where('deleted_at', 'is', null)
              .execute();
          }
          await tx
            .updateTable('calculation_adjustments')
            .set(action === 'delete' ? { deleted_at: now.toISOString(), deleted_by: actor.userId } : { deleted_at: null, deleted_by: null })
            .where('id', '=', adj.id)
            .execute();
          await recordEvent(tx, {
            caseId: adj.case_id,
            objectType: 'adjustment',
            objectId: adj.id,
            event: action === 'delete' ? 'deleted' : 'restored',
            from: action === 'delete' ? 'active' : 'deleted',
            to: action === 'delete' ? 'deleted' : 'active',
            actorId: actor.userId,
            at: now,
          });
          const result = await recalculate(tx, application, c, actor.userId, now, action === 'delete' ? 'Justering borttagen' : 'Justering återställd');
          await audit(tx, actor, now, {
            action: `calculation.adjustment.${action}`,
            targetType: 'calculationAdjustment',
            targetId: adj.id,
            caseId: adj.case_id,
            personId: facts.applicantPersonId,
            outcome: 'success',
          });
          return result;
        });
        return calculationJson(deps.db, calc, c.municipality_code);
      },
    );
  }

  r.post(
    '/api/v1/calculations/:id/approve',
    {
      schema: { tags: ['bedömning'], summary: 'Godkänn beräkningen (fyra ögon: en annan person än den som gjorde den)', params: IdParams, response: { 200: CalculationView } },
    },
    async (request) => {
      const calc = await loadCalculation(deps.db, request.params.id);
      if (!calc) throw notFound('Beräkningen');
      const { actor, facts } = await guardCase(app, request, calc.caseId, 'calculation.approve', 'assessment.write');
      const now = deps.now();
      const c = await caseRow(deps.db, calc.caseId);
      const adjusters = (await loadAdjustments(deps.db, calc.applicationId)).filter((a) => a.deletedAt === null).map((a) => a.createdBy);
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('calculations').select(['superseded_at', 'approved_at', 'created_by']).where('id', '=', calc.id).forUpdate().executeTakeFirstOrThrow();
        if (locked.superseded_at) throw conflict('Beräkningen har ersatts av en nyare. Godkänn den senaste.');
        if (locked.approved_at) throw conflict('Beräkningen är redan godkänd.');
        if (locked.created_by === actor.userId || adjusters.includes(actor.userId)) {
          throw conflict('Fyra ögon: beräkningen ska godkännas av en annan person än den som gjorde eller justerade den.');
        }
        await tx.updateTable('calculations').set({ approved_by: actor.userId, approved_at: now.toISOString() }).where('id', '=', calc.id).execute();
        await closeWorkItems(tx, { refType: 'calculation', refId: calc.id, kind: 'calculationApproval' }, actor.userId, now);
        await recordEvent(tx, { caseId: calc.caseId, objectType: 'calculation', objectId: calc.id, event: 'approved', to: 'approved', actorId: actor.userId, at: now });
        await audit(tx, actor, now, { action: 'calculation.approve', targetType: 'calculation', targetId: calc.id, caseId: calc.caseId, personId: facts.applicantPersonId, outcome: 'success' });
      });
      return calculationJson(deps.db, (await loadCalculation(deps.db, calc.id))!, c.municipality_code);
    },
  );
}
