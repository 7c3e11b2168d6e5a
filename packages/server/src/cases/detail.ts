import type { Kysely } from 'kysely';
import {
  APPLICATION_KIND_LABELS, CASE_STATUS_LABELS, DECISION_OUTCOME_LABELS, HOUSEHOLD_ROLE_LABELS, PAYMENT_STATUS_LABELS,
  allowedTransitions, canCorrectJournalEntry, canEditJournalEntry, canSignJournalEntry, formatPersonnummer, hasCapability,
  isCaseStatus, labelOf, type Actor,
} from '@vagen/domain';
import type { Database } from '@vagen/db';
import { visibleCasesCondition } from './access.ts';

export interface CaseListFilter {
  status?: string | undefined;
  mine?: boolean | undefined;
  limit: number;
  offset: number;
  /** Free-text match already resolved by the caller. */
  text?: { kind: 'personnummer'; value: string } | { kind: 'caseNumber'; value: string } | { kind: 'name'; value: string } | undefined;
}

export async function listCases(db: Kysely<Database>, actor: Actor, filter: CaseListFilter) {
  let base = db
    .selectFrom('cases')
    .where(visibleCasesCondition(actor));
  if (filter.status) base = base.where('cases.status', '=', filter.status);
  if (filter.mine && actor.kind === 'staff') {
    base = base.where((eb) => eb.or([eb('cases.responsible_worker_id', '=', actor.userId), eb('cases.second_worker_id', '=', actor.userId)]));
  }
  const text = filter.text;
  if (text) {
    if (text.kind === 'caseNumber') base = base.where('cases.case_number', '=', text.value);
    else {
      base = base.where((eb) => eb.exists(
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
  }
  // Staff lists without free text: the page of ids comes from index-ordered scans (fast at any size).
  if (!text && actor.kind === 'staff') {
    const ids = hasCapability(actor.role, 'case.read') ? await staffPageIds(db, actor, filter) : [];
    const [rows, count] = await Promise.all([
      ids.length ? summaryRows(db, db.selectFrom('cases').selectAll('cases').where('cases.id', 'in', ids).as('c')) : Promise.resolve([]),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { total: Number(count.n), items: rows.map(summaryJson) };
  }
  // Pick the page of visible case ids first, then join names for those rows only (not for every visible case).
  const page = base
    .select(['cases.id', 'cases.case_number', 'cases.status', 'cases.opened_at', 'cases.updated_at', 'cases.unit_id', 'cases.household_id', 'cases.responsible_worker_id'])
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .as('c');
  const [rows, count] = await Promise.all([
    summaryRows(db, page),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(summaryJson) };
}

type CaseRowSource = Parameters<Kysely<Database>['selectFrom']>[0] & { expressionType?: { id: string; case_number: string; status: string; opened_at: string; updated_at: string; unit_id: string; household_id: string; responsible_worker_id: string | null } };

/** Names for a page of case rows (aliased `c`), newest change first. */
function summaryRows(db: Kysely<Database>, page: CaseRowSource) {
  return db
    .selectFrom(page as never as 'cases as c')
    .innerJoin('units', 'units.id', 'c.unit_id')
    .leftJoin('household_members as ap', (j) => j.onRef('ap.household_id', '=', 'c.household_id').on('ap.role', '=', 'applicant'))
    .leftJoin('persons as app', 'app.id', 'ap.person_id')
    .leftJoin('staff_users as rw', 'rw.id', 'c.responsible_worker_id')
    .select([
      'c.id', 'c.case_number', 'c.status', 'c.opened_at', 'c.updated_at', 'units.name as unit_name',
      'app.first_name', 'app.last_name', 'rw.display_name as worker_name',
    ])
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id')
    .execute();
}

function summaryJson(r: Awaited<ReturnType<typeof summaryRows>>[number]) {
  return {
    id: r.id,
    caseNumber: r.case_number,
    status: r.status,
    statusLabel: isCaseStatus(r.status) ? CASE_STATUS_LABELS[r.status] : r.status,
    applicantName: r.first_name ? `${r.first_name} ${r.last_name}` : null,
    unitName: r.unit_name,
    responsibleWorkerName: r.worker_name,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
  };
}

/**
 * The same rule as visibleCasesCondition for staff, as one ordered, limited index scan per way of seeing a case
 * (each unit, responsible, second worker, named for a protected person), merged. An OR of the same conditions makes
 * PostgreSQL sort every visible case of the units for each page.
 */
async function staffPageIds(db: Kysely<Database>, actor: Extract<Actor, { kind: 'staff' }>, filter: CaseListFilter): Promise<string[]> {
  const n = filter.limit + filter.offset;
  const scan = (protectedCases: boolean) => {
    let q = db.selectFrom('cases').select(['cases.id', 'cases.updated_at'])
      .where('cases.municipality_code', '=', actor.municipality)
      .where('cases.protected_identity', '=', protectedCases);
    if (filter.status) q = q.where('cases.status', '=', filter.status);
    return q;
  };
  const branches = [
    ...(filter.mine ? [] : actor.unitIds.map((unitId) => scan(false).where('cases.unit_id', '=', unitId))),
    scan(false).where('cases.responsible_worker_id', '=', actor.userId),
    scan(false).where('cases.second_worker_id', '=', actor.userId),
    scan(true)
      .where((eb) => eb.exists(
        eb.selectFrom('household_members as am')
          .innerJoin('protected_access as pa', 'pa.person_id', 'am.person_id')
          .select('am.person_id')
          .whereRef('am.household_id', '=', 'cases.household_id')
          .where('pa.user_id', '=', actor.userId),
      ))
      .where((eb) => filter.mine ? eb.or([eb('cases.responsible_worker_id', '=', actor.userId), eb('cases.second_worker_id', '=', actor.userId)]) : eb.val(true)),
  ].map((q, i) => db.selectFrom(q.orderBy('cases.updated_at', 'desc').orderBy('cases.id').limit(n).as(`b${i}`)).select([`b${i}.id as id`, `b${i}.updated_at as updated_at`] as never[]));
  let merged = branches[0]!;
  for (const b of branches.slice(1)) merged = merged.union(b as never);
  const rows = await db
    .selectFrom(merged.as('v') as never as 'cases as v')
    .select('v.id')
    .orderBy('v.updated_at', 'desc')
    .orderBy('v.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map((r) => r.id);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The whole case page in one read (the caller has already checked access and written the audit record). */
export async function loadCaseDetail(db: Kysely<Database>, caseId: string, actor: Extract<Actor, { kind: 'staff' }>) {
  const c = await db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .leftJoin('staff_users as rw', 'rw.id', 'cases.responsible_worker_id')
    .leftJoin('staff_users as sw', 'sw.id', 'cases.second_worker_id')
    .select([
      'cases.id', 'cases.case_number', 'cases.status', 'cases.opened_at', 'cases.closed_at', 'cases.closure_reason',
      'cases.household_id', 'cases.unit_id', 'units.name as unit_name',
      'rw.id as rw_id', 'rw.display_name as rw_name', 'sw.id as sw_id', 'sw.display_name as sw_name',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();

  const [members, history, journal, applications, decisions, payments] = await Promise.all([
    db.selectFrom('household_members')
      .innerJoin('persons', 'persons.id', 'household_members.person_id')
      .select([
        'persons.id', 'household_members.role', 'household_members.days_at_home', 'persons.first_name', 'persons.last_name',
        'persons.personnummer', 'persons.birth_date', 'persons.sex', 'persons.address_line', 'persons.postal_code', 'persons.city',
        'persons.protected_identity',
      ])
      .where('household_members.household_id', '=', c.household_id)
      .execute(),
    db.selectFrom('case_status_history as h')
      .leftJoin('staff_users as a', 'a.id', 'h.actor_id')
      .select(['h.from_status', 'h.to_status', 'h.at', 'h.reason', 'h.actor_kind', 'a.display_name'])
      .where('h.case_id', '=', caseId)
      .orderBy('h.at', 'desc')
      .orderBy('h.id', 'desc')
      .execute(),
    db.selectFrom('journal_entries as j')
      .innerJoin('staff_users as a', 'a.id', 'j.author_id')
      .leftJoin('staff_users as s', 's.id', 'j.signed_by')
      .select([
        'j.id', 'j.event_date', 'j.title', 'j.body', 'j.author_id', 'a.display_name as author_name', 'j.created_at', 'j.updated_at',
        'j.signed_at', 's.display_name as signed_by_name', 'j.corrects_entry_id', 'j.received_orally_from', 'j.received_orally_at', 'j.step',
      ])
      .where('j.case_id', '=', caseId)
      .orderBy('j.event_date', 'desc')
      .orderBy('j.created_at', 'desc')
      .execute(),
    db.selectFrom('applications').selectAll().where('case_id', '=', caseId).orderBy('period_month', 'desc').orderBy('submitted_at', 'desc').execute(),
    db.selectFrom('decisions as d')
      .leftJoin('staff_users as u', 'u.id', 'd.decided_by')
      .select(['d.id', 'd.outcome', 'd.period_start', 'd.period_end', 'd.amount', 'd.decided_at', 'u.display_name'])
      .where('d.case_id', '=', caseId)
      .where('d.status', '=', 'decided')
      .orderBy('d.decided_at', 'desc')
      .execute(),
    db.selectFrom('payments').selectAll().where('case_id', '=', caseId).orderBy('planned_date', 'desc').execute(),
  ]);

  const roleOrder = ['applicant', 'coApplicant', 'otherAdult', 'child'];
  members.sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.birth_date.localeCompare(b.birth_date));
  const status = c.status;
  const canChangeStatus = hasCapability(actor.role, 'case.changeStatus');
  return {
    id: c.id,
    caseNumber: c.case_number,
    status,
    statusLabel: isCaseStatus(status) ? CASE_STATUS_LABELS[status] : status,
    allowedTransitions: canChangeStatus && isCaseStatus(status)
      ? allowedTransitions(status).map((s) => ({ status: s, label: CASE_STATUS_LABELS[s] }))
      : [],
    unit: { id: c.unit_id, name: c.unit_name },
    responsibleWorker: c.rw_id ? { id: c.rw_id, name: c.rw_name } : null,
    secondWorker: c.sw_id ? { id: c.sw_id, name: c.sw_name } : null,
    openedAt: c.opened_at,
    closedAt: c.closed_at,
    closureReason: c.closure_reason,
    household: {
      id: c.household_id,
      members: members.map((m) => ({
        personId: m.id,
        role: m.role,
        roleLabel: labelOf(HOUSEHOLD_ROLE_LABELS, m.role),
        firstName: m.first_name,
        lastName: m.last_name,
        personnummer: formatPersonnummer(m.personnummer),
        birthDate: m.birth_date,
        sex: m.sex,
        daysAtHome: m.days_at_home,
        // A protected address is never sent, not even to the named workers (they reach the person another way).
        address: m.protected_identity || !m.address_line ? null : { line: m.address_line, postalCode: m.postal_code, city: m.city },
        protectedIdentity: m.protected_identity,
      })),
    },
    statusHistory: history.map((h) => ({
      fromStatus: h.from_status,
      toStatus: h.to_status,
      toLabel: isCaseStatus(h.to_status) ? CASE_STATUS_LABELS[h.to_status] : h.to_status,
      at: h.at,
      actorName: h.display_name ?? (h.actor_kind === 'system' ? 'Vägen (automatiskt)' : h.actor_kind === 'client' ? 'Sökande' : null),
      reason: h.reason,
    })),
    journal: journal.map((j) => {
      const state = { authorId: j.author_id, signedAt: j.signed_at };
      return {
        id: j.id,
        eventDate: j.event_date,
        title: j.title,
        body: j.body,
        authorId: j.author_id,
        authorName: j.author_name,
        createdAt: j.created_at,
        updatedAt: j.updated_at,
        signedAt: j.signed_at,
        signedByName: j.signed_by_name,
        correctsEntryId: j.corrects_entry_id,
        receivedOrallyFrom: j.received_orally_from,
        receivedOrallyAt: j.received_orally_at,
        step: j.step,
        canEdit: canEditJournalEntry(state, actor.userId).ok,
        canSign: canSignJournalEntry(state, actor.userId).ok,
        canCorrect: hasCapability(actor.role, 'journal.write') && canCorrectJournalEntry(state).ok,
      };
    }),
    applications: applications.map((a) => ({
      id: a.id, kind: a.kind, kindLabel: labelOf(APPLICATION_KIND_LABELS, a.kind), periodMonth: a.period_month.slice(0, 7),
      channel: a.channel, submittedAt: a.submitted_at, status: a.status,
    })),
    decisions: decisions.map((d) => ({
      id: d.id, outcome: d.outcome, outcomeLabel: labelOf(DECISION_OUTCOME_LABELS, d.outcome), periodStart: d.period_start,
      periodEnd: d.period_end, amount: d.amount, decidedAt: d.decided_at, decidedByName: d.display_name,
    })),
    payments: payments.map((p) => ({
      id: p.id, amount: p.amount, payee: p.payee, plannedDate: p.planned_date, status: p.status,
      statusLabel: labelOf(PAYMENT_STATUS_LABELS, p.status),
    })),
    permissions: { canWriteJournal: hasCapability(actor.role, 'journal.write'), canChangeStatus },
  };
}
