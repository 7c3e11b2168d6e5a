/** The life cycle of an application (ansökan) from registration to decision. */
import { checkTransition, type StatusMachine, type TransitionCheck } from '../status-machine.ts';

export const APPLICATION_STATUSES = ['registered', 'received', 'inProgress', 'inAssessment', 'decided', 'referred', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  registered: 'Registrerad',
  received: 'Mottagen',
  inProgress: 'Under handläggning',
  inAssessment: 'Under utredning',
  decided: 'Beslutad',
  referred: 'Hänvisad',
  withdrawn: 'Återkallad',
};

/** Statuses from which filling in the content moves the application to 'inAssessment'. */
export const APPLICATION_STATUSES_BEFORE_ASSESSMENT: readonly ApplicationStatus[] = ['registered', 'received', 'inProgress'];

/**
 * - not yet assessed (registered, received, inProgress) → inAssessment when its content is filled in;
 * - → referred (also from inAssessment) when the intake refers the contact elsewhere (the municipality is not responsible, or another
 *   benefit comes first);
 * - → decided when a decision on it is made; a referred application may still be decided (e.g. avvisning) when the
 *   person asks for a decision;
 * - → withdrawn when the person takes the application back;
 * - decided and withdrawn are final: a new need is a new (or supplementary) application.
 * Replacing the content without changing the status is an event in the application's history (from = to).
 */
const OPEN: readonly ApplicationStatus[] = ['inAssessment', 'decided', 'referred', 'withdrawn'];
export const APPLICATION_STATUS_MACHINE: StatusMachine<ApplicationStatus> = {
  subject: 'Ansökan',
  labels: APPLICATION_STATUS_LABELS,
  initial: ['registered', 'received'],
  transitions: {
    registered: OPEN,
    received: OPEN,
    inProgress: OPEN,
    inAssessment: ['decided', 'referred', 'withdrawn'],
    referred: ['decided'],
    decided: [],
    withdrawn: [],
  },
  staysAllowed: true,
};

export function isApplicationStatus(v: unknown): v is ApplicationStatus {
  return typeof v === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(v);
}

export function checkApplicationTransition(from: string | null, to: ApplicationStatus): TransitionCheck {
  return checkTransition(APPLICATION_STATUS_MACHINE, from, to);
}

/** The status after the content is replaced: an application not yet under assessment moves to it; others stay. */
export function applicationStatusAfterContent(status: ApplicationStatus): ApplicationStatus {
  return APPLICATION_STATUSES_BEFORE_ASSESSMENT.includes(status) ? 'inAssessment' : status;
}
