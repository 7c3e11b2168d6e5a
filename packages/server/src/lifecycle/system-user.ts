/**
 * The author of entries Vägen writes by itself (e.g. an automatic closure). journal_entries needs a staff author,
 * so each municipality gets one inactive account without a password that can never sign in; its name says what
 * it is ("Vägen (automatiskt)"). Audit records of such work use actor kind 'system'.
 */
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { newId } from '../ids.ts';

export const SYSTEM_USER_NAME = 'Vägen (automatiskt)';

export async function systemUserId(db: Kysely<Database>, municipality: string, today: string): Promise<string> {
  const username = `system-${municipality}`;
  const found = await db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirst();
  if (found) return found.id;
  await db
    .insertInto('staff_users')
    .values({
      id: newId(),
      municipality_code: municipality,
      username,
      display_name: SYSTEM_USER_NAME,
      role: 'systemAdministrator',
      password_hash: null,
      employed_since: today,
      active: false,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
  return (await db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** An audit record of work done by Vägen itself (no request, no user). */
export async function auditSystem(db: Kysely<Database>, at: Date, event: { action: string; targetType: string; targetId: string; caseId: string; purpose?: string }) {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor_kind: 'system',
      actor_id: null,
      actor_role: null,
      action: event.action,
      target_type: event.targetType,
      target_id: event.targetId,
      case_id: event.caseId,
      person_id: null,
      purpose: event.purpose ?? null,
      outcome: 'success',
    })
    .execute();
}
