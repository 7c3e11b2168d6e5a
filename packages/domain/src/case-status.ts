/** Case (ärende) life cycle. Transitions are data so that later capabilities can extend them. */
export const CASE_STATUSES = ['intake', 'investigation', 'active', 'monitoring', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  intake: 'Mottagning',
  investigation: 'Utredning',
  active: 'Aktuellt',
  monitoring: 'Bevakning',
  closed: 'Avslutat',
};

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  intake: ['investigation', 'closed'],
  investigation: ['active', 'closed'],
  active: ['monitoring', 'investigation', 'closed'],
  monitoring: ['active', 'closed'],
  closed: ['investigation'], // återaktualisering
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

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}
