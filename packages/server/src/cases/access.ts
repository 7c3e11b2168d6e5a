import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { CASE_READ_POLICY, actorValues, canReadCase, readableRelations, type Actor, type CaseAccessFacts, type CasePath, type CaseReadPolicy, type CaseRelation } from '@vagen/domain';
import { queryTemplate, type Database } from '@vagen/db';

// Everything here is derived from the access policy in the domain (CASE_READ_POLICY): the SQL condition "the actor
// may read this case", and the facts canReadCase needs for one case. The SQL refers to the case row as `cases`.

const col = (table: string, name: string) => sql.ref(`${table}.${name}`);

/** A policy constant as an SQL literal (not a parameter, so that a generic plan can still match partial indexes). */
function constantCondition(ref: RawBuilder<unknown>, value: string | boolean | readonly string[]): RawBuilder<SqlBool> {
  if (typeof value === 'boolean') return value ? sql<SqlBool>`${ref}` : sql<SqlBool>`not ${ref}`;
  if (typeof value === 'string') return sql<SqlBool>`${ref} = ${sql.lit(value)}`;
  return sql<SqlBool>`${ref} in (${sql.join(value.map((v) => sql.lit(v)))})`;
}

/** The joined tables of a path's steps (aliases `<prefix>0`, `<prefix>1`, …) with the steps' fixed conditions. */
function pathTables(path: CasePath, prefix: string) {
  const alias = (i: number) => `${prefix}${i}`;
  const from = sql.join(
    path.steps.map((s, i) =>
      i === 0 ? sql`${sql.table(s.table)} as ${sql.id(alias(i))}` : sql`join ${sql.table(s.table)} as ${sql.id(alias(i))} on ${col(alias(i), s.from)} = ${col(alias(i - 1), path.steps[i - 1]!.to)}`,
    ),
    sql` `,
  );
  const conditions = path.steps.flatMap((s, i) => Object.entries(s.where ?? {}).map(([c, v]) => constantCondition(col(alias(i), c), v)));
  const last = path.steps.length - 1;
  return { from, conditions, first: col(alias(0), path.steps[0]!.from), value: col(alias(last), path.steps[last]!.to) };
}

/** All of / any of some conditions (true / false when there are none). */
export const and = (conditions: RawBuilder<SqlBool>[]) => (conditions.length ? sql<SqlBool>`(${sql.join(conditions, sql` and `)})` : sql<SqlBool>`true`);
export const or = (conditions: RawBuilder<SqlBool>[]) => (conditions.length ? sql<SqlBool>`(${sql.join(conditions, sql` or `)})` : sql<SqlBool>`false`);

/** A value set as SQL: one parameter, or a list of them. */
const among = (ref: RawBuilder<unknown>, values: readonly unknown[]) =>
  values.length === 1 ? sql<SqlBool>`${ref} = ${values[0]}` : sql<SqlBool>`${ref} in (${sql.join(values.map((v) => sql`${v}`))})`;

/**
 * True when the case (`cases`) is related to one of `values` by the relation, e.g. its unit is among the user's
 * units, or the user is named for one of its protected persons. A path is read backwards from the actor's values,
 * so the database can start from them (an index per step) instead of testing every case.
 */
export function relatedCondition(relation: CaseRelation, values: readonly unknown[], table = 'cases'): RawBuilder<SqlBool> {
  if (!values.length) return sql<SqlBool>`false`;
  const start = col(table, relation.path.column);
  if (!relation.path.steps.length) return among(start, values);
  const p = pathTables(relation.path, `${relation.name}_`);
  return sql<SqlBool>`${start} in (select ${p.first} from ${p.from} where ${and([among(p.value, values), ...p.conditions])})`;
}

/** The case's values of the relation as text[] (for the facts of one case). */
function relatedValues(relation: CaseRelation): RawBuilder<string[]> {
  const start = col('cases', relation.path.column);
  if (!relation.path.steps.length) return sql<string[]>`array_remove(array[${start}::text], null)`;
  const p = pathTables(relation.path, `${relation.name}_`);
  return sql<string[]>`array(select distinct ${p.value}::text from ${p.from} where ${and([sql<SqlBool>`${p.first} = ${start}`, ...p.conditions])})`;
}

/** Whether a case is hidden by protected identity unless a relation opens it. */
export const protectedCase = (policy: CaseReadPolicy = CASE_READ_POLICY) => col('cases', policy.protectedColumn) as RawBuilder<SqlBool>;

/**
 * The relation's condition with the protected-identity rule applied: a relation that does not open protected cases
 * sees only cases without protected identity.
 */
export function relationGrants(relation: CaseRelation, values: readonly unknown[], policy: CaseReadPolicy = CASE_READ_POLICY): RawBuilder<SqlBool> {
  const related = relatedCondition(relation, values);
  return relation.opensProtected ? related : and([sql<SqlBool>`not ${protectedCase(policy)}`, related]);
}

/** The staff user's municipality, the condition every staff branch starts from. */
export const sameMunicipality = (municipality: unknown, policy: CaseReadPolicy = CASE_READ_POLICY) => sql<SqlBool>`${col('cases', policy.municipalityColumn)} = ${municipality}`;

/**
 * The access policy as a SQL condition on `cases`, so that lists and searches never even load what the user may not
 * see (and a protected person is simply not found).
 */
export function visibleCasesSql(actor: Actor, policy: CaseReadPolicy = CASE_READ_POLICY): RawBuilder<SqlBool> {
  const relations = readableRelations(actor, policy).filter((r) => actorValues(actor, r).length);
  if (!relations.length) return sql<SqlBool>`false`;
  const hidden = relations.filter((r) => !r.opensProtected).map((r) => relatedCondition(r, actorValues(actor, r)));
  const opening = relations.filter((r) => r.opensProtected).map((r) => relatedCondition(r, actorValues(actor, r)));
  const grants = or([...(hidden.length ? [and([sql<SqlBool>`not ${protectedCase(policy)}`, or(hidden)])] : []), ...opening]);
  return actor.kind === 'staff' ? and([sameMunicipality(actor.municipality, policy), grants]) : grants;
}

/** visibleCasesSql for Kysely's `where`. */
export function visibleCasesCondition(actor: Actor, policy: CaseReadPolicy = CASE_READ_POLICY) {
  const condition = visibleCasesSql(actor, policy);
  return (_eb: ExpressionBuilder<Database, 'cases'>): Expression<SqlBool> => condition;
}

/** Whether the case is the staff user's own ("mina ärenden"): the policy's assigned relations. */
export function assignedCondition(userId: unknown, policy: CaseReadPolicy = CASE_READ_POLICY): RawBuilder<SqlBool> {
  return or(policy.relations.filter((r) => r.assigned && r.actor === 'staff').map((r) => relatedCondition(r, [userId])));
}

/** Columns of a row that carry the access facts (`access_*`), selected alongside whatever else a query reads. */
export function accessFactSelections(policy: CaseReadPolicy = CASE_READ_POLICY) {
  return [
    sql<string>`${col('cases', policy.municipalityColumn)}`.as('access_municipality'),
    sql<boolean>`${protectedCase(policy)}`.as('access_protected'),
    ...policy.relations.map((r, i) => relatedValues(r).as(`access_related_${i}`)),
  ];
}

/** The facts from a row selected with accessFactSelections. */
export function accessFactsFromRow(row: object, policy: CaseReadPolicy = CASE_READ_POLICY): CaseAccessFacts {
  const r = row as Record<string, unknown>;
  return {
    municipality: String(r.access_municipality),
    protectedIdentity: r.access_protected === true,
    related: Object.fromEntries(policy.relations.map((rel, i) => [rel.name, (r[`access_related_${i}`] as string[] | null) ?? []])),
  };
}

/** One value per policy, made when first asked for (a policy is constant; tests make others). */
export function perPolicy<T extends object>(make: (policy: CaseReadPolicy) => T): (policy: CaseReadPolicy) => T {
  const made = new WeakMap<CaseReadPolicy, T>();
  return (policy) => {
    let value = made.get(policy);
    if (!value) {
      value = make(policy);
      made.set(policy, value);
    }
    return value;
  };
}

const factsQuery = perPolicy((policy) =>
  queryTemplate((db: Kysely<Database>, v: { caseId: string }) =>
    db
      .selectFrom('cases')
      .select(['cases.municipality_code', 'cases.unit_id', 'cases.responsible_worker_id', 'cases.second_worker_id', 'cases.household_id'])
      .select((eb) =>
        eb
          .selectFrom('household_members as am')
          .select('am.person_id')
          .whereRef('am.household_id', '=', 'cases.household_id')
          .where('am.role', '=', sql.lit('applicant'))
          .orderBy('am.person_id')
          .limit(1)
          .as('applicant_person_id'),
      )
      .select(accessFactSelections(policy))
      .where('cases.id', '=', v.caseId),
  ),
);

/**
 * What the access policy needs for one case, and what callers commonly need besides (its unit, workers, household
 * and applicant); null when the case does not exist. One statement.
 */
export async function loadCaseAccessFacts(db: Kysely<Database>, caseId: string, policy: CaseReadPolicy = CASE_READ_POLICY) {
  const row = (await db.executeQuery(factsQuery(policy)(db, 'facts', { caseId }))).rows[0];
  if (!row) return null;
  return {
    ...accessFactsFromRow(row, policy),
    unitId: row.unit_id,
    responsibleWorkerId: row.responsible_worker_id,
    secondWorkerId: row.second_worker_id,
    householdId: row.household_id,
    applicantPersonId: row.applicant_person_id ?? null,
  };
}

export { canReadCase };
