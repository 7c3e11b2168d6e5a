/** Bevakningar (watches): the reads behind the routes — a case's watches, and the staff who may own one. */
import { canReadCase, endOfSwedishDay, hasCapability, isOverdue, isStaffRole, type Actor } from '@vagen/domain';
import { loadCaseAccessFacts } from '../cases/access.ts';
import type { AppDeps } from '../context.ts';

/** Staff who may own a watch on the case: active, may write in the journal, and can read the case. */
export async function possibleOwners(deps: AppDeps, caseId: string) {
  const facts = (await loadCaseAccessFacts(deps.db, caseId))!;
  const users = await deps.db
    .selectFrom('staff_users')
    .select(['id', 'display_name', 'role'])
    .where('municipality_code', '=', facts.municipality)
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
  const units = await deps.db
    .selectFrom('staff_units')
    .select(['user_id', 'unit_id'])
    .where('user_id', 'in', users.length ? users.map((u) => u.id) : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  return users
    .filter((u) => {
      if (!isStaffRole(u.role) || !hasCapability(u.role, 'journal.write')) return false;
      const actor: Actor = { kind: 'staff', userId: u.id, role: u.role, municipality: facts.municipality, unitIds: units.filter((x) => x.user_id === u.id).map((x) => x.unit_id) };
      return canReadCase(actor, facts);
    })
    .map((u) => ({ id: u.id, name: u.display_name }));
}

/** The watches on a case, open ones first, with whether each is overdue now. */
export async function listWatches(deps: AppDeps, caseId: string) {
  const now = deps.now().toISOString();
  const rows = await deps.db
    .selectFrom('watches as w')
    .innerJoin('staff_users as o', 'o.id', 'w.owner_id')
    .innerJoin('staff_users as c', 'c.id', 'w.created_by')
    .leftJoin('staff_users as d', 'd.id', 'w.done_by')
    .select([
      'w.id',
      'w.due_on',
      'w.text',
      'w.owner_id',
      'o.display_name as owner_name',
      'c.display_name as created_by_name',
      'w.created_at',
      'w.done_at',
      'd.display_name as done_by_name',
      'w.done_note',
    ])
    .where('w.case_id', '=', caseId)
    .orderBy('w.done_at', (ob) => ob.desc().nullsFirst())
    .orderBy('w.due_on')
    .execute();
  return rows.map((w) => ({
    id: w.id,
    dueOn: w.due_on,
    text: w.text,
    ownerId: w.owner_id,
    ownerName: w.owner_name,
    createdByName: w.created_by_name,
    createdAt: w.created_at,
    doneAt: w.done_at,
    doneByName: w.done_by_name,
    doneNote: w.done_note,
    overdue: !w.done_at && isOverdue(endOfSwedishDay(w.due_on).toISOString(), now),
  }));
}
