import type { ExpressionBuilder, Kysely } from 'kysely';
import { canReadCase, hasCapability, type Actor, type CaseAccessFacts } from '@vagen/domain';
import type { Database } from '@vagen/db';

/** Loads what the access policy needs for one case; null when the case does not exist. */
export async function loadCaseAccessFacts(db: Kysely<Database>, caseId: string): Promise<(CaseAccessFacts & { householdId: string; applicantPersonId: string | null }) | null> {
  const row = await db
    .selectFrom('cases')
    .select(['municipality_code', 'unit_id', 'responsible_worker_id', 'second_worker_id', 'household_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const members = await db
    .selectFrom('household_members')
    .innerJoin('persons', 'persons.id', 'household_members.person_id')
    .select(['persons.id', 'household_members.role', 'persons.protected_identity'])
    .where('household_members.household_id', '=', row.household_id)
    .execute();
  const protectedIds = members.filter((m) => m.protected_identity).map((m) => m.id);
  const allowed = protectedIds.length
    ? await db.selectFrom('protected_access').select('user_id').distinct().where('person_id', 'in', protectedIds).execute()
    : [];
  return {
    municipality: row.municipality_code,
    unitId: row.unit_id,
    responsibleWorkerId: row.responsible_worker_id,
    secondWorkerId: row.second_worker_id,
    partyPersonIds: members.filter((m) => m.role === 'applicant' || m.role === 'coApplicant').map((m) => m.id),
    protectedIdentity: protectedIds.length > 0,
    protectedAccessUserIds: allowed.map((a) => a.user_id),
    householdId: row.household_id,
    applicantPersonId: members.find((m) => m.role === 'applicant')?.id ?? null,
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
    const protectedMember = eb.exists(
      eb.selectFrom('household_members as pm')
        .innerJoin('persons as pp', 'pp.id', 'pm.person_id')
        .select('pm.person_id')
        .whereRef('pm.household_id', '=', 'cases.household_id')
        .where('pp.protected_identity', '=', true),
    );
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
