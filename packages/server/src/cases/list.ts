import { sql, type Expression, type Kysely, type SqlBool, type Selectable, type SelectQueryBuilder } from 'kysely';
import { CASE_READ_POLICY, CASE_STATUS_LABELS, actorValues, hasCapability, isCaseStatus, type Actor, type CaseReadPolicy, type CaseRelation } from '@vagen/domain';
import { queryTemplate, type Database } from '@vagen/db';
import { and, assignedCondition, or, perPolicy, protectedCase, relatedCondition, relationGrants, sameMunicipality, visibleCasesCondition } from './access.ts';

export interface CaseListFilter {
  status?: string | undefined;
  mine?: boolean | undefined;
  limit: number;
  offset: number;
  /** Free-text match already resolved by the caller. */
  text?: { kind: 'personnummer'; value: string } | { kind: 'caseNumber'; value: string } | { kind: 'name'; value: string } | undefined;
}

/** What a staff list depends on. `mine` and whether `status` is set choose the query's shape; the rest is bound. */
interface StaffListValues extends Record<string, unknown> {
  municipality: string;
  userId: string;
  unitIds: string[];
  status: string | undefined;
  mine: boolean;
  limit: number;
  offset: number;
  /** limit + offset: how far each index scan must read. */
  scan: number;
}

/** The list's statement, per access policy (tests build lists from other policies). */
const staffListJsonQuery = perPolicy((policy) => queryTemplate((db: Kysely<Database>, v: StaffListValues) => listPageJsonQuery(db, staffPage(db, policy, v), staffTotal(db, policy, v))));
/** What a list row shows of the case itself: every column is in the list's covering indexes (migration 0012). */
const LIST_COLUMNS = ['cases.id', 'cases.updated_at', 'cases.case_number', 'cases.status', 'cases.opened_at', 'cases.unit_id', 'cases.responsible_worker_id', 'cases.applicant_name'] as const;
type ListRow = Pick<Selectable<Database['cases']>, 'id' | 'updated_at' | 'case_number' | 'status' | 'opened_at' | 'unit_id' | 'responsible_worker_id' | 'applicant_name'>;
/** A page of list rows (LIST_COLUMNS), in list order. */
type ListPage = SelectQueryBuilder<Database, never, ListRow>;

/**
 * A staff user's case list without free text, as the response's JSON text (the CaseListPage shape):
 * `{"total":…,"items":[…]}`. Page, names and total come from index scans and counters (fast at any size) in one
 * statement built once per shape, and PostgreSQL writes the JSON, so the server neither parses 50 rows nor
 * serialises them again. The items are the same as listCases gives (a test compares every field).
 */
export async function staffCaseListJson(
  db: Kysely<Database>,
  actor: Extract<Actor, { kind: 'staff' }>,
  filter: Omit<CaseListFilter, 'text'>,
  policy: CaseReadPolicy = CASE_READ_POLICY,
): Promise<string> {
  if (!hasCapability(actor.role, policy.capability)) return '{"total":0,"items":[]}';
  const values: StaffListValues = {
    municipality: actor.municipality,
    userId: actor.userId,
    unitIds: [...actor.unitIds],
    status: filter.status,
    mine: filter.mine === true,
    limit: filter.limit,
    offset: filter.offset,
    scan: filter.limit + filter.offset,
  };
  const shape = `${values.unitIds.length}|${values.status === undefined ? '' : 's'}|${values.mine ? 'm' : ''}`;
  const row = (await db.executeQuery(staffListJsonQuery(policy)(db, shape, values))).rows[0]!;
  return `{"total":${Number(row.total)},"items":${row.items}}`;
}

/** Cases matching a filter (free-text searches, and any actor), as objects. */
export async function listCases(db: Kysely<Database>, actor: Actor, filter: CaseListFilter, policy: CaseReadPolicy = CASE_READ_POLICY) {
  const base = filteredCases(db, actor, filter, policy);
  const page = base.select(LIST_COLUMNS).orderBy('cases.updated_at', 'desc').orderBy('cases.id').limit(filter.limit).offset(filter.offset);
  const [rows, count] = await Promise.all([summaryRows(db, page as never as ListPage), base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return { total: Number(count.n), items: rows.map(summaryJson) };
}

/** Visible cases with the filter applied, for searches and the client's own list. */
function filteredCases(db: Kysely<Database>, actor: Actor, filter: CaseListFilter, policy: CaseReadPolicy) {
  let base = db.selectFrom('cases').where(visibleCasesCondition(actor, policy));
  if (filter.status) base = base.where('cases.status', '=', filter.status);
  if (filter.mine && actor.kind === 'staff') base = base.where(() => assignedCondition(actor.userId, policy));
  const text = filter.text;
  if (text?.kind === 'caseNumber') return base.where('cases.case_number', '=', text.value);
  if (!text) return base;
  return base.where((eb) =>
    eb.exists(
      eb
        .selectFrom('household_members as sm')
        .innerJoin('persons as sp', 'sp.id', 'sm.person_id')
        .select('sm.person_id')
        .whereRef('sm.household_id', '=', 'cases.household_id')
        .where('sm.role', 'in', ['applicant', 'coApplicant'])
        .where(
          text.kind === 'personnummer'
            ? (e) => e('sp.personnummer', '=', text.value)
            : (e) =>
                e.or(
                  text.value
                    .split(/\s+/)
                    .filter(Boolean)
                    .slice(0, 3)
                    .map((word) =>
                      e.or([e(e.fn('lower', ['sp.first_name']), 'like', `${escapeLike(word.toLowerCase())}%`), e(e.fn('lower', ['sp.last_name']), 'like', `${escapeLike(word.toLowerCase())}%`)]),
                    ),
                ),
        ),
    ),
  );
}

/** A page of list rows with the unit's and the responsible worker's names, in list order. */
function summaryRows(db: Kysely<Database>, page: ListPage) {
  return summaryQuery(db, page).orderBy('c.updated_at', 'desc').orderBy('c.id').execute();
}

function summaryQuery(db: Kysely<Database>, page: ListPage) {
  return db
    .selectFrom(page.as('c'))
    .innerJoin('units', 'units.id', 'c.unit_id')
    .leftJoin('staff_users as rw', 'rw.id', 'c.responsible_worker_id')
    .select(['c.id', 'c.case_number', 'c.status', 'c.opened_at', 'c.updated_at', 'units.name as unit_name', 'c.applicant_name', 'rw.display_name as worker_name']);
}

// What summaryJson does, in SQL: the status label from the domain's table (a CASE over its entries, constants of
// the statement: cheaper per row than looking the status up in a JSON literal), timestamps as toIso writes them
// (UTC, milliseconds truncated, 'Z').
const statusLabel = (column: string) =>
  sql<string>`case ${sql.ref(column)} ${sql.join(
    Object.entries(CASE_STATUS_LABELS).map(([status, label]) => sql`when ${sql.lit(status)} then ${sql.lit(label)}`),
    sql` `,
  )} else ${sql.ref(column)} end`;
const isoUtc = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One row: the total, and the page's items as JSON text in list order (`[]` for an empty page). */
function listPageJsonQuery(db: Kysely<Database>, page: ListPage, total: Expression<number>) {
  // (select x from (select … as "field") x) is a record that keeps the field names, so row_to_json gives compact
  // JSON with the API's keys, and the aggregate can order by columns the items do not carry.
  const item = sql`(select x from (select
      s.id as "id", s.case_number as "caseNumber", s.status as "status",
      ${statusLabel('s.status')} as "statusLabel",
      s.applicant_name as "applicantName",
      s.unit_name as "unitName", s.worker_name as "responsibleWorkerName",
      ${isoUtc('s.opened_at')} as "openedAt", ${isoUtc('s.updated_at')} as "updatedAt") x)`;
  return db
    .selectFrom(summaryQuery(db, page).as('s'))
    .select(sql<number>`(${total})::int`.as('total'))
    .select(sql<string>`coalesce(json_agg(row_to_json(${item}) order by s.updated_at desc, s.id), '[]')::text`.as('items'));
}

function summaryJson(r: Awaited<ReturnType<typeof summaryRows>>[number]) {
  return {
    id: r.id,
    caseNumber: r.case_number,
    status: r.status,
    statusLabel: isCaseStatus(r.status) ? CASE_STATUS_LABELS[r.status] : r.status,
    applicantName: r.applicant_name,
    unitName: r.unit_name,
    responsibleWorkerName: r.worker_name,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
  };
}

/**
 * The policy's staff relations with the template's values as the actor. `build` sees markers, not real values, so
 * only the shape (how many units, status and "mine" present) may choose the query.
 */
const staffActor = (v: StaffListValues): Extract<Actor, { kind: 'staff' }> => ({
  kind: 'staff',
  role: 'caseWorker',
  userId: v.userId,
  municipality: v.municipality,
  unitIds: v.unitIds,
});

/** Cases of the user's municipality with the status filter, granted by one relation to one of its values. */
function relationCases(db: Kysely<Database>, policy: CaseReadPolicy, v: StaffListValues, relation: CaseRelation, value: unknown) {
  let q = db
    .selectFrom('cases')
    .where(() => sameMunicipality(v.municipality, policy))
    .where(() => relationGrants(relation, [value], policy));
  if (v.status !== undefined) q = q.where('cases.status', '=', v.status);
  return q;
}

/**
 * Which relations the list reads, each with the actor values it is read for, and whether the "mine" filter must
 * still be applied to it. Under "mine", a relation that neither assigns nor opens protected cases adds nothing: its
 * cases that are the user's own are found through the assigning relations.
 */
function listBranches(policy: CaseReadPolicy, v: StaffListValues) {
  const actor = staffActor(v);
  return policy.relations
    .filter((r) => r.actor === 'staff')
    .filter((r) => !v.mine || r.assigned || r.opensProtected)
    .flatMap((r) => actorValues(actor, r).map((value) => ({ relation: r, value, needsMine: v.mine && !r.assigned })));
}

/**
 * The policy for staff as one ordered, limited index scan per relation and actor value (each unit, responsible,
 * second worker, named for a protected person, …), merged. An OR of the same conditions makes PostgreSQL sort every
 * visible case of the units for each page.
 */
function staffPage(db: Kysely<Database>, policy: CaseReadPolicy, v: StaffListValues): ListPage {
  const branches = listBranches(policy, v).map(({ relation, value, needsMine }, i) => {
    let q = relationCases(db, policy, v, relation, value);
    if (needsMine) q = q.where(() => assignedCondition(v.userId, policy));
    return db.selectFrom(q.select(LIST_COLUMNS).orderBy('cases.updated_at', 'desc').orderBy('cases.id').limit(v.scan).as(`b${i}`)).selectAll(`b${i}` as never) as never as ListPage;
  });
  if (!branches.length) {
    return db.selectFrom('cases').select(LIST_COLUMNS).where(sql<boolean>`false`) as never as ListPage;
  }
  // UNION compares whole rows: a case seen in two ways is the same row twice, and is kept once.
  let merged = branches[0]!;
  for (const b of branches.slice(1)) merged = merged.union(b);
  return db
    .selectFrom(merged.as('v') as never as 'cases as v')
    .selectAll('v')
    .orderBy('v.updated_at', 'desc')
    .orderBy('v.id')
    .limit(v.limit)
    .offset(v.offset) as never as ListPage;
}

/**
 * The key columns of case_list_counts (migration 0010): the table counts the cases without protected identity per
 * municipality, status and these columns, kept by triggers.
 */
const COUNTED_COLUMNS: ReadonlySet<string> = new Set(['unit_id', 'responsible_worker_id', 'second_worker_id'] satisfies (keyof Database['case_list_counts'])[]);

/** The relations the counters can answer: a column of the case that is one of the counters' keys, hidden when protected. */
export const countedRelations = (policy: CaseReadPolicy) => policy.relations.filter((r) => r.actor === 'staff' && !r.opensProtected && !r.path.steps.length && COUNTED_COLUMNS.has(r.path.column));

/**
 * How many cases the list holds, as the sum of two disjoint parts, both derived from the policy:
 * - the cases the counters can answer (A: without protected identity and granted by a counted relation, and with
 *   "mine" one of the counted assigning relations), a sum over a few counter rows instead of a count over every
 *   visible case;
 * - the other visible cases (granted by a relation the counters do not hold, e.g. named for a protected person),
 *   counted directly over the union of those relations' cases, without the ones already in A. They are few.
 */
function staffTotal(db: Kysely<Database>, policy: CaseReadPolicy, v: StaffListValues): Expression<number> {
  const actor = staffActor(v);
  const counted = countedRelations(policy);
  const countedSet = new Set(counted);
  const assignedCounted = counted.filter((r) => r.assigned);
  const onCounters = (table: string) =>
    and([
      sql<SqlBool>`${sql.ref(`${table}.${policy.municipalityColumn}`)} = ${v.municipality}`,
      ...(v.status !== undefined ? [sql<SqlBool>`${sql.ref(`${table}.status`)} = ${v.status}`] : []),
      or(counted.map((r) => relatedCondition(r, actorValues(actor, r), table))),
      ...(v.mine ? [or(assignedCounted.map((r) => relatedCondition(r, [v.userId], table)))] : []),
    ]);
  const counters = db
    .selectFrom('case_list_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), eb.lit(0)).as('n'))
    .where(() => onCounters('case_list_counts'));
  const direct = listBranches(policy, v)
    .filter((b) => !countedSet.has(b.relation))
    .map(({ relation, value }) => {
      let q = relationCases(db, policy, v, relation, value)
        // `is not true`: a relation's column may be null, and then so is its comparison.
        .where(sql<SqlBool>`(not ${protectedCase(policy)} and ${onCounters('cases')}) is not true`);
      if (v.mine) q = q.where(() => assignedCondition(v.userId, policy));
      return q.select('cases.id');
    });
  if (!direct.length) return sql<number>`((${counters}))::int`;
  let merged = direct[0]!;
  for (const d of direct.slice(1)) merged = merged.union(d);
  const named = db.selectFrom(merged.as('d')).select((eb) => eb.fn.countAll<number>().as('n'));
  return sql<number>`((${counters}) + (${named}))::int`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
