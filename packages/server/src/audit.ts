import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { HttpProblem } from './errors.ts';
import type { RequestActor } from './context.ts';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId?: string | null;
  caseId?: string | null;
  personId?: string | null;
  purpose?: string | null;
  outcome: 'success' | 'denied' | 'failed';
}

/**
 * Appends one audit record. Throws 503 when it cannot be written: callers write the record before they return
 * personal data, so a read that cannot be logged is never served (lag 2001:454 10 §).
 */
export async function audit(db: Kysely<Database>, actor: RequestActor | null, at: Date, event: AuditEvent): Promise<void> {
  try {
    await db
      .insertInto('audit_log')
      .values({
        at: at.toISOString(),
        actor_kind: actor ? actor.kind : 'anonymous',
        actor_id: actor ? (actor.kind === 'staff' ? actor.userId : actor.personId) : null,
        actor_role: actor?.kind === 'staff' ? actor.role : actor ? 'client' : null,
        action: event.action,
        target_type: event.targetType,
        target_id: event.targetId ?? null,
        case_id: event.caseId ?? null,
        person_id: event.personId ?? null,
        purpose: event.purpose ?? null,
        outcome: event.outcome,
      })
      .execute();
  } catch {
    throw new HttpProblem(503, 'AUDIT_UNAVAILABLE', 'Uppgifterna kan inte visas just nu eftersom åtkomsten inte kan loggas. Försök igen om en stund.');
  }
}

/** Best effort for denials: a denied request is refused whether or not its record could be written. */
export async function auditDenied(db: Kysely<Database>, actor: RequestActor | null, at: Date, event: Omit<AuditEvent, 'outcome'>): Promise<void> {
  try {
    await audit(db, actor, at, { ...event, outcome: 'denied' });
  } catch {
    /* the request is refused anyway */
  }
}
