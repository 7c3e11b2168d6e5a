/**
 * What waits for someone, derived from the data itself (not from hand-opened work items), in one place:
 * - a case in intake (status 'intake', or an open first contact): the intake queue;
 * - an open application (not yet decided, referred or withdrawn) outside intake: the responsible worker's queue,
 *   or the intake queue when the case has no responsible worker (someone must assign it);
 * - a payment proposed in Vägen and not yet approved: the kassa's queue;
 * - a kommunicering sent before a decision, unanswered and past its answer deadline, while the decision is not
 *   made: the responsible worker's queue (the sender's when nobody is responsible);
 * - a watch (bevakning) that is due and not done: its owner's queue;
 * - a payment proposal the kassa sent back, while no newer proposal has been made for the same decision: the
 *   responsible worker's queue (the proposer's when nobody is responsible).
 * Every item belongs to exactly one queue. Only cases the actor may read are looked at.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { addDaysIso, APPLICATION_KIND_LABELS, endOfSwedishDay, formatSwedishMonth, labelOf, OPEN_INTAKE_STATUSES, swedishDate, type Actor } from '@vagen/domain';
import { visibleCasesCondition } from '../cases/access.ts';
import { intakeConfig } from '../intake/config.ts';

type StaffActor = Extract<Actor, { kind: 'staff' }>;

export const WAITING_KINDS = ['intake', 'application', 'paymentApproval', 'paymentReturned', 'communicationAnswer', 'watch'] as const;
export type WaitingKind = (typeof WAITING_KINDS)[number];
export type WaitingQueue = 'worker' | 'intake' | 'kassa';

/** Applications in these statuses still wait for assessment or a decision. */
export const WAITING_APPLICATION_STATUSES = ['registered', 'received', 'inProgress', 'inAssessment'] as const;

/** Work-item kinds that belong to the intake and kassa queues, not to anyone's Min kö. */
export const OTHER_QUEUE_WORK_ITEM_KINDS = ['intake', 'paymentApproval'] as const;

export interface WaitingItem {
  kind: WaitingKind;
  queue: WaitingQueue;
  /** The waiting record's id (intake: the case's; the others: the application, payment, communication or watch). */
  refId: string;
  refType: 'case' | 'application' | 'payment' | 'communication' | 'watch';
  caseId: string;
  caseNumber: string;
  applicantName: string | null;
  unitId: string;
  /** Whose Min kö (queue 'worker'); null for the intake and kassa queues. */
  ownerId: string | null;
  /** What waits, in plain Swedish (e.g. "Återansökan för mars 2026"). */
  title: string;
  receivedAt: string;
  dueAt: string | null;
  /** Applications: 'new' | 'renewal' | 'supplementary' and the month applied for. */
  applicationKind: string | null;
  periodMonth: string | null;
  /** Intake: the open first contact, when one is registered. */
  intakeId: string | null;
  acute: boolean;
  /** Intake: the booked first visit. */
  visitAt: string | null;
  /** The work item (ref_type, ref_id) that, while open, already stands for this item in Min kö. */
  workItemRef: { type: string; id: string } | null;
}

export interface WaitingFilter {
  /** Only items of these units (by the case's unit). */
  unitIds?: readonly string[];
}

/** Every waiting item of the actor's municipality on cases the actor may read, oldest first. */
export async function listWaitingItems(db: Kysely<Database>, actor: StaffActor, now: Date, filter: WaitingFilter = {}): Promise<WaitingItem[]> {
  const today = swedishDate(now);
  const nowIso = now.toISOString();
  const base = () => {
    let q = db.selectFrom('cases').where('cases.municipality_code', '=', actor.municipality).where(visibleCasesCondition(actor));
    if (filter.unitIds) q = filter.unitIds.length ? q.where('cases.unit_id', 'in', [...filter.unitIds]) : q.where('cases.unit_id', 'is', null);
    return q;
  };
  const caseCols = ['cases.id as case_id', 'cases.case_number', 'cases.applicant_name', 'cases.unit_id', 'cases.responsible_worker_id'] as const;
  const openIntake = (eb: ExpressionBuilder<Database, 'cases'>) =>
    eb.exists(
      eb
        .selectFrom('intakes as oi')
        .select('oi.id')
        .whereRef('oi.case_id', '=', 'cases.id')
        .where('oi.status', 'in', [...OPEN_INTAKE_STATUSES]),
    );

  const [intakes, applications, payments, returned, communications, watches] = await Promise.all([
    base()
      .leftJoin('intakes as i', (j) => j.onRef('i.case_id', '=', 'cases.id').on('i.status', 'in', [...OPEN_INTAKE_STATUSES]))
      .where((eb) => eb.or([eb('cases.status', '=', 'intake'), eb('i.id', 'is not', null)]))
      .select([...caseCols, 'cases.opened_at', 'i.id as intake_id', 'i.received_at', 'i.deadline_at', 'i.track', 'i.visit_at'])
      .execute(),
    base()
      .innerJoin('applications as a', 'a.case_id', 'cases.id')
      .where('a.status', 'in', [...WAITING_APPLICATION_STATUSES])
      .where('cases.status', '<>', 'intake')
      .where((eb) => eb.not(openIntake(eb)))
      .select([...caseCols, 'a.id', 'a.kind', 'a.period_month', 'a.submitted_at'])
      .execute(),
    base()
      .innerJoin('payments as p', 'p.case_id', 'cases.id')
      .where('p.status', '=', 'planned')
      .where('p.approved_at', 'is', null)
      .where('p.proposed_at', 'is not', null)
      .select([...caseCols, 'p.id', 'p.proposed_at', 'p.planned_date'])
      .execute(),
    base()
      .innerJoin('payments as p', 'p.case_id', 'cases.id')
      .where('p.status', '=', 'returned')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('payments as later').select('later.id').whereRef('later.decision_id', '=', 'p.decision_id').whereRef('later.proposed_at', '>', 'p.returned_at'))))
      .select([...caseCols, 'p.id', 'p.proposed_by', 'p.returned_at', 'p.return_comment', 'p.planned_date'])
      .execute(),
    base()
      .innerJoin('decision_communications as dc', 'dc.case_id', 'cases.id')
      .innerJoin('decisions as d', 'd.id', 'dc.decision_id')
      .where('dc.kind', '=', 'sent')
      .where('dc.answered_at', 'is', null)
      .where('dc.withdrawn_at', 'is', null)
      .where('dc.answer_deadline', '<', nowIso)
      .where('d.status', '<>', 'decided')
      .select([...caseCols, 'dc.id', 'dc.decision_id', 'dc.recorded_by', 'dc.sent_at', 'dc.recorded_at', 'dc.answer_deadline'])
      .execute(),
    base()
      .innerJoin('watches as wa', 'wa.case_id', 'cases.id')
      .where('wa.done_at', 'is', null)
      .where('wa.due_on', '<=', today)
      .select([...caseCols, 'wa.id', 'wa.text', 'wa.owner_id', 'wa.created_at', 'wa.due_on'])
      .execute(),
  ]);

  const common = (r: { case_id: string; case_number: string; applicant_name: string | null; unit_id: string }) => ({
    caseId: r.case_id,
    caseNumber: r.case_number,
    applicantName: r.applicant_name,
    unitId: r.unit_id,
    applicationKind: null,
    periodMonth: null,
    intakeId: null,
    acute: false,
    visitAt: null,
    workItemRef: null,
  });
  const items: WaitingItem[] = [];
  const seenIntakeCases = new Set<string>();
  for (const r of intakes) {
    if (seenIntakeCases.has(r.case_id)) continue;
    seenIntakeCases.add(r.case_id);
    // A case in intake without a registered contact (e.g. an application that came in another way) has the
    // municipality's ordinary intake deadline from the day it was opened.
    const opened = swedishDate(r.opened_at);
    const dueAt = r.deadline_at ?? endOfSwedishDay(addDaysIso(opened, intakeConfig(actor.municipality, opened).settings.deadlineDays.ordinary)).toISOString();
    items.push({
      ...common(r),
      kind: 'intake',
      queue: 'intake',
      title: r.intake_id ? (r.track === 'acute' ? 'Akut kontakt i mottagningen' : 'Kontakt i mottagningen') : 'Ärende i mottagning utan registrerad kontakt',
      refId: r.case_id,
      refType: 'case',
      ownerId: null,
      receivedAt: r.received_at ?? r.opened_at,
      dueAt,
      intakeId: r.intake_id,
      acute: r.track === 'acute',
      visitAt: r.visit_at,
    });
  }
  for (const r of applications) {
    items.push({
      ...common(r),
      kind: 'application',
      title: `${labelOf(APPLICATION_KIND_LABELS, r.kind)} för ${formatSwedishMonth(r.period_month.slice(0, 7))}`,
      queue: r.responsible_worker_id ? 'worker' : 'intake',
      refId: r.id,
      refType: 'application',
      ownerId: r.responsible_worker_id,
      receivedAt: r.submitted_at,
      dueAt: null,
      applicationKind: r.kind,
      periodMonth: r.period_month,
      workItemRef: { type: 'application', id: r.id },
    });
  }
  for (const r of payments) {
    items.push({
      ...common(r),
      kind: 'paymentApproval',
      queue: 'kassa',
      title: 'Utbetalning att kontrollera (fyra ögon)',
      refId: r.id,
      refType: 'payment',
      ownerId: null,
      receivedAt: r.proposed_at!,
      dueAt: endOfSwedishDay(r.planned_date).toISOString(),
    });
  }
  for (const r of returned) {
    const comment = r.return_comment ?? '';
    items.push({
      ...common(r),
      kind: 'paymentReturned',
      queue: 'worker',
      title: `Kassan skickade tillbaka utbetalningen: ${comment.length > 80 ? `${comment.slice(0, 79)}…` : comment}`,
      refId: r.id,
      refType: 'payment',
      ownerId: r.responsible_worker_id ?? r.proposed_by,
      receivedAt: r.returned_at!,
      dueAt: endOfSwedishDay(r.planned_date).toISOString(),
    });
  }
  for (const r of communications) {
    items.push({
      ...common(r),
      kind: 'communicationAnswer',
      queue: 'worker',
      title: 'Inget svar har kommit och svarstiden har gått ut',
      refId: r.id,
      refType: 'communication',
      ownerId: r.responsible_worker_id ?? r.recorded_by,
      receivedAt: r.sent_at ?? r.recorded_at,
      dueAt: r.answer_deadline,
      workItemRef: { type: 'decision', id: r.decision_id },
    });
  }
  for (const r of watches) {
    items.push({
      ...common(r),
      kind: 'watch',
      queue: 'worker',
      title: r.text.length > 100 ? `${r.text.slice(0, 99)}…` : r.text,
      refId: r.id,
      refType: 'watch',
      ownerId: r.owner_id,
      receivedAt: r.created_at,
      dueAt: endOfSwedishDay(r.due_on).toISOString(),
      workItemRef: { type: 'watch', id: r.id },
    });
  }
  return items.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.refId.localeCompare(b.refId));
}
