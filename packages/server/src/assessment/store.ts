/** Loading and saving the assessment area's rows; shared by the application, calculation and decision routes. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import {
  swedishDate,
  applyAdjustments,
  formatSwedishDate,
  formatSwedishMonth,
  monthBounds,
  type AlreadyGranted,
  buildNormInputs,
  calculateNorm,
  isContentFilled,
  NormInputError,
  type AdjustmentInput,
  type ApplicationContent,
  type Capability,
  type EffectiveCalculation,
  type MonthInput,
  type NormResult,
} from '@vagen/domain';
import type { CalculationsTable, Database } from '@vagen/db';
import { guardCase } from '../cases/guard.ts';
import { conflict, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { getNormRuleSet } from '../rules/norm-rules.ts';
import { closeWorkItems, openWorkItem, PRIORITY } from '../queue/work-items.ts';
import { fourEyes } from '../decisions/config.ts';

export type Db = Kysely<Database>;

export interface ApplicationRecord {
  id: string;
  caseId: string;
  kind: string;
  status: string;
  periodMonth: string;
  periodStart: string | null;
  periodEnd: string | null;
  submittedAt: string;
  channel: string;
  content: ApplicationContent | null;
  updatedAt: string | null;
}

export async function loadApplication(db: Db, id: string): Promise<ApplicationRecord | null> {
  const a = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) return null;
  return {
    id: a.id,
    caseId: a.case_id,
    kind: a.kind,
    status: a.status,
    periodMonth: a.period_month,
    periodStart: a.period_start,
    periodEnd: a.period_end,
    submittedAt: a.submitted_at,
    channel: a.channel,
    updatedAt: a.updated_at,
    content: isContentFilled(a.content) ? a.content : null,
  };
}

/** The application with access to its case checked; 404 for both "missing" and "not yours to see". */
export async function guardApplication(app: FastifyInstance, request: FastifyRequest, id: string, action: string, capability?: Capability) {
  const application = await loadApplication(app.deps.db, id);
  if (!application) throw notFound('Ansökan');
  const guarded = await guardCase(app, request, application.caseId, action, capability);
  return { ...guarded, application };
}

export async function recordEvent(
  db: Db,
  e: { caseId: string; objectType: string; objectId: string; event: string; from?: string | null; to?: string | null; actorId: string | null; note?: string | null; at: Date },
) {
  await db
    .insertInto('assessment_events')
    .values({
      case_id: e.caseId,
      object_type: e.objectType,
      object_id: e.objectId,
      event: e.event,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      actor_kind: e.actorId ? 'staff' : 'system',
      actor_id: e.actorId,
      note: e.note ?? null,
      at: e.at.toISOString(),
    })
    .execute();
}

export async function caseRow(db: Db, caseId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin('municipalities', 'municipalities.code', 'cases.municipality_code')
    .select([
      'cases.id',
      'cases.case_number',
      'cases.status',
      'cases.municipality_code',
      'cases.unit_id',
      'cases.household_id',
      'cases.responsible_worker_id',
      'units.name as unit_name',
      'municipalities.name as municipality_name',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
}

export async function loadAdjustments(db: Db, applicationId: string): Promise<(AdjustmentInput & { systemValueAtCreation: number | null; deletedByName: string | null })[]> {
  const rows = await db
    .selectFrom('calculation_adjustments as a')
    .innerJoin('staff_users as u', 'u.id', 'a.created_by')
    .leftJoin('staff_users as d', 'd.id', 'a.deleted_by')
    .select(['a.id', 'a.line_key', 'a.value', 'a.note', 'a.created_by', 'u.display_name', 'a.created_at', 'a.deleted_at', 'a.system_value', 'd.display_name as deleted_by_name'])
    .where('a.application_id', '=', applicationId)
    .orderBy('a.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    lineKey: r.line_key,
    value: Number(r.value),
    note: r.note,
    createdBy: r.created_by,
    createdByName: r.display_name,
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
    systemValueAtCreation: r.system_value === null ? null : Number(r.system_value),
    deletedByName: r.deleted_by_name,
  }));
}

export interface StoredMonth {
  month: MonthInput;
  result: NormResult;
}

export interface CalculationRecord {
  id: string;
  applicationId: string;
  caseId: string;
  months: StoredMonth[];
  effective: EffectiveCalculation;
  adjustments: AdjustmentInput[];
  systemAssistance: number;
  assistance: number;
  outcome: string;
  createdBy: string;
  createdAt: string;
  supersededAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
}

function toCalculation(r: Selectable<CalculationsTable>): CalculationRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    caseId: r.case_id,
    months: r.months as StoredMonth[],
    effective: r.effective as EffectiveCalculation,
    adjustments: r.adjustments as AdjustmentInput[],
    systemAssistance: Number(r.system_assistance),
    assistance: Number(r.assistance),
    outcome: r.outcome,
    createdBy: r.created_by,
    createdAt: r.created_at,
    supersededAt: r.superseded_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
  };
}

export async function loadCalculation(db: Db, id: string): Promise<CalculationRecord | null> {
  const r = await db.selectFrom('calculations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCalculation(r) : null;
}

export async function currentCalculation(db: Db, applicationId: string): Promise<CalculationRecord | null> {
  const r = await db.selectFrom('calculations').selectAll().where('application_id', '=', applicationId).where('superseded_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirst();
  return r ? toCalculation(r) : null;
}

/** Engine run per month (throws ValidationFailure with content paths when the engine rejects the input). */
export function computeMonths(content: ApplicationContent, municipality: string): StoredMonth[] {
  const inputs = buildNormInputs(content, municipality);
  const rules = getNormRuleSet();
  return inputs.map((m) => {
    try {
      return { month: m, result: calculateNorm(rules, m.input) };
    } catch (err) {
      if (err instanceof NormInputError) {
        throw new ValidationFailure(
          err.fields.map((f) => ({ path: `/calculation/${m.month}${f.path}`, message: f.message })),
          `Beräkningen för ${m.month} kan inte göras: ${err.message}`,
        );
      }
      throw err;
    }
  });
}

/**
 * What the case's decided decisions already granted in each month of a tilläggsansökan: decisions of other
 * applications whose period lies in the month, not replaced after omprövning.
 */
async function alreadyGranted(tx: Db, application: ApplicationRecord, months: readonly { month: MonthInput }[]): Promise<AlreadyGranted[]> {
  const out: AlreadyGranted[] = [];
  for (const { month } of months) {
    const { first, last } = monthBounds(month.month);
    const rows = await tx
      .selectFrom('decisions as d')
      .select(['d.amount', 'd.decided_at'])
      .where('d.case_id', '=', application.caseId)
      .where('d.status', '=', 'decided')
      .where('d.outcome', 'in', ['granted', 'partlyRefused'])
      .where((eb) => eb.or([eb('d.application_id', 'is', null), eb('d.application_id', '<>', application.id)]))
      .where('d.period_start', '>=', first)
      .where('d.period_end', '<=', last)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('decisions as later').select('later.id').whereRef('later.replaces_decision_id', '=', 'd.id').where('later.status', '=', 'decided'))))
      .orderBy('d.decided_at')
      .execute();
    const amount = rows.reduce((s, r) => s + r.amount, 0);
    if (amount > 0) out.push({ month: month.month, amount, decisions: rows.map((r) => `beslut ${formatSwedishDate(new Date(r.decided_at))}`).join(', ') });
  }
  return out;
}

/**
 * A new calculation snapshot of the application's content with every active adjustment applied; the previous one is
 * superseded (kept as history). Runs inside the caller's transaction.
 */
export async function recalculate(tx: Db, application: ApplicationRecord, place: { municipality_code: string; unit_id: string }, actorId: string, now: Date, note: string): Promise<CalculationRecord> {
  if (!application.content) throw conflict('Ansökan är inte ifylld ännu. Fyll i ansökan innan du beräknar.');
  const municipality = place.municipality_code;
  const months = computeMonths(application.content, municipality);
  const adjustments = (await loadAdjustments(tx, application.id)).map(({ systemValueAtCreation: _s, deletedByName: _d, ...a }) => a);
  const granted = application.kind === 'supplementary' ? await alreadyGranted(tx, application, months) : [];
  const effective = applyAdjustments(application.content, months, adjustments, granted, formatSwedishMonth);
  const id = newId();
  const superseded = await tx
    .updateTable('calculations')
    .set({ superseded_at: now.toISOString() })
    .where('application_id', '=', application.id)
    .where('superseded_at', 'is', null)
    .returning('id')
    .execute();
  for (const s of superseded) await closeWorkItems(tx, { refType: 'calculation', refId: s.id, kind: 'calculationApproval' }, actorId, now);
  await tx
    .insertInto('calculations')
    .values({
      id,
      application_id: application.id,
      case_id: application.caseId,
      months: JSON.stringify(months),
      adjustments: JSON.stringify(adjustments.filter((a) => a.deletedAt === null)),
      effective: JSON.stringify(effective),
      system_assistance: effective.systemAssistance,
      assistance: effective.totals.assistance,
      outcome: effective.outcome,
      created_by: actorId,
      created_at: now.toISOString(),
      superseded_at: null,
      approved_by: null,
      approved_at: null,
    })
    .execute();
  await recordEvent(tx, { caseId: application.caseId, objectType: 'calculation', objectId: id, event: 'calculated', to: effective.outcome, actorId, note, at: now });
  if (fourEyes(municipality, swedishDate(now)).calculation) {
    await openWorkItem(
      tx,
      {
        municipality,
        unitId: place.unit_id,
        caseId: application.caseId,
        kind: 'calculationApproval',
        ref: { type: 'calculation', id },
        title: 'Godkänn beräkningen (fyra ögon)',
        priority: PRIORITY.deadline,
        receivedAt: now,
        assignedRole: null,
      },
      now,
    );
  }
  return (await loadCalculation(tx, id))!;
}

/** Household persons of a case (for names and for checking person ids in the content). */
export async function householdPersons(db: Db, householdId: string) {
  return db
    .selectFrom('household_members')
    .innerJoin('persons', 'persons.id', 'household_members.person_id')
    .select([
      'persons.id',
      'persons.first_name',
      'persons.last_name',
      'persons.birth_date',
      'household_members.role',
      'household_members.days_at_home',
      'persons.address_line',
      'persons.postal_code',
      'persons.city',
      'persons.protected_identity',
    ])
    .where('household_members.household_id', '=', householdId)
    .execute();
}
