import type { ExpressionBuilder, Kysely } from 'kysely';
import { canReadCase, hasCapability, type Actor, type CaseAccessFacts } from '@vagen/domain';
import type { Database } from '@vagen/db';

/** Loads what the access policy needs for one case; null when the case does not exist. */
export async function loadCaseAccessFacts(db: Kysely<Database>, caseId: string): Promise<(CaseAccessFacts & { householdId: string; applicantPersonId: string | null }) | null> {
  // One round trip: the case, its household members and the staff named for protected members.
  const rows = await db
    .selectFrom('cases')
    .leftJoin('household_members as m', 'm.household_id', 'cases.household_id')
    .leftJoin('persons as p', 'p.id', 'm.person_id')
    .leftJoin('protected_access as pa', (j) => j.onRef('pa.person_id', '=', 'p.id').on('p.protected_identity', '=', true))
    .select([
      'cases.municipality_code', 'cases.unit_id', 'cases.responsible_worker_id', 'cases.second_worker_id', 'cases.household_id',
      'm.person_id', 'm.role', 'p.protected_identity', 'pa.user_id as allowed_user_id',
    ])
    .where('cases.id', '=', caseId)
    .execute();
  const row = rows[0];
  if (!row) return null;
  const members = new Map<string, { id: string; role: string; protected_identity: boolean }>();
  const allowed = new Set<string>();
  for (const r of rows) {
    if (r.person_id && r.role) members.set(r.person_id, { id: r.person_id, role: r.role, protected_identity: r.protected_identity === true });
    if (r.allowed_user_id) allowed.add(r.allowed_user_id);
  }
  const memberList = [...members.values()];
  const protectedIds = memberList.filter((m) => m.protected_identity).map((m) => m.id);
  return {
    municipality: row.municipality_code,
    unitId: row.unit_id,
    responsibleWorkerId: row.responsible_worker_id,
    secondWorkerId: row.second_worker_id,
    partyPersonIds: memberList.filter((m) => m.role === 'applicant' || m.role === 'coApplicant').map((m) => m.id),
    protectedIdentity: protectedIds.length > 0,
    protectedAccessUserIds: [...allowed],
    householdId: row.household_id,
    applicantPersonId: memberList.find((m) => m.role === 'applicant')?.id ?? null,
  };
}

export { canReadCase };

/**
 * The same policy as `canReadCase`, as a SQL condition on `cases`, so that lists and searches never even load
 * what the user may not see (and a protected person is simply not found).
 */
export function visibleCasesCondition(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    if (actor.kind === 'client') {
      return eb.exists(
        eb.selectFrom('household_members as hm')
          .select('hm.person_id')
          .whereRef('hm.household_id', '=', 'cases.household_id')
          .where('hm.person_id', '=', actor.personId)
          .where('hm.role', 'in', ['applicant', 'coApplicant']),
      );
    }
    if (!hasCapability(actor.role, 'case.read')) return eb.val(false);
    // Maintained by triggers (migration 0007), so lists filter on a column, not a subquery per row.
    const protectedMember = eb('cases.protected_identity', '=', true);
    const namedForProtected = eb.exists(
      eb.selectFrom('household_members as am')
        .innerJoin('protected_access as pa', 'pa.person_id', 'am.person_id')
        .select('am.person_id')
        .whereRef('am.household_id', '=', 'cases.household_id')
        .where('pa.user_id', '=', actor.userId),
    );
    const relation = [
      eb('cases.responsible_worker_id', '=', actor.userId),
      eb('cases.second_worker_id', '=', actor.userId),
    ];
    if (actor.unitIds.length) relation.push(eb('cases.unit_id', 'in', actor.unitIds));
    return eb.and([
      eb('cases.municipality_code', '=', actor.municipality),
      eb.or([eb.and([eb.not(protectedMember), eb.or(relation)]), eb.and([protectedMember, namedForProtected])]),
    ]);
  };
}
