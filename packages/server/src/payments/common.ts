/** Small shared pieces of the payments area: Stockholm calendar day, status history rows, audit of refusals. */
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { swedishInstant, type PaymentStage } from '@vagen/domain';
import { auditDenied } from '../audit/log.ts';
import type { RequestActor } from '../context.ts';
import { HttpProblem } from '../errors.ts';

export { IdParams } from '@vagen/contract';

/** A date's start of the working day (08:00 in Sweden) as an instant: the due time of a work item. */
export function dueAtOf(date: string): Date {
  return swedishInstant(date, 8);
}

export interface HistoryRow {
  paymentId: string;
  from: PaymentStage | null;
  to: PaymentStage;
  actorId: string | null;
  reason?: string | null;
}

export async function insertPaymentHistory(db: Kysely<Database>, rows: readonly HistoryRow[], at: Date): Promise<void> {
  const chunk = 500;
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto('payment_status_history')
      .values(
        rows.slice(i, i + chunk).map((r) => ({
          payment_id: r.paymentId,
          from_stage: r.from,
          to_stage: r.to,
          actor_kind: r.actorId ? ('staff' as const) : ('system' as const),
          actor_id: r.actorId,
          reason: r.reason ?? null,
          at: at.toISOString(),
        })),
      )
      .execute();
  }
}

/**
 * Runs a state change; when it is refused (HttpProblem), the refusal is logged as denied (best effort) and passed on.
 * The change itself runs in one transaction, so a refusal leaves nothing behind.
 */
export async function refusalsAudited<T>(
  db: Kysely<Database>,
  actor: RequestActor,
  at: Date,
  event: { action: string; targetType: string; targetId: string; caseId: string | null },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof HttpProblem && e.statusCode >= 403 && e.statusCode < 500 && e.statusCode !== 404) {
      await auditDenied(db, actor, at, { ...event, purpose: e.code });
    }
    throw e;
  }
}
