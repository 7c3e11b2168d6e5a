/**
 * The one place that writes the status of a case, an application, an intake contact or a payment. Each function runs in the
 * caller's transaction: it locks the row, asks the domain's status machine whether the move is allowed (409 with the
 * domain's Swedish message when it is not, and nothing is written), then writes the status and the history row of
 * that record (case: case_status_history; application: assessment_events; intake: intake_events; payment:
 * payment_status_history) with actor,
 * reason and time. Other columns that belong to the same change are written in the same update (`set`).
 *
 * packages/server/test/state-machine.test.ts fails when a status is written anywhere else.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ApplicationsTable, CasesTable, Database, IntakesTable, PaymentsTable } from '@vagen/db';
import {
  checkApplicationTransition,
  checkCaseTransition,
  checkIntakeTransition,
  checkPaymentTransition,
  paymentStageOf,
  paymentStatusOf,
  type PaymentStage,
  type ApplicationStatus,
  type CaseStatus,
  type ClosureReason,
  type IntakeEventKind,
  type IntakeStatus,
} from '@vagen/domain';
import { recordEvent } from '../assessment/store.ts';
import { conflict, notFound } from '../errors.ts';
import { recordIntakeEvent } from '../intake/store.ts';
import { insertPaymentHistory } from '../payments/common.ts';

type Tx = Kysely<Database>;

/** Who changes the status: a member of staff, or Vägen itself (a nightly job). */
export type StatusActor = { kind: 'staff'; id: string } | { kind: 'system' };

const actorId = (a: StatusActor) => (a.kind === 'staff' ? a.id : null);

export interface CaseStatusChange {
  actor: StatusActor;
  /** Why, in Swedish, shown in the case's status history. */
  reason: string | null;
  at: Date;
  /** Required when closing; nothing else takes one. */
  closureReason?: ClosureReason;
}

/**
 * A new case in its first status, with the first history row (from no status). `row` is the case without its status
 * columns; `opened_at` and `updated_at` are `at`.
 */
export async function openCase(
  tx: Tx,
  row: Omit<Insertable<CasesTable>, 'status' | 'opened_at' | 'closed_at' | 'closure_reason' | 'updated_at'>,
  first: { status: CaseStatus; actor: StatusActor; reason: string; at: Date },
): Promise<void> {
  const check = checkCaseTransition(null, first.status);
  if (!check.ok) throw conflict(check.message);
  const at = first.at.toISOString();
  await tx
    .insertInto('cases')
    .values({ ...row, status: first.status, opened_at: at, closed_at: null, closure_reason: null, updated_at: at })
    .execute();
  await tx
    .insertInto('case_status_history')
    .values({
      case_id: row.id,
      from_status: null,
      to_status: first.status,
      actor_kind: first.actor.kind,
      actor_id: actorId(first.actor),
      reason: first.reason,
      at,
    })
    .execute();
}

/**
 * Moves a case to `to`. Closing sets the closing time and reason; any other status clears them (a reopened case is
 * no longer closed). Returns the status it came from.
 */
export async function changeCaseStatus(tx: Tx, caseId: string, to: CaseStatus, change: CaseStatusChange): Promise<{ from: CaseStatus; to: CaseStatus }> {
  const current = await tx.selectFrom('cases').select('status').where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!current) throw notFound('Ärendet');
  const check = checkCaseTransition(current.status, to, change.closureReason ?? null);
  if (!check.ok) throw conflict(check.message);
  const at = change.at.toISOString();
  await tx
    .updateTable('cases')
    .set({
      status: to,
      closed_at: to === 'closed' ? at : null,
      closure_reason: to === 'closed' ? change.closureReason! : null,
      updated_at: at,
    })
    .where('id', '=', caseId)
    .execute();
  await tx
    .insertInto('case_status_history')
    .values({
      case_id: caseId,
      from_status: current.status,
      to_status: to,
      actor_kind: change.actor.kind,
      actor_id: actorId(change.actor),
      reason: change.reason,
      at,
    })
    .execute();
  return { from: current.status as CaseStatus, to };
}

/**
 * Moves an application to `to` (or keeps its status, for an event such as replaced content) and logs the event in
 * the assessment history. `set` holds the other columns of the same change.
 */
export async function changeApplicationStatus(
  tx: Tx,
  applicationId: string,
  to: ApplicationStatus,
  change: { actor: StatusActor; event: string; note?: string | null; at: Date; set?: Omit<Updateable<ApplicationsTable>, 'status' | 'updated_at'> },
): Promise<{ from: ApplicationStatus; to: ApplicationStatus }> {
  const current = await tx.selectFrom('applications').select(['status', 'case_id']).where('id', '=', applicationId).forUpdate().executeTakeFirst();
  if (!current) throw notFound('Ansökan');
  const check = checkApplicationTransition(current.status, to);
  if (!check.ok) throw conflict(check.message);
  await tx
    .updateTable('applications')
    .set({ ...change.set, status: to, updated_at: change.at.toISOString() })
    .where('id', '=', applicationId)
    .execute();
  await recordEvent(tx, {
    caseId: current.case_id,
    objectType: 'application',
    objectId: applicationId,
    event: change.event,
    from: current.status,
    to,
    actorId: actorId(change.actor),
    note: change.note ?? null,
    at: change.at,
  });
  return { from: current.status as ApplicationStatus, to };
}

/**
 * Moves an intake contact to `to` (or keeps its status, e.g. the interview saved again) and logs the event in the
 * contact's history. `set` holds the other columns of the same change.
 */
export async function changeIntakeStatus(
  tx: Tx,
  intakeId: string,
  to: IntakeStatus,
  change: { actorId: string; kind: IntakeEventKind; note?: string | null; data?: unknown; at: Date; set?: Omit<Updateable<IntakesTable>, 'status' | 'updated_at'> },
): Promise<{ from: IntakeStatus; to: IntakeStatus }> {
  const current = await tx.selectFrom('intakes').select('status').where('id', '=', intakeId).forUpdate().executeTakeFirst();
  if (!current) throw notFound('Kontakten');
  const check = checkIntakeTransition(current.status, to);
  if (!check.ok) throw conflict(check.message);
  await tx
    .updateTable('intakes')
    .set({ ...change.set, status: to, updated_at: change.at.toISOString() })
    .where('id', '=', intakeId)
    .execute();
  const from = current.status as IntakeStatus;
  await recordIntakeEvent(tx, { intakeId, kind: change.kind, from, to, actorId: change.actorId, at: change.at, note: change.note ?? null, data: change.data });
  return { from, to };
}

/**
 * Moves a payment to stage `to` (approved is stored as status 'planned' with its approval in `set`) and writes its
 * status-history row with actor, reason and time. Returns the stage it came from.
 */
export async function changePaymentStatus(
  tx: Tx,
  paymentId: string,
  to: PaymentStage,
  change: { actor: StatusActor; reason: string | null; at: Date; set?: Omit<Updateable<PaymentsTable>, 'status'> },
): Promise<{ from: PaymentStage; to: PaymentStage }> {
  const current = await tx.selectFrom('payments').select(['status', 'approved_at']).where('id', '=', paymentId).forUpdate().executeTakeFirst();
  if (!current) throw notFound('Utbetalningen');
  const from = paymentStageOf({ status: current.status, approvedAt: current.approved_at });
  const check = checkPaymentTransition(from, to);
  if (!check.ok) throw conflict(check.message);
  await tx
    .updateTable('payments')
    .set({ ...change.set, status: paymentStatusOf(to) })
    .where('id', '=', paymentId)
    .execute();
  await insertPaymentHistory(tx, [{ paymentId, from, to, actorId: actorId(change.actor), reason: change.reason }], change.at);
  return { from, to };
}

/**
 * Moves many payments to stage `to` at once (a payment file sends them, the bank's confirmation pays them): each
 * move is checked like a single one (409 with the first refusal, nothing written), then one update per 500 and one
 * history row each.
 */
export async function changePaymentsStatus(
  tx: Tx,
  paymentIds: readonly string[],
  to: PaymentStage,
  change: { actor: StatusActor; reason: string | null; at: Date; set?: Omit<Updateable<PaymentsTable>, 'status'> },
): Promise<void> {
  const chunk = 500;
  for (let i = 0; i < paymentIds.length; i += chunk) {
    const ids = paymentIds.slice(i, i + chunk);
    const current = await tx.selectFrom('payments').select(['id', 'status', 'approved_at']).where('id', 'in', ids).forUpdate().execute();
    if (current.length !== ids.length) throw notFound('Utbetalningen');
    const rows = current.map((c) => ({ paymentId: c.id, from: paymentStageOf({ status: c.status, approvedAt: c.approved_at }) }));
    for (const r of rows) {
      const check = checkPaymentTransition(r.from, to);
      if (!check.ok) throw conflict(check.message);
    }
    await tx
      .updateTable('payments')
      .set({ ...change.set, status: paymentStatusOf(to) })
      .where('id', 'in', ids)
      .execute();
    await insertPaymentHistory(
      tx,
      rows.map((r) => ({ ...r, to, actorId: actorId(change.actor), reason: change.reason })),
      change.at,
    );
  }
}
