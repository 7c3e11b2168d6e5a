import type { SummaryError } from '../components/forms.tsx';

/**
 * "6 500", "6500,50", "6 500 kr" → öre, exactly (no floating point); null when it is not an amount.
 * `allowNegative` for ledger adjustments.
 */
export function parseKronor(text: string, allowNegative = false): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '').replace('−', '-');
  const m = /^(-)?(\d{1,9})(?:[,.](\d{1,2}))?$/.exec(t);
  if (!m || (m[1] && !allowNegative)) return null;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -ore : ore;
}

/** Field errors (by field name) → error summary entries that link to `${prefix}-${name}`. */
export function summaryOf(prefix: string, errors: Record<string, string>, formError: string | null): SummaryError[] {
  const list: SummaryError[] = formError ? [{ message: formError }] : [];
  for (const [name, message] of Object.entries(errors)) list.push({ fieldId: `${prefix}-${name}`, message });
  return list;
}

export const STAGE_BADGE: Record<string, string> = {
  planned: 'badge-draft',
  approved: 'badge-investigation',
  sent: 'badge-monitoring',
  paid: 'badge-active',
  stopped: 'badge-closed',
};

/** Roles that see the Kassa page (the API's payment.approve). */
export const canUseKassa = (role: string | undefined) => role === 'cashier';
