import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { isIntakeStatus, type IntakeChecklistTicks, type IntakeEventKind, type IntakeStatus } from '@vagen/domain';
import { conflict, notFound } from '../errors.ts';

/** One history row of an intake: what happened, the status change if any, who and when. */
export async function recordIntakeEvent(
  tx: Kysely<Database>,
  e: { intakeId: string; kind: IntakeEventKind; from?: IntakeStatus | null; to?: IntakeStatus | null; actorId: string; at: Date; note?: string | null; data?: unknown },
): Promise<void> {
  await tx
    .insertInto('intake_events')
    .values({
      intake_id: e.intakeId,
      kind: e.kind,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      actor_id: e.actorId,
      at: e.at.toISOString(),
      note: e.note ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}

/** The case an intake belongs to (for the access check), or 404 when there is no such intake. */
export async function intakeCaseId(db: Kysely<Database>, id: string): Promise<string> {
  const row = await db.selectFrom('intakes').select('case_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Kontakten');
  return row.case_id;
}

/** Locks the intake row for a change (two people working on the same contact wait for each other). */
export async function lockIntake(tx: Kysely<Database>, id: string) {
  const row = await tx.selectFrom('intakes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Kontakten');
  if (!isIntakeStatus(row.status)) throw conflict('Kontakten har en okänd status.');
  return { ...row, status: row.status as IntakeStatus, ticks: (row.checklist ?? {}) as IntakeChecklistTicks };
}
export type LockedIntake = Awaited<ReturnType<typeof lockIntake>>;
