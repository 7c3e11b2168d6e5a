/** A payment proposal splits the decided amount between payees; the parts must add up exactly. All amounts in öre. */
import { formatKr } from '../norm/money.ts';

export type SplitCheck = { ok: true; remaining: number } | { ok: false; kind: 'nothingLeft' | 'sum'; message: string };

/**
 * `alreadyActive` = the decision's payments that are not stopped. The new parts must cover exactly what is left, so
 * that the decision is paid once and in full (a stopped part frees its amount for a new proposal).
 */
export function checkPaymentSplit(decisionAmount: number, alreadyActive: number, parts: readonly number[]): SplitCheck {
  const remaining = decisionAmount - alreadyActive;
  if (remaining <= 0) return { ok: false, kind: 'nothingLeft', message: 'Hela det beslutade beloppet har redan föreslagits för utbetalning.' };
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum !== remaining) {
    const of = alreadyActive > 0 ? `det som återstår av beslutet (${formatKr(remaining)})` : `det beslutade beloppet (${formatKr(remaining)})`;
    return { ok: false, kind: 'sum', message: `Delarna blir tillsammans ${formatKr(sum)} men ska vara exakt ${of}.` };
  }
  return { ok: true, remaining };
}
