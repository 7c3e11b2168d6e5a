import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import { CASE_STATUS_LABELS, hasCapability, isCaseStatus, type Actor } from '@vagen/domain';
import { queryTemplate, type Database } from '@vagen/db';
import { visibleCasesCondition } from './access.ts';

export interface CaseListFilter {
  status?: string | undefined;
  mine?: boolean | undefined;
  limit: number;
  offset: number;
  /** Free-text match already resolved by the caller. */
  text?: { kind: 'personnummer'; value: string } | { kind: 'caseNumber'; value: string } | { kind: 'name'; value: string } | undefined;
}

type StaffActor = Pick<Extract<Actor, { kind: 'staff' }>, 'municipality' | 'userId' | 'unitIds'>;

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

const staffListFilter = (v: StaffListValues): CaseListFilter => ({ status: v.status, mine: v.mine, limit: v.limit, offset: v.offset });
const staffListJsonQuery = queryTemplate((db: Kysely<Database>, v: StaffListValues) =>
  listPageJsonQuery(db, staffPage(db, v, staffListFilter(v), v.scan), staffTotal(db, v, staffListFilter(v))));
/** What a list row shows of the case itself: every column is in the list's covering indexes (migration 0012). */
const LIST_COLUMNS = [
  'cases.id', 'cases.updated_at', 'cases.case_number', 'cases.status', 'cases.opened_at', 'cases.unit_id',
  'cases.responsible_worker_id', 'cases.applicant_name',
] as const;
type ListRow = Pick<Selectable<Database['cases']>, 'id' | 'updated_at' | 'case_number' | 'status' | 'opened_at' | 'unit_id' | 'responsible_worker_id' | 'applicant_name'>;
/** A page of list rows (LIST_COLUMNS), in list order. */
type ListPage = SelectQueryBuilder<Database, never, ListRow>;

/**
 * A staff user's case list without free text, as the response's JSON text (the CaseListPage shape):
 * `{"total":…,"items":[…]}`. Page, names and total come from index scans and counters (fast at any size) in one
 * statement built once per shape, and PostgreSQL writes the JSON, so the server neither parses 50 rows nor
 * serialises them again. The items are the same as listCases gives (a test compares every field).
 */
export async function staffCaseListJson(db: Kysely<Database>, actor: Extract<Actor, { kind: 'staff' }>, filter: Omit<CaseListFilter, 'text'>): Promise<string> {
  if (!hasCapability(actor.role, 'case.read')) return '{"total":0,"items":[]}';
  const values: StaffListValues = {
    municipality: actor.municipality, userId: actor.userId, unitIds: [...actor.unitIds], status: filter.status, mine: filter.mine === true,
    limit: filter.limit, offset: filter.offset, scan: filter.limit + filter.offset,
  };
  const shape = `${values.unitIds.length}|${values.status === undefined ? '' : 's'}|${values.mine ? 'm' : ''}`;
  const row = (await db.executeQuery(staffListJsonQuery(db, shape, values))).rows[0]!;
  return `{"total":${Number(row.total)},"items":${row.items}}`;
}

/** Cases matching a filter (free-text searches, and any actor), as objects. */
export async function listCases(db: Kysely<Database>, actor: Actor, filter: CaseListFilter) {
  const base = filteredCases(db, actor, filter);
  const page = base
    .select(LIST_COLUMNS)
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id')
    .limit(filter.limit)
    .offset(filter.offset);
  const [rows, count] = await Promise.all([
    summaryRows(db, page as never as ListPage),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(summaryJson) };
}

/** Visible cases with the filter applied, for searches and the client's own list. */
function filteredCases(db: Kysely<Database>, actor: Actor, filter: CaseListFilter) {
  let base = db.selectFrom('cases').where(visibleCasesCondition(actor));
  if (filter.status) base = base.where('cases.status', '=', filter.status);
  if (filter.mine && actor.kind === 'staff') base = base.where((eb) => mineCondition(eb, actor));
  const text = filter.text;
  if (text?.kind === 'caseNumber') return base.where('cases.case_number', '=', text.value);
  if (!text) return base;
  return base.where((eb) => eb.exists(
    eb.selectFrom('household_members as sm')
      .innerJoin('persons as sp', 'sp.id', 'sm.person_id')
      .select('sm.person_id')
      .whereRef('sm.household_id', '=', 'cases.household_id')
      .where('sm.role', 'in', ['applicant', 'coApplicant'])
      .where(text.kind === 'personnummer'
        ? (e) => e('sp.personnummer', '=', text.value)
        : (e) => e.or(text.value.split(/\s+/).filter(Boolean).slice(0, 3).map((word) => e.or([
          e(e.fn('lower', ['sp.first_name']), 'like', `${escapeLike(word.toLowerCase())}%`),
          e(e.fn('lower', ['sp.last_name']), 'like', `${escapeLike(word.toLowerCase())}%`),
        ])))),
  ));
}

const mineCondition = (eb: ExpressionBuilder<Database, 'cases'>, actor: StaffActor) =>
  eb.or([eb('cases.responsible_worker_id', '=', actor.userId), eb('cases.second_worker_id', '=', actor.userId)]);

/** A page of list rows with the unit's and the responsible worker's names, in list order. */
function summaryRows(db: Kysely<Database>, page: ListPage) {
  return summaryQuery(db, page).orderBy('c.updated_at', 'desc').orderBy('c.id').execute();
}

function summaryQuery(db: Kysely<Database>, page: ListPage) {
  return db
    .selectFrom(page.as('c'))
    .innerJoin('units', 'units.id', 'c.unit_id')
    .leftJoin('staff_users as rw', 'rw.id', 'c.responsible_worker_id')
    .select([
      'c.id', 'c.case_number', 'c.status', 'c.opened_at', 'c.updated_at', 'units.name as unit_name',
      'c.applicant_name', 'rw.display_name as worker_name',
    ]);
}

// What summaryJson does, in SQL: the status label from the domain's table (a CASE over its entries, constants of
// the statement: cheaper per row than looking the status up in a JSON literal), timestamps as toIso writes them
// (UTC, milliseconds truncated, 'Z').
const statusLabel = (column: string) => sql<string>`case ${sql.ref(column)} ${sql.join(
  Object.entries(CASE_STATUS_LABELS).map(([status, label]) => sql`when ${sql.lit(status)} then ${sql.lit(label)}`), sql` `,
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

/** Cases of one municipality, protected or not, with the status filter applied. */
function staffCases(db: Kysely<Database>, actor: StaffActor, filter: CaseListFilter, protectedCases: boolean) {
  let q = db.selectFrom('cases')
    .where('cases.municipality_code', '=', actor.municipality)
    // A literal, not a parameter: a prepared statement's generic plan may then use the partial indexes (0008/0009).
    .where((eb) => (protectedCases ? eb.ref('cases.protected_identity') : eb.not(eb.ref('cases.protected_identity'))));
  if (filter.status) q = q.where('cases.status', '=', filter.status);
  return q;
}

/** Protected cases the user is named for (protected_access), with the "mine" filter applied. */
function namedProtectedCases(db: Kysely<Database>, actor: StaffActor, filter: CaseListFilter) {
  return staffCases(db, actor, filter, true)
    .where((eb) => eb.exists(
      eb.selectFrom('household_members as am')
        .innerJoin('protected_access as pa', 'pa.person_id', 'am.person_id')
        .select('am.person_id')
        .whereRef('am.household_id', '=', 'cases.household_id')
        .where('pa.user_id', '=', actor.userId),
    ))
    .where((eb) => (filter.mine ? mineCondition(eb, actor) : eb.val(true)));
}

/**
 * The same rule as visibleCasesCondition for staff, as one ordered, limited index scan per way of seeing a case
 * (each unit, responsible, second worker, named for a protected person), merged. An OR of the same conditions makes
 * PostgreSQL sort every visible case of the units for each page.
 */
function staffPage(db: Kysely<Database>, actor: StaffActor, filter: CaseListFilter, n: number): ListPage {
  const branches = [
    ...(filter.mine ? [] : actor.unitIds.map((unitId) => staffCases(db, actor, filter, false).where('cases.unit_id', '=', unitId))),
    staffCases(db, actor, filter, false).where('cases.responsible_worker_id', '=', actor.userId),
    staffCases(db, actor, filter, false).where('cases.second_worker_id', '=', actor.userId),
    namedProtectedCases(db, actor, filter),
  ].map((q, i) => db
    .selectFrom(q.select(LIST_COLUMNS).orderBy('cases.updated_at', 'desc').orderBy('cases.id').limit(n).as(`b${i}`))
    .selectAll(`b${i}` as never) as never as ListPage);
  // UNION compares whole rows: a case seen in two ways is the same row twice, and is kept once.
  let merged = branches[0]!;
  for (const b of branches.slice(1)) merged = merged.union(b);
  return db
    .selectFrom(merged.as('v') as never as 'cases as v')
    .selectAll('v')
    .orderBy('v.updated_at', 'desc')
    .orderBy('v.id')
    .limit(filter.limit)
    .offset(filter.offset) as never as ListPage;
}

/**
 * How many cases the list holds. Visibility of a case without protected identity depends only on its municipality,
 * unit and workers, so that part is a sum over case_list_counts (kept by triggers, migration 0010) with the same
 * rule; protected cases the user is named for are counted directly (they are few). A count over `cases` would visit
 * every visible case on every page.
 */
function staffTotal(db: Kysely<Database>, actor: StaffActor, filter: CaseListFilter): Expression<number> {
  let counters = db.selectFrom('case_list_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), eb.lit(0)).as('n'))
    .where('municipality_code', '=', actor.municipality)
    .where((eb) => eb.or([
      eb('responsible_worker_id', '=', actor.userId),
      eb('second_worker_id', '=', actor.userId),
      ...(!filter.mine && actor.unitIds.length ? [eb('unit_id', '=', sql<string>`any(${sql.val(actor.unitIds)}::uuid[])`)] : []),
    ]));
  if (filter.status) counters = counters.where('status', '=', filter.status);
  const named = namedProtectedCases(db, actor, filter).select((eb) => eb.fn.countAll<number>().as('n'));
  return sql<number>`((${counters}) + (${named}))::int`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
