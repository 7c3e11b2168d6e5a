import type { SummaryError } from '../components/forms.tsx';

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
  returned: 'badge-correction',
};

/** Roles that see the Kassa page (the API's payment.approve). */
export const canUseKassa = (role: string | undefined) => role === 'cashier';
