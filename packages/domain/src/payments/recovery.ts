/**
 * Återkrav (SoL 2025:400 33 kap.; old SoL 2001:453 9 kap. 1–2 §§, RULES.md §4): a claim on a case with a ledger of
 * what was claimed, repaid, written off or adjusted. The balance is the sum of the ledger and is never negative.
 */
import { formatKr } from '../norm/money.ts';

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
    case 'claimed': return amount;
    case 'adjusted': return amount;
    default: return -amount;
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
