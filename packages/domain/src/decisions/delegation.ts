/**
 * Delegation (delegationsordning): which role may decide which outcome up to which amount. The amount checked is the
 * decision's amount for the whole period (what is granted); avslag and avvisning are 0 kr and are limited by outcome.
 * Four-eyes on decisions (fourEyes.sections.decision): the decision-maker must be another person than the presenting
 * officer (föredragande, FL 31 §) who prepared and sent the draft.
 */
import { ROLE_LABELS, type StaffRole } from '../roles.ts';
import { formatKr } from '../norm/money.ts';
import type { DecisionOutcome, DelegationRow } from './types.ts';
import { DECISION_OUTCOME_LABELS } from '../labels.ts';

function inForce(row: DelegationRow, date: string): boolean {
  return (!row.validFrom || row.validFrom <= date) && (!row.validTo || date <= row.validTo);
}

export function delegationCovering(rows: readonly DelegationRow[], role: StaffRole, outcome: DecisionOutcome, amount: number, date: string): DelegationRow | null {
  return rows.find((r) => r.role === role && inForce(r, date) && r.outcomes.includes(outcome) && (r.maxAmount === null || amount <= r.maxAmount)) ?? null;
}

/** Roles that may make this decision, most limited delegation first (the "right person" to send it to). */
export function rolesThatMayDecide(rows: readonly DelegationRow[], outcome: DecisionOutcome, amount: number, date: string): StaffRole[] {
  const fit = rows.filter((r) => inForce(r, date) && r.outcomes.includes(outcome) && (r.maxAmount === null || amount <= r.maxAmount));
  fit.sort((a, b) => (a.maxAmount ?? Number.MAX_SAFE_INTEGER) - (b.maxAmount ?? Number.MAX_SAFE_INTEGER));
  const out: StaffRole[] = [];
  for (const r of fit) if (!out.includes(r.role)) out.push(r.role);
  return out;
}

/** Swedish message for a decider without delegation, naming who may decide. */
export function noDelegationMessage(rows: readonly DelegationRow[], role: StaffRole, outcome: DecisionOutcome, amount: number, date: string): string {
  const roles = rolesThatMayDecide(rows, outcome, amount, date);
  const what = amount > 0 ? `${DECISION_OUTCOME_LABELS[outcome].toLowerCase()} på ${formatKr(amount)}` : DECISION_OUTCOME_LABELS[outcome].toLowerCase();
  const who = roles.length ? `Beslutet kan fattas av: ${roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(', ')}.` : 'Ingen roll har delegation för beslutet; kontakta enhetschefen.';
  return `Du (${ROLE_LABELS[role].toLowerCase()}) har inte delegation att fatta beslut om ${what}. ${who} Använd ”Skicka till beslutsfattare”.`;
}

export type DeciderCheck = { ok: true } | { ok: false; message: string };

/** With four-eyes on decisions the one who decides is not the one who prepared (presented) the decision. */
export function checkFourEyesDecider(fourEyesDecision: boolean, presentingOfficer: string | null, decider: string): DeciderCheck {
  if (fourEyesDecision && presentingOfficer === decider) {
    return { ok: false, message: 'Kommunen kräver fyra ögon på beslut: en annan person än den som beredde beslutet (föredragande) ska fatta det. Skicka beslutet till beslutsfattare.' };
  }
  return { ok: true };
}
