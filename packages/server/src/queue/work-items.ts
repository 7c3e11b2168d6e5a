import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { newId } from '../ids.ts';

/**
 * Queue priority: lower comes first. Appeals go first in every queue (FL 43–46 §§ deadlines), then acute intake
 * (decision within 1–2 days), then everything with a deadline, then the rest.
 */
export const PRIORITY = { appeal: 1, acute: 2, deadline: 3, ordinary: 4 } as const;

export interface NewWorkItem {
  municipality: string;
  unitId: string | null;
  caseId: string | null;
  /** e.g. 'intake', 'firstVisit', 'assessment', 'communicationAnswer', 'decisionApproval', 'paymentApproval', 'appeal', 'watch' */
  kind: string;
  ref?: { type: string; id: string };
  title: string;
  priority: number;
  receivedAt: Date;
  dueAt?: Date | null;
  assignedTo?: string | null;
  /** When nobody in particular: the role that should take it (e.g. 'cashier'). */
  assignedRole?: string | null;
}

export async function openWorkItem(db: Kysely<Database>, item: NewWorkItem, now: Date): Promise<string> {
  const id = newId();
  await db
    .insertInto('work_items')
    .values({
      id,
      municipality_code: item.municipality,
      unit_id: item.unitId,
      case_id: item.caseId,
      kind: item.kind,
      ref_type: item.ref?.type ?? null,
      ref_id: item.ref?.id ?? null,
      title: item.title,
      priority: item.priority,
      received_at: item.receivedAt.toISOString(),
      due_at: item.dueAt ? item.dueAt.toISOString() : null,
      assigned_to: item.assignedTo ?? null,
      assigned_role: item.assignedRole ?? null,
      created_at: now.toISOString(),
      closed_at: null,
      closed_by: null,
    })
    .execute();
  return id;
}

/** Closes the open items about one thing (e.g. all items of kind 'paymentApproval' for a payment). */
export async function closeWorkItems(db: Kysely<Database>, where: { refType: string; refId: string; kind?: string }, closedBy: string | null, now: Date): Promise<number> {
  let q = db
    .updateTable('work_items')
    .set({ closed_at: now.toISOString(), closed_by: closedBy })
    .where('ref_type', '=', where.refType)
    .where('ref_id', '=', where.refId)
    .where('closed_at', 'is', null);
  if (where.kind) q = q.where('kind', '=', where.kind);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Hands the open items of a case to another worker (assignment, hand-over). */
export async function reassignWorkItems(db: Kysely<Database>, caseId: string, to: string): Promise<void> {
  await db.updateTable('work_items').set({ assigned_to: to }).where('case_id', '=', caseId).where('closed_at', 'is', null).where('assigned_role', 'is', null).execute();
}
