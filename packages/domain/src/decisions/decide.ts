/**
 * The decision's own life cycle and what making a decision does to its application and case. The server's decision
 * actions (packages/server/src/decisions/actions.ts) ask here and write what these functions answer.
 */
import { APPLICATION_STATUS_MACHINE, type ApplicationStatus } from '../assessment/application-status.ts';
import type { CaseStatus } from '../case-status.ts';
import { checkTransition, type StatusMachine, type TransitionCheck } from '../status-machine.ts';
import { DECISION_STATUS_LABELS, type DecisionOutcome, type DecisionStatus } from './types.ts';

/**
 * draft → awaitingApproval (submitted to the decision-maker) → draft (returned with a comment) or decided; a draft
 * may be decided directly by someone with delegation. A decided decision is final (omprövning makes a new one).
 */
export const DECISION_STATUS_MACHINE: StatusMachine<DecisionStatus> = {
  subject: 'Beslutet',
  labels: DECISION_STATUS_LABELS,
  initial: ['draft', 'decided'],
  transitions: {
    draft: ['awaitingApproval', 'decided'],
    awaitingApproval: ['draft', 'decided'],
    decided: [],
  },
  staysAllowed: false,
};

/** Submitting, returning or making a decision, with the message the caseworker sees when it cannot be done now. */
export function checkDecisionTransition(from: string, to: DecisionStatus): TransitionCheck {
  if (to === 'draft' && from !== 'awaitingApproval') return { ok: false, message: 'Bara ett beslut som väntar på beslutsfattare kan skickas tillbaka.' };
  if (from === 'decided') return { ok: false, message: 'Beslutet är redan fattat.' };
  if (to === 'awaitingApproval' && from === 'awaitingApproval') return { ok: false, message: 'Beslutet väntar redan på beslutsfattare.' };
  return checkTransition(DECISION_STATUS_MACHINE, from, to);
}

/** A decision that grants money (bifall or delavslag with an amount). */
export function grantsAssistance(d: { outcome: DecisionOutcome; amount: number }): boolean {
  return d.amount > 0 && (d.outcome === 'granted' || d.outcome === 'partlyRefused');
}

/**
 * What making the decision does to the rest: the application it decides becomes decided (refused, with the
 * message, when its status does not allow it, e.g. an application already decided or withdrawn), and a case under
 * investigation becomes active on the first decision that grants assistance. Other case statuses stay (a renewal on
 * an active case, a refusal during investigation).
 */
export function effectsOfDecision(
  d: { outcome: DecisionOutcome; amount: number },
  now: { applicationStatus: string; caseStatus: string },
): { ok: true; application: ApplicationStatus; case: CaseStatus | null } | { ok: false; message: string } {
  const check = now.applicationStatus === 'decided' ? { ok: false as const, message: 'Ansökan är redan beslutad.' } : checkTransition(APPLICATION_STATUS_MACHINE, now.applicationStatus, 'decided');
  if (!check.ok) return check;
  return { ok: true, application: 'decided', case: grantsAssistance(d) && now.caseStatus === 'investigation' ? 'active' : null };
}

/**
 * The calculation behind the decision must be the application's current one: not replaced after the draft was made,
 * not older than the application's last change, and approved by a second person when the municipality requires four
 * eyes on calculations. Without a calculation (e.g. avvisning) there is nothing to check.
 */
export function checkCalculationForDecision(f: {
  draftCalculationId: string | null;
  current: { id: string; createdAt: string; approvedAt: string | null } | null;
  applicationUpdatedAt: string | null;
  fourEyesOnCalculation: boolean;
}): TransitionCheck {
  const calc = f.current;
  if (!calc) return { ok: true };
  if (f.draftCalculationId !== calc.id) {
    return { ok: false, message: 'Beräkningen har ändrats efter att beslutsutkastet gjordes. Hämta den senaste beräkningen till utkastet och kontrollera beloppen.' };
  }
  if (f.applicationUpdatedAt && f.applicationUpdatedAt > calc.createdAt) return { ok: false, message: 'Ansökan har ändrats efter den senaste beräkningen. Beräkna igen innan beslutet fattas.' };
  if (f.fourEyesOnCalculation && !calc.approvedAt) return { ok: false, message: 'Kommunen kräver fyra ögon på beräkningen: en annan person ska godkänna beräkningen innan beslutet fattas.' };
  return { ok: true };
}
