import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { CaseDetail } from '@vagen/contract';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  CASE_STATUS_LABELS,
  CHANNEL_LABELS,
  CLOSURE_REASON_LABELS,
  DECISION_OUTCOME_LABELS,
  HOUSEHOLD_ROLE_LABELS,
  PAYMENT_STATUS_LABELS,
  SEX_LABELS,
  allowedTransitions,
  canCorrectJournalEntry,
  canEditJournalEntry,
  canSignJournalEntry,
  formatPersonnummer,
  hasCapability,
  isCaseStatus,
  labelOf,
  type Actor,
} from '@vagen/domain';
import { queryTemplate, type Database } from '@vagen/db';
import { accessFactSelections, accessFactsFromRow } from './access.ts';

/** A timestamp from inside a JSON value (PostgreSQL's form, +00:00) in the API's form (…Z, milliseconds). */
function iso(v: string): string;
function iso(v: string | null): string | null;
function iso(v: string | null) {
  return v === null ? null : new Date(v).toISOString();
}

const casePageQuery = queryTemplate((db: Kysely<Database>, v: { caseId: string }) =>
  db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .leftJoin('staff_users as rw', 'rw.id', 'cases.responsible_worker_id')
    .leftJoin('staff_users as sw', 'sw.id', 'cases.second_worker_id')
    .select([
      'cases.id',
      'cases.case_number',
      'cases.status',
      'cases.opened_at',
      'cases.closed_at',
      'cases.closure_reason',
      'cases.household_id',
      'cases.unit_id',
      'units.name as unit_name',
      'cases.municipality_code',
      'cases.responsible_worker_id',
      'cases.second_worker_id',
      'rw.id as rw_id',
      'rw.display_name as rw_name',
      'sw.id as sw_id',
      'sw.display_name as sw_name',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('household_members')
          .innerJoin('persons', 'persons.id', 'household_members.person_id')
          .select([
            'persons.id',
            'household_members.role',
            'household_members.days_at_home',
            'persons.first_name',
            'persons.last_name',
            'persons.personnummer',
            'persons.birth_date',
            'persons.sex',
            'persons.address_line',
            'persons.postal_code',
            'persons.city',
            'persons.protected_identity',
          ])
          .whereRef('household_members.household_id', '=', 'cases.household_id'),
      ).as('members'),
      // What the access policy needs (cases/access.ts).
      ...accessFactSelections(),
      jsonArrayFrom(
        eb
          .selectFrom('case_status_history as h')
          .leftJoin('staff_users as a', 'a.id', 'h.actor_id')
          .select(['h.from_status', 'h.to_status', 'h.at', 'h.reason', 'h.actor_kind', 'a.display_name'])
          .whereRef('h.case_id', '=', 'cases.id')
          .orderBy('h.at', 'desc')
          .orderBy('h.id', 'desc'),
      ).as('history'),
      jsonArrayFrom(
        eb
          .selectFrom('journal_entries as j')
          .innerJoin('staff_users as a', 'a.id', 'j.author_id')
          .leftJoin('staff_users as s', 's.id', 'j.signed_by')
          .select([
            'j.id',
            'j.event_date',
            'j.title',
            'j.body',
            'j.author_id',
            'a.display_name as author_name',
            'j.created_at',
            'j.updated_at',
            'j.signed_at',
            's.display_name as signed_by_name',
            'j.corrects_entry_id',
            'j.received_orally_from',
            'j.received_orally_at',
            'j.step',
          ])
          .whereRef('j.case_id', '=', 'cases.id')
          .orderBy('j.event_date', 'desc')
          .orderBy('j.created_at', 'desc'),
      ).as('journal'),
      jsonArrayFrom(
        eb
          .selectFrom('applications as a')
          .select(['a.id', 'a.kind', 'a.period_month', 'a.channel', 'a.submitted_at', 'a.status'])
          .whereRef('a.case_id', '=', 'cases.id')
          .orderBy('a.period_month', 'desc')
          .orderBy('a.submitted_at', 'desc'),
      ).as('applications'),
      jsonArrayFrom(
        eb
          .selectFrom('decisions as d')
          .leftJoin('staff_users as u', 'u.id', 'd.decided_by')
          .select(['d.id', 'd.outcome', 'd.period_start', 'd.period_end', 'd.amount', 'd.decided_at', 'u.display_name'])
          .whereRef('d.case_id', '=', 'cases.id')
          .where('d.status', '=', 'decided')
          .orderBy('d.decided_at', 'desc'),
      ).as('decisions'),
      jsonArrayFrom(eb.selectFrom('payments as p').select(['p.id', 'p.amount', 'p.payee', 'p.planned_date', 'p.status']).whereRef('p.case_id', '=', 'cases.id').orderBy('p.planned_date', 'desc')).as(
        'payments',
      ),
    ])
    .where('cases.id', '=', v.caseId),
);

/** The case page for a caller who has already checked access (and written the audit record). */
export async function loadCaseDetail(db: Kysely<Database>, caseId: string, actor: Extract<Actor, { kind: 'staff' }>): Promise<CaseDetail> {
  const loaded = await loadCasePage(db, caseId, actor);
  if (!loaded) throw new Error(`case ${caseId} vanished`);
  return loaded.page;
}

/**
 * The whole case page and the facts its access rule needs, in one statement: the case row with its lists as JSON
 * arrays. Null when the case does not exist. The caller decides from `facts` whether the page may be served and
 * writes the audit record before serving it.
 */
export async function loadCasePage(db: Kysely<Database>, caseId: string, actor: Extract<Actor, { kind: 'staff' }>) {
  const c = (await db.executeQuery(casePageQuery(db, 'page', { caseId }))).rows[0];
  if (!c) return null;
  const { members, history, journal, applications, decisions, payments } = c;
  const facts = accessFactsFromRow(c);
  const applicantPersonId = members.find((m) => m.role === 'applicant')?.id ?? null;

  const roleOrder = ['applicant', 'coApplicant', 'otherAdult', 'child'];
  members.sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.birth_date.localeCompare(b.birth_date));
  const status = c.status;
  const canChangeStatus = hasCapability(actor.role, 'case.changeStatus');
  const page: CaseDetail = {
    id: c.id,
    caseNumber: c.case_number,
    status,
    statusLabel: isCaseStatus(status) ? CASE_STATUS_LABELS[status] : status,
    allowedTransitions: canChangeStatus && isCaseStatus(status) ? allowedTransitions(status).map((s) => ({ status: s, label: CASE_STATUS_LABELS[s] })) : [],
    unit: { id: c.unit_id, name: c.unit_name },
    responsibleWorker: c.rw_id ? { id: c.rw_id, name: c.rw_name } : null,
    secondWorker: c.sw_id ? { id: c.sw_id, name: c.sw_name } : null,
    openedAt: c.opened_at,
    closedAt: c.closed_at,
    closureReason: c.closure_reason,
    closureReasonLabel: c.closure_reason === null ? null : labelOf(CLOSURE_REASON_LABELS, c.closure_reason),
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
        sexLabel: labelOf(SEX_LABELS, m.sex),
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
      at: iso(h.at),
      actorName: h.display_name ?? (h.actor_kind === 'system' ? 'Vägen (automatiskt)' : h.actor_kind === 'client' ? 'Sökande' : null),
      reason: h.reason,
    })),
    journal: journal.map((j) => {
      const state = { authorId: j.author_id, signedAt: iso(j.signed_at) };
      return {
        id: j.id,
        eventDate: j.event_date,
        title: j.title,
        body: j.body,
        authorId: j.author_id,
        authorName: j.author_name,
        createdAt: iso(j.created_at),
        updatedAt: iso(j.updated_at),
        signedAt: iso(j.signed_at),
        signedByName: j.signed_by_name,
        correctsEntryId: j.corrects_entry_id,
        receivedOrallyFrom: j.received_orally_from,
        receivedOrallyAt: iso(j.received_orally_at),
        step: j.step,
        canEdit: canEditJournalEntry(state, actor.userId).ok,
        canSign: canSignJournalEntry(state, actor.userId).ok,
        canCorrect: hasCapability(actor.role, 'journal.write') && canCorrectJournalEntry(state).ok,
      };
    }),
    applications: applications.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: labelOf(APPLICATION_KIND_LABELS, a.kind),
      periodMonth: a.period_month.slice(0, 7),
      channel: a.channel,
      channelLabel: labelOf(CHANNEL_LABELS, a.channel),
      submittedAt: iso(a.submitted_at),
      status: a.status,
      statusLabel: labelOf(APPLICATION_STATUS_LABELS, a.status),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      outcome: d.outcome,
      outcomeLabel: labelOf(DECISION_OUTCOME_LABELS, d.outcome),
      periodStart: d.period_start,
      periodEnd: d.period_end,
      amount: d.amount,
      decidedAt: iso(d.decided_at),
      decidedByName: d.display_name,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      amount: p.amount,
      payee: p.payee,
      plannedDate: p.planned_date,
      status: p.status,
      statusLabel: labelOf(PAYMENT_STATUS_LABELS, p.status),
    })),
    permissions: { canWriteJournal: hasCapability(actor.role, 'journal.write'), canChangeStatus },
  };
  return { facts, applicantPersonId, page };
}
