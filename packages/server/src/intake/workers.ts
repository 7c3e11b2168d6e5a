/**
 * The workers of a unit with caseload, heavy cases and experience, for assignment.
 * "Heavy" follows the municipality's HeavyCaseRule (intake-settings-*.json): ≥ 3 children, protected identity, or
 * assistance granted in each of the last 12 months (all configurable).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { HEAVY_CASE_REASON_LABELS, ROLE_LABELS, addMonthsIso, caseWeight, describeHeavyRule, isNewStaff, isStaffRole, yearsOfExperience, type HeavyCaseRule, type StaffRole } from '@vagen/domain';

/** Roles that can be responsible for a case. */
export const ASSIGNABLE_ROLES: readonly StaffRole[] = ['caseWorker', 'seniorCaseWorker', 'benefitOfficer', 'employmentCoach', 'intakeWorker'];

/** Weight facts of a set of cases (children, protected identity, months with assistance in the window). */
async function weightRows(db: Kysely<Database>, which: { caseId: string } | { activeOfWorkers: string[] }, rule: HeavyCaseRule, today: string) {
  const since = addMonthsIso(today, -rule.assistanceWindowMonths);
  let q = db
    .selectFrom('cases as c')
    .select((eb) => [
      'c.id',
      'c.responsible_worker_id',
      'c.second_worker_id',
      eb.selectFrom('household_members as hm').select(eb.fn.countAll<number>().as('n')).whereRef('hm.household_id', '=', 'c.household_id').where('hm.role', '=', 'child').as('children'),
      eb
        .exists(
          eb
            .selectFrom('household_members as pm')
            .innerJoin('persons as pp', 'pp.id', 'pm.person_id')
            .select('pm.person_id')
            .whereRef('pm.household_id', '=', 'c.household_id')
            .where('pp.protected_identity', '=', true),
        )
        .as('protected'),
      eb
        .selectFrom('decisions as d')
        .select(sql<number>`count(distinct date_trunc('month', d.period_start))`.as('m'))
        .whereRef('d.case_id', '=', 'c.id')
        .where('d.outcome', 'in', ['granted', 'partlyRefused'])
        .where('d.status', '=', 'decided')
        .where('d.period_start', '>=', since)
        .as('months'),
    ]);
  if ('caseId' in which) q = q.where('c.id', '=', which.caseId);
  else {
    const ids = which.activeOfWorkers;
    q = q.where('c.status', '<>', 'closed').where((eb) => eb.or([eb('c.responsible_worker_id', 'in', ids), eb('c.second_worker_id', 'in', ids)]));
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    responsibleWorkerId: r.responsible_worker_id,
    secondWorkerId: r.second_worker_id,
    weight: caseWeight({ children: Number(r.children ?? 0), protectedIdentity: (r.protected as unknown) === true || (r.protected as unknown) === 't', assistanceMonths: Number(r.months ?? 0) }, rule),
  }));
}

/** Weight of one case (shown on the intake page and checked at assignment). */
export async function caseWeightOf(db: Kysely<Database>, caseId: string, rule: HeavyCaseRule, today: string) {
  const [row] = await weightRows(db, { caseId }, rule, today);
  const w = row?.weight ?? { heavy: false, reasons: [] };
  return { heavy: w.heavy, reasons: w.reasons.map((code) => ({ code, label: HEAVY_CASE_REASON_LABELS[code] })) };
}

export async function listUnitWorkers(db: Kysely<Database>, unitId: string, settings: { heavyCase: HeavyCaseRule; newStaffMonths: number }, today: string) {
  const staff = await db
    .selectFrom('staff_users as s')
    .innerJoin('staff_units as su', 'su.user_id', 's.id')
    .select(['s.id', 's.display_name', 's.role', 's.employed_since'])
    .where('su.unit_id', '=', unitId)
    .where('s.active', '=', true)
    .where('s.role', 'in', [...ASSIGNABLE_ROLES])
    .orderBy('s.display_name')
    .execute();
  const ids = staff.map((s) => s.id);
  const cases = ids.length ? await weightRows(db, { activeOfWorkers: ids }, settings.heavyCase, today) : [];
  return {
    unitId,
    heavyCaseRule: describeHeavyRule(settings.heavyCase),
    newStaffMonths: settings.newStaffMonths,
    workers: staff.map((s) => {
      const mine = cases.filter((c) => c.responsibleWorkerId === s.id || c.secondWorkerId === s.id);
      return {
        id: s.id,
        name: s.display_name,
        role: s.role,
        roleLabel: isStaffRole(s.role) ? ROLE_LABELS[s.role] : s.role,
        activeCases: mine.length,
        responsibleCases: mine.filter((c) => c.responsibleWorkerId === s.id).length,
        heavyCases: mine.filter((c) => c.weight.heavy).length,
        employedSince: s.employed_since,
        yearsOfExperience: yearsOfExperience(s.employed_since, today),
        newStaff: isNewStaff(s.employed_since, today, settings.newStaffMonths),
      };
    }),
  };
}
