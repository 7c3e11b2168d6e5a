/** Case (ärende) life cycle. Transitions are data so that later capabilities can extend them. */
import { checkTransition, type StatusMachine, type TransitionCheck } from './status-machine.ts';

export const CASE_STATUSES = ['intake', 'investigation', 'active', 'monitoring', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  intake: 'Mottagning',
  investigation: 'Utredning',
  active: 'Aktuellt',
  monitoring: 'Bevakning',
  closed: 'Avslutat',
};

/**
 * Who moves a case where:
 * - opened (no status →): in the intake (mottagningen) or, opened directly by a caseworker, in investigation;
 * - intake → investigation when the intake hands it over to a caseworker; intake → closed when the contact is referred;
 * - investigation → active on the first decision that grants assistance (decisions/actions.ts);
 * - active ⇄ monitoring, active → investigation, and any open status → closed by the caseworker; active or
 *   monitoring → closed also by the nightly auto-close (no application for a number of months);
 * - closed → investigation: återaktualisering (a new application, or the caseworker reopening the case).
 */
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  intake: ['investigation', 'closed'],
  investigation: ['active', 'closed'],
  active: ['monitoring', 'investigation', 'closed'],
  monitoring: ['active', 'closed'],
  closed: ['investigation'], // återaktualisering
};

export const CASE_STATUS_MACHINE: StatusMachine<CaseStatus> = {
  subject: 'Ärendet',
  labels: CASE_STATUS_LABELS,
  initial: ['intake', 'investigation'],
  transitions: TRANSITIONS,
  staysAllowed: false,
};

export const CLOSURE_REASONS = ['work', 'studies', 'otherBenefit', 'moved', 'noApplication', 'deceased', 'unknown'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  work: 'Arbete',
  studies: 'Studier',
  otherBenefit: 'Annan ersättning',
  moved: 'Flyttat',
  noApplication: 'Ingen ny ansökan',
  deceased: 'Avliden',
  unknown: 'Okänt',
};

export function isCaseStatus(v: unknown): v is CaseStatus {
  return typeof v === 'string' && (CASE_STATUSES as readonly string[]).includes(v);
}

/** Whether a case may go from `from` to `to`; `from` null is opening a new case. */
export function canTransition(from: CaseStatus | null, to: CaseStatus): boolean {
  return checkTransition(CASE_STATUS_MACHINE, from, to).ok;
}

/**
 * The rule for a change of a case's status, with the Swedish message when it is refused. Closing needs a closure
 * reason; every other status has none.
 */
export function checkCaseTransition(from: string | null, to: CaseStatus, closureReason?: ClosureReason | null): TransitionCheck {
  const check = checkTransition(CASE_STATUS_MACHINE, from, to);
  if (!check.ok) return check;
  if (to === 'closed' && !closureReason) return { ok: false, message: 'Ange varför ärendet avslutas.' };
  if (to !== 'closed' && closureReason) return { ok: false, message: 'Avslutsorsak anges bara när ärendet avslutas.' };
  return check;
}

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}
