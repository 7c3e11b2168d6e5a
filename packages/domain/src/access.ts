import { hasCapability, type StaffRole } from './roles.ts';

/** Who is asking. Clients (sökande) are identified by their person id. */
export type Actor =
  | { kind: 'staff'; userId: string; role: StaffRole; municipality: string; unitIds: readonly string[] }
  | { kind: 'client'; personId: string };

/** The facts about a case that decide access; loaded by the database layer. */
export interface CaseAccessFacts {
  municipality: string;
  unitId: string;
  responsibleWorkerId: string | null;
  secondWorkerId: string | null;
  /** Persons (applicant, co-applicant) who are parties of the case and may see it on Mina sidor. */
  partyPersonIds: readonly string[];
  /** True when any member of the household has skyddade personuppgifter. */
  protectedIdentity: boolean;
  /** Staff named as allowed to handle the protected persons of this case. */
  protectedAccessUserIds: readonly string[];
}

/**
 * Role + unit + case relation decide access.
 * - A client sees only cases where they are a party.
 * - Staff with case access see cases of their units and cases assigned to them (same municipality).
 * - A case with protected identity is visible only to staff named for it, never by unit membership,
 *   so that neither its content nor its protected status leaks.
 */
export function canReadCase(actor: Actor, facts: CaseAccessFacts): boolean {
  if (actor.kind === 'client') return facts.partyPersonIds.includes(actor.personId);
  if (!hasCapability(actor.role, 'case.read')) return false;
  if (actor.municipality !== facts.municipality) return false;
  if (facts.protectedIdentity) return facts.protectedAccessUserIds.includes(actor.userId);
  const assigned = facts.responsibleWorkerId === actor.userId || facts.secondWorkerId === actor.userId;
  return assigned || actor.unitIds.includes(facts.unitId);
}

/** Writing needs read access plus the capability; clients write through their own channels only. */
export function canWriteCase(actor: Actor, facts: CaseAccessFacts, capability: Parameters<typeof hasCapability>[1]): boolean {
  if (actor.kind !== 'staff') return false;
  return canReadCase(actor, facts) && hasCapability(actor.role, capability);
}
