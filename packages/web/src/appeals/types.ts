/** Shapes of the appeals API (GET /cases/:id/appeals, POST /decisions/:id/appeals, /appeals/:id/...). Money in öre. */
export interface AppealDecision {
  id: string;
  outcome: string;
  outcomeLabel: string;
  periodStart: string;
  periodEnd: string;
  amount: number;
  decidedAt: string;
}

/** How a decision can be challenged, from its legal basis (SoL 35 kap. 1 §; the old law for decisions before 1 July 2025). */
export interface DecisionChallenge {
  route: 'appeal' | 'legalityReview' | 'mixed' | 'unknown';
  appealReference: string | null;
  legalityReviewReference: string | null;
  transitionalNote: string | null;
  appealableItems: { key: string; label: string }[];
  legalityReviewItems: { key: string; label: string }[];
  /** Set when only laglighetsprövning applies: what the worker does instead. */
  message: string | null;
}

export interface AppealableDecision extends AppealDecision {
  letterDate: string;
  presumedNotifiedOn: string;
  challenge: DecisionChallenge;
}

export interface Appeal {
  id: string;
  caseId: string;
  decision: AppealDecision;
  challenge: DecisionChallenge;
  receivedOn: string;
  channel: string;
  channelLabel: string;
  appellantName: string | null;
  text: string;
  notifiedOn: string;
  notifiedOnBasis: 'stated' | 'presumed';
  nominalLastDay: string;
  lastDay: string;
  extendedOver: { date: string; reason: string }[];
  timely: boolean;
  daysLate: number;
  timelinessText: string;
  status: string;
  statusLabel: string;
  lateOutcome: 'dismissed' | 'exception' | null;
  lateException: string | null;
  lateExceptionLabel: string | null;
  lateNote: string | null;
  reconsideration: {
    result: 'unchanged' | 'changed';
    resultLabel: string;
    reason: string | null;
    fullyAsRequested: boolean | null;
    replacementDecision: AppealDecision | null;
    at: string | null;
    byName: string | null;
  } | null;
  courtName: string | null;
  forwardedAt: string | null;
  forwardedByName: string | null;
  forwardDueOn: string;
  forwardOverdue: boolean;
  registeredAt: string;
  registeredByName: string;
  history: { fromStatus: string | null; toStatus: string; toLabel: string; at: string; actorName: string | null; note: string | null }[];
  documents: { id: string; title: string; kind: string; kindLabel: string; role: string; createdAt: string; mimeType: string }[];
  actions: { canReconsider: boolean; canForward: boolean; canRecordLateOutcome: boolean; canWithdraw: boolean };
}

export interface CaseAppeals {
  items: Appeal[];
  appealableDecisions: AppealableDecision[];
  options: {
    presumedPostalDays: number;
    forwardWithinDays: number;
    courtName: string | null;
    lateExceptions: { code: string; label: string }[];
    settingsSource: string;
  };
  permissions: { canHandle: boolean };
}

export const APPEAL_CHANNEL_OPTIONS = [
  { value: 'post', label: 'Brev' },
  { value: 'email', label: 'E-post' },
  { value: 'eService', label: 'E-tjänst' },
  { value: 'handedIn', label: 'Lämnat i receptionen' },
] as const;

export const DECISION_OUTCOME_OPTIONS = [
  { value: 'granted', label: 'Bifall' },
  { value: 'partlyRefused', label: 'Delavslag' },
  { value: 'refused', label: 'Avslag' },
  { value: 'dismissed', label: 'Avvisning' },
] as const;
