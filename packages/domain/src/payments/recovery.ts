/**
 * Återkrav (SoL 2025:400 33 kap.; old SoL 2001:453 9 kap. 1–2 §§): a claim on a case with a ledger of
 * what was claimed, repaid, written off or adjusted. The balance is the sum of the ledger and is never negative.
 * The grounds are configuration (recoveryBases), one document per law; the day the assistance was granted picks it.
 */
import { formatKr } from '../norm/money.ts';
import type { RecoveryBasisConfig } from './settings.ts';

/** How a written decision was served on the person (delgivning). A presumed receipt by post is not one of them. */
export const DECISION_SERVICE_METHODS = ['receipt', 'inPerson', 'simplified'] as const;
export type DecisionServiceMethod = (typeof DECISION_SERVICE_METHODS)[number];
export const DECISION_SERVICE_METHOD_LABELS: Record<DecisionServiceMethod, string> = {
  receipt: 'Mottagningsbevis (den enskilde har kvitterat beslutet)',
  inPerson: 'Överlämnat personligen mot kvittens',
  simplified: 'Förenklad delgivning',
};

/** What a claim needs to know about the grant decision it rests on. */
export interface GrantDecisionFacts {
  /** Decided, and grants assistance (bifall or delavslag with an amount). */
  grantsAssistance: boolean;
  /** The written decision (the decision letter) exists. */
  written: boolean;
  /** The day the decision was served on the person, when recorded. */
  servedOn: string | null;
  /** The legal reference of the repayment ground the decision stated, if any. */
  statedReferenceId: string | null;
}

export interface RecoveryFieldError {
  path: string;
  message: string;
}

/**
 * Whether a claim on `ground` may rest on the grant decision. Grounds that must be stated when granting need a
 * written decision that was served and stated that very ground; a claim without them is refused, because the person
 * could not have known that the assistance was to be repaid. Field paths are those of the claim's request body.
 */
export function grantConditionErrors(ground: RecoveryBasisConfig, grant: GrantDecisionFacts | null): RecoveryFieldError[] {
  if (!ground.requiresStatedInGrant) return [];
  const on = `Återkrav enligt ${ground.legalReference}`;
  if (!grant) {
    return [
      { path: '/body/decisionId', message: `${on} kräver att du väljer beslutet om bistånd. Beslutet ska ha meddelats skriftligt, ha delgetts den enskilde och ha angett grunden för återbetalning.` },
    ];
  }
  const errors: RecoveryFieldError[] = [];
  if (!grant.grantsAssistance) errors.push({ path: '/body/decisionId', message: `${on} kräver ett fattat beslut som beviljar bistånd.` });
  else if (!grant.written) errors.push({ path: '/body/decisionId', message: `${on} kräver att beslutet om bistånd har meddelats skriftligt. Beslutet har inget beslutsbrev.` });
  else if (!grant.servedOn) errors.push({ path: '/body/decisionId', message: `${on} kräver att beslutet om bistånd har delgetts den enskilde. Ingen delgivning är registrerad på beslutet.` });
  if (!grant.statedReferenceId || !ground.grantReferenceIds.includes(grant.statedReferenceId)) {
    errors.push({
      path: '/body/basis',
      message: `Beslutet om bistånd angav inte ”${ground.label.toLowerCase()}” som grund för återbetalning. ${on} kan bara göras om beslutet innehöll den grunden.`,
    });
  }
  return errors;
}

export const RECOVERY_ENTRY_KINDS = ['claimed', 'repaid', 'writtenOff', 'adjusted'] as const;
export type RecoveryEntryKind = (typeof RECOVERY_ENTRY_KINDS)[number];

export const RECOVERY_ENTRY_LABELS: Record<RecoveryEntryKind, string> = {
  claimed: 'Krav',
  repaid: 'Återbetalt',
  writtenOff: 'Avskrivet',
  adjusted: 'Justering',
};

export type RecoveryClaimState = 'open' | 'settled';
export const RECOVERY_STATE_LABELS: Record<RecoveryClaimState, string> = { open: 'Öppet', settled: 'Reglerat' };

/** Signed effect of an entry on the balance. `amount` is positive except for 'adjusted', which may be either sign. */
export function recoveryEntryEffect(kind: RecoveryEntryKind, amount: number): number {
  switch (kind) {
    case 'claimed':
      return amount;
    case 'adjusted':
      return amount;
    default:
      return -amount;
  }
}

export type RecoveryEntryCheck = { ok: true; balanceAfter: number } | { ok: false; message: string };

export function applyRecoveryEntry(balance: number, kind: RecoveryEntryKind, amount: number): RecoveryEntryCheck {
  if (!Number.isSafeInteger(amount)) return { ok: false, message: 'Beloppet ska anges i hela ören.' };
  if (kind === 'adjusted') {
    if (amount === 0) return { ok: false, message: 'En justering kan inte vara noll.' };
  } else if (amount <= 0) {
    return { ok: false, message: 'Beloppet ska vara större än noll.' };
  }
  const after = balance + recoveryEntryEffect(kind, amount);
  if (after < 0) {
    return { ok: false, message: `Saldot kan inte bli negativt. Kvar att betala är ${formatKr(balance)}.` };
  }
  return { ok: true, balanceAfter: after };
}

/** Replays a ledger; throws nothing — returns the first entry that would break the rule, if any. */
export function recoveryBalance(entries: readonly { kind: RecoveryEntryKind; amount: number }[]): { balance: number; brokenAt: number | null } {
  let balance = 0;
  for (let i = 0; i < entries.length; i++) {
    const r = applyRecoveryEntry(balance, entries[i]!.kind, entries[i]!.amount);
    if (!r.ok) return { balance, brokenAt: i };
    balance = r.balanceAfter;
  }
  return { balance, brokenAt: null };
}

export function recoveryStateOf(balance: number): RecoveryClaimState {
  return balance === 0 ? 'settled' : 'open';
}
