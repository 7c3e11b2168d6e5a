/** Reading appeals and the facts around them (decision, letter date, case, people). Callers check access and audit. */
import type { Kysely } from 'kysely';
import {
  formatSwedishDate,
  swedishDate,
  APPEAL_CHANNEL_LABELS,
  APPEAL_STATUS_LABELS,
  DECISION_OUTCOME_LABELS,
  RECONSIDERATION_RESULT_LABELS,
  appealTimeliness,
  canForwardAppeal,
  canReconsiderAppeal,
  canRecordLateOutcome,
  canWithdrawAppeal,
  describeAppealTimeliness,
  documentKindLabel,
  isAppealStatus,
  labelOf,
  type AppealStatus,
  type DecisionItem,
} from '@vagen/domain';
import type { Database } from '@vagen/db';
import type { AppealSettings } from './settings.ts';
import { decisionAppealRoute, legalityOnlyMessage, type DecisionAppealRoute, type StoredBasis } from '../decisions/appeal-instructions.ts';

export type Db = Kysely<Database>;

export async function loadDecision(db: Db, decisionId: string) {
  return db
    .selectFrom('decisions')
    .select(['id', 'case_id', 'application_id', 'outcome', 'period_start', 'period_end', 'amount', 'decided_at', 'decided_by', 'status', 'replaces_decision_id', 'legal_basis', 'items'])
    .where('id', '=', decisionId)
    .executeTakeFirst();
}
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof loadDecision>>>;

/** How a decision can be challenged (its legal basis and items, under the law of the day it was made). */
export function routeOfDecision(municipality: string, d: { decided_at: string; legal_basis: unknown; items: unknown }) {
  return decisionAppealRoute(municipality, d.decided_at, (d.legal_basis as StoredBasis[] | null) ?? [], (d.items as DecisionItem[] | null) ?? []);
}

/** What the case page shows about how a decision is challenged. */
export function challengeJson(route: DecisionAppealRoute) {
  const labels = (r: 'appeal' | 'legalityReview') => route.plan.items.filter((i) => i.route === r).map((i) => ({ key: i.key, label: i.label }));
  return {
    route: route.plan.route,
    appealReference: route.procedure?.appeal ?? null,
    legalityReviewReference: route.procedure?.legalityReview ?? null,
    transitionalNote: route.procedure?.transitionalNote || null,
    appealableItems: labels('appeal'),
    legalityReviewItems: labels('legalityReview'),
    message: route.plan.route === 'legalityReview' ? legalityOnlyMessage(route, 'Beslutet') : null,
  };
}

/** The decision letter of a decision, if one was stored (linked from the decision, or related to it). */
export async function findDecisionLetter(db: Db, decisionId: string) {
  const linked = await db
    .selectFrom('decisions as d')
    .innerJoin('documents as doc', 'doc.id', 'd.letter_document_id')
    .select(['doc.id', 'doc.title', 'doc.created_at'])
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
  if (linked) return linked;
  return db
    .selectFrom('documents')
    .select(['id', 'title', 'created_at'])
    .where('related_type', '=', 'decision')
    .where('related_id', '=', decisionId)
    .where('kind', '=', 'decisionLetter')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The date on the decision letter (Swedish day); the decision date when no letter was stored. */
export async function decisionLetterDate(db: Db, decision: Pick<DecisionRow, 'id' | 'decided_at'>): Promise<string> {
  const letter = await findDecisionLetter(db, decision.id);
  return swedishDate(letter?.created_at ?? decision.decided_at);
}

/** Sender, recipient and contact for letters about a case. A protected address is never printed. */
export async function letterParties(db: Db, caseId: string) {
  const c = await db
    .selectFrom('cases')
    .innerJoin('municipalities as m', 'm.code', 'cases.municipality_code')
    .innerJoin('units as u', 'u.id', 'cases.unit_id')
    .leftJoin('staff_users as w', 'w.id', 'cases.responsible_worker_id')
    .select([
      'cases.case_number',
      'cases.household_id',
      'cases.municipality_code',
      'cases.unit_id',
      'cases.responsible_worker_id',
      'm.name as municipality',
      'u.name as unit',
      'u.contact_phone',
      'u.postal_address',
      'u.e_service_url',
      'u.visiting_address',
      'w.display_name as worker',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const applicant = await db
    .selectFrom('household_members as hm')
    .innerJoin('persons as p', 'p.id', 'hm.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.address_line', 'p.postal_code', 'p.city', 'p.protected_identity'])
    .where('hm.household_id', '=', c.household_id)
    .where('hm.role', '=', 'applicant')
    .executeTakeFirst();
  const addressLines =
    applicant && !applicant.protected_identity && applicant.address_line ? [applicant.address_line, [applicant.postal_code, applicant.city].filter(Boolean).join(' ')].filter(Boolean) : [];
  return {
    caseNumber: c.case_number,
    municipalityCode: c.municipality_code,
    unitId: c.unit_id,
    responsibleWorkerId: c.responsible_worker_id,
    applicantPersonId: applicant?.id ?? null,
    sender: {
      municipality: c.municipality,
      unit: c.unit,
      contact: { phone: c.contact_phone, postalAddress: c.postal_address, eServiceUrl: c.e_service_url, visitingAddress: c.visiting_address },
    },
    recipient: applicant ? { name: `${applicant.first_name} ${applicant.last_name}`, addressLines } : null,
    contact: c.worker ? { name: c.worker } : null,
  };
}

export function decisionJson(d: Pick<DecisionRow, 'id' | 'outcome' | 'period_start' | 'period_end' | 'amount' | 'decided_at'>) {
  return {
    id: d.id,
    outcome: d.outcome,
    outcomeLabel: labelOf(DECISION_OUTCOME_LABELS, d.outcome),
    periodStart: d.period_start,
    periodEnd: d.period_end,
    amount: Number(d.amount),
    decidedAt: d.decided_at,
  };
}

/** Appeals of one case (or one appeal) as the API shows them. */
export async function appealsJson(db: Db, where: { caseId?: string; appealId?: string }, settings: AppealSettings, nowIso: string) {
  let q = db
    .selectFrom('appeals as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .leftJoin('decisions as nd', 'nd.id', 'a.replacement_decision_id')
    .innerJoin('staff_users as rb', 'rb.id', 'a.registered_by')
    .leftJoin('staff_users as cb', 'cb.id', 'a.reconsidered_by')
    .leftJoin('staff_users as fb', 'fb.id', 'a.forwarded_by')
    .selectAll('a')
    .select([
      'd.outcome as d_outcome',
      'd.period_start as d_period_start',
      'd.period_end as d_period_end',
      'd.amount as d_amount',
      'd.decided_at as d_decided_at',
      'd.legal_basis as d_legal_basis',
      'd.items as d_items',
      'nd.outcome as nd_outcome',
      'nd.period_start as nd_period_start',
      'nd.period_end as nd_period_end',
      'nd.amount as nd_amount',
      'nd.decided_at as nd_decided_at',
      'rb.display_name as registered_by_name',
      'cb.display_name as reconsidered_by_name',
      'fb.display_name as forwarded_by_name',
    ]);
  if (where.caseId) q = q.where('a.case_id', '=', where.caseId);
  if (where.appealId) q = q.where('a.id', '=', where.appealId);
  const rows = await q.orderBy('a.received_on', 'desc').orderBy('a.registered_at', 'desc').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [events, docs] = await Promise.all([
    db
      .selectFrom('appeal_events as e')
      .leftJoin('staff_users as s', 's.id', 'e.actor_id')
      .select(['e.appeal_id', 'e.from_status', 'e.to_status', 'e.at', 'e.note', 'e.actor_kind', 's.display_name'])
      .where('e.appeal_id', 'in', ids)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('appeal_documents as ad')
      .innerJoin('documents as doc', 'doc.id', 'ad.document_id')
      .select(['ad.appeal_id', 'ad.role', 'doc.id', 'doc.title', 'doc.kind', 'doc.created_at', 'doc.mime_type'])
      .where('ad.appeal_id', 'in', ids)
      .orderBy('doc.created_at')
      .execute(),
  ]);
  const today = swedishDate(nowIso);
  return rows.map((a) => {
    const status = a.status as AppealStatus;
    const state = { status, timely: a.timely, lateOutcome: a.late_outcome };
    const t = appealTimeliness(a.received_on, a.notified_on, settings.appealPeriodWeeks);
    const exception = a.late_exception ? settings.lateExceptions.find((e) => e.code === a.late_exception) : undefined;
    const open = status === 'registered' || status === 'reconsidered';
    return {
      id: a.id,
      caseId: a.case_id,
      decision: decisionJson({ id: a.decision_id, outcome: a.d_outcome, period_start: a.d_period_start, period_end: a.d_period_end, amount: a.d_amount, decided_at: a.d_decided_at }),
      challenge: challengeJson(routeOfDecision(a.municipality_code, { decided_at: a.d_decided_at, legal_basis: a.d_legal_basis, items: a.d_items })),
      receivedOn: a.received_on,
      channel: a.channel,
      channelLabel: labelOf(APPEAL_CHANNEL_LABELS, a.channel),
      appellantName: a.appellant_name,
      text: a.appeal_text,
      notifiedOn: a.notified_on,
      notifiedOnBasis: a.notified_on_basis,
      nominalLastDay: t.nominalLastDay,
      lastDay: a.last_day,
      extendedOver: t.extendedOver,
      timely: a.timely,
      daysLate: t.daysLate,
      timelinessText: describeAppealTimeliness(t, formatSwedishDate),
      status,
      statusLabel: isAppealStatus(status) ? APPEAL_STATUS_LABELS[status] : status,
      lateOutcome: a.late_outcome,
      lateException: a.late_exception,
      lateExceptionLabel: exception?.label ?? null,
      lateNote: a.late_note,
      reconsideration: a.reconsideration_result
        ? {
            result: a.reconsideration_result,
            resultLabel: RECONSIDERATION_RESULT_LABELS[a.reconsideration_result],
            reason: a.reconsideration_reason,
            fullyAsRequested: a.fully_as_requested,
            replacementDecision:
              a.replacement_decision_id && a.nd_outcome
                ? decisionJson({
                    id: a.replacement_decision_id,
                    outcome: a.nd_outcome,
                    period_start: a.nd_period_start!,
                    period_end: a.nd_period_end!,
                    amount: a.nd_amount!,
                    decided_at: a.nd_decided_at!,
                  })
                : null,
            at: a.reconsidered_at,
            byName: a.reconsidered_by_name,
          }
        : null,
      courtName: a.court_name,
      forwardedAt: a.forwarded_at,
      forwardedByName: a.forwarded_by_name,
      forwardDueOn: a.forward_due_on,
      forwardOverdue: open && a.forward_due_on < today,
      registeredAt: a.registered_at,
      registeredByName: a.registered_by_name,
      history: events
        .filter((e) => e.appeal_id === a.id)
        .map((e) => ({
          fromStatus: e.from_status,
          toStatus: e.to_status,
          toLabel: isAppealStatus(e.to_status) ? APPEAL_STATUS_LABELS[e.to_status] : e.to_status,
          at: e.at,
          actorName: e.display_name ?? (e.actor_kind === 'system' ? 'Vägen (automatiskt)' : null),
          note: e.note,
        })),
      documents: docs
        .filter((d) => d.appeal_id === a.id)
        .map((d) => ({
          id: d.id,
          title: d.title,
          kind: d.kind,
          kindLabel: documentKindLabel(d.kind),
          role: d.role,
          createdAt: d.created_at,
          mimeType: d.mime_type,
        })),
      actions: {
        canReconsider: canReconsiderAppeal(state).ok,
        canForward: canForwardAppeal(state).ok,
        canRecordLateOutcome: canRecordLateOutcome(state).ok,
        canWithdraw: canWithdrawAppeal(state).ok,
      },
    };
  });
}
export type AppealJson = Awaited<ReturnType<typeof appealsJson>>[number];
