import { hasCapability, type Capability, type StaffRole } from './roles.ts';

/** Who is asking. Clients (sökande) are identified by their person id. */
export type Actor = { kind: 'staff'; userId: string; role: StaffRole; municipality: string; unitIds: readonly string[] } | { kind: 'client'; personId: string };

/**
 * Where the database keeps a case's side of a relation: start at a column of `cases`; each step goes to the rows of
 * `table` whose column `from` equals the value reached so far (and that meet `where`) and takes their column `to`.
 * Without steps, the column's own value (none when it is null).
 */
export interface CasePath {
  column: string;
  steps: readonly PathStep[];
}

export interface PathStep {
  table: string;
  from: string;
  to: string;
  /** Fixed conditions on the step's rows: column = value, or column among values. Constants of the policy. */
  where?: Readonly<Record<string, string | boolean | readonly string[]>>;
}

/** One way an actor is related to a case. */
export interface CaseRelation {
  /** Names the relation's values in CaseAccessFacts.related. */
  name: string;
  /** Whom it relates: staff users or clients (sökande). */
  actor: 'staff' | 'client';
  /** What of the actor must be among the case's values. */
  match: 'userId' | 'unitIds' | 'personId';
  /** The case's values. */
  path: CasePath;
  /** Whether the relation opens a case with protected identity (otherwise such a case is hidden through it). */
  opensProtected: boolean;
  /** Whether it makes the case the staff user's own ("mina ärenden"). */
  assigned: boolean;
}

/**
 * Who may read a case, as data: the pure check (canReadCase), the SQL condition used by lists, searches and queues,
 * the facts loaded for one case and the case list's index scans are all derived from it, so that a new way of
 * seeing a case is one more entry in `relations` (and, if its values are new, the column or table that keeps them).
 */
export interface CaseReadPolicy {
  /** Staff need this capability for any case. */
  capability: Capability;
  /** Column of `cases`: staff see only cases of their own municipality. */
  municipalityColumn: string;
  /** Boolean column of `cases`, true when a member of the household has protected identity (kept by triggers). */
  protectedColumn: string;
  relations: readonly CaseRelation[];
}

const column = (name: string): CasePath => ({ column: name, steps: [] });

/**
 * Role + unit + case relation decide access.
 * - A client sees only cases where they are a party (applicant or co-applicant).
 * - Staff with case access see cases of their units and cases assigned to them (same municipality).
 * - A case with protected identity is visible only to staff named (protected_access) for one of its protected
 *   persons, never by unit membership or assignment, so that neither its content nor its protected status leaks.
 */
export const CASE_READ_POLICY: CaseReadPolicy = {
  capability: 'case.read',
  municipalityColumn: 'municipality_code',
  protectedColumn: 'protected_identity',
  relations: [
    { name: 'unit', actor: 'staff', match: 'unitIds', path: column('unit_id'), opensProtected: false, assigned: false },
    { name: 'responsibleWorker', actor: 'staff', match: 'userId', path: column('responsible_worker_id'), opensProtected: false, assigned: true },
    { name: 'secondWorker', actor: 'staff', match: 'userId', path: column('second_worker_id'), opensProtected: false, assigned: true },
    {
      name: 'namedForProtected',
      actor: 'staff',
      match: 'userId',
      opensProtected: true,
      assigned: false,
      path: {
        column: 'household_id',
        steps: [
          { table: 'household_members', from: 'household_id', to: 'person_id' },
          { table: 'persons', from: 'id', to: 'id', where: { protected_identity: true } },
          { table: 'protected_access', from: 'person_id', to: 'user_id' },
        ],
      },
    },
    {
      name: 'party',
      actor: 'client',
      match: 'personId',
      opensProtected: true,
      assigned: false,
      path: { column: 'household_id', steps: [{ table: 'household_members', from: 'household_id', to: 'person_id', where: { role: ['applicant', 'coApplicant'] } }] },
    },
  ],
};

/** The facts about a case that decide access, loaded by the database layer from the same policy. */
export interface CaseAccessFacts {
  municipality: string;
  /** True when any member of the household has skyddade personuppgifter. */
  protectedIdentity: boolean;
  /** For each relation of the policy (by name): the case's values, e.g. its unit id, the staff named for it. */
  related: Readonly<Record<string, readonly string[]>>;
}

/** The actor's values a relation compares with the case's; none when the relation is not about this kind of actor. */
export function actorValues(actor: Actor, relation: CaseRelation): readonly string[] {
  if (actor.kind !== relation.actor) return [];
  if (actor.kind === 'client') return relation.match === 'personId' ? [actor.personId] : [];
  if (relation.match === 'userId') return [actor.userId];
  if (relation.match === 'unitIds') return actor.unitIds;
  return [];
}

/** Whether the actor may read cases at all, and the staff relations that can give access (none for clients). */
export function readableRelations(actor: Actor, policy: CaseReadPolicy = CASE_READ_POLICY): readonly CaseRelation[] {
  if (actor.kind === 'staff' && !hasCapability(actor.role, policy.capability)) return [];
  return policy.relations.filter((r) => r.actor === actor.kind);
}

/** Whether `facts` (of one case) satisfy `relation` for the actor; unaffected by protected identity. */
export function isRelated(actor: Actor, relation: CaseRelation, facts: CaseAccessFacts): boolean {
  const values = facts.related[relation.name];
  if (!values) throw new Error(`CaseAccessFacts saknar relationen ${relation.name}`);
  return actorValues(actor, relation).some((v) => values.includes(v));
}

/** The policy, applied to one case. */
export function canReadCase(actor: Actor, facts: CaseAccessFacts, policy: CaseReadPolicy = CASE_READ_POLICY): boolean {
  if (actor.kind === 'staff' && actor.municipality !== facts.municipality) return false;
  return readableRelations(actor, policy).some((r) => (r.opensProtected || !facts.protectedIdentity) && isRelated(actor, r, facts));
}

/** Writing needs read access plus the capability; clients write through their own channels only. */
export function canWriteCase(actor: Actor, facts: CaseAccessFacts, capability: Capability, policy: CaseReadPolicy = CASE_READ_POLICY): boolean {
  if (actor.kind !== 'staff') return false;
  return canReadCase(actor, facts, policy) && hasCapability(actor.role, capability);
}
