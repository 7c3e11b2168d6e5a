/**
 * The one money formatter and parser. Money is integer öre everywhere; this module turns öre into text for people
 * (screens, letters, explanations of a calculation) and text that a person typed back into öre, exactly — no
 * floating point on the way.
 */

export const ORE_PER_KRONA = 100;
/** The largest amount anyone may enter: 10 000 000 kr. */
export const MAX_AMOUNT_ORE = 1_000_000_000;

/** Whole kronor with a space between thousands: 1234567 → "1 234 567". Three digits at a time, from the right. */
function groupKronor(kronor: number): string {
  if (kronor < 1000) return String(kronor);
  const group = kronor % 1000;
  const digits = group >= 100 ? String(group) : group >= 10 ? `0${group}` : `00${group}`;
  return `${groupKronor((kronor - group) / 1000)} ${digits}`;
}

/**
 * Öre as Swedish text: 391000 → "3 910 kr", 123456 → "1 234,56 kr", -5000 → "−50 kr". Whole kronor are shown
 * without öre. Plain spaces group the thousands, so the text is the same in a PDF, a screen reader and a test.
 *
 * With a `locale` other than Swedish (the client pages in English and Arabic) the amount is written the way that
 * language writes Swedish kronor.
 */
export function formatKronor(ore: number, locale?: string): string {
  if (locale !== undefined && !locale.startsWith('sv')) {
    const whole = ore % ORE_PER_KRONA === 0;
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'SEK',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    }).format(ore / ORE_PER_KRONA);
  }
  if (ore < 0) return `−${formatKronor(-ore)}`;
  const rest = ore % ORE_PER_KRONA;
  const kronor = (ore - rest) / ORE_PER_KRONA;
  const fraction = rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`;
  return `${groupKronor(kronor)}${fraction} kr`;
}

/**
 * Öre as the text of an input field, so that a form shows what it will save: 123400 → "1234", 123450 → "1234,50",
 * -5000 → "-50".
 */
export function kronorInputText(ore: number): string {
  if (ore < 0) return `-${kronorInputText(-ore)}`;
  const rest = ore % ORE_PER_KRONA;
  const kronor = (ore - rest) / ORE_PER_KRONA;
  return rest === 0 ? String(kronor) : `${kronor},${String(rest).padStart(2, '0')}`;
}

export interface ParseKronorOptions {
  /** Accept a minus sign (ledger adjustments). */
  allowNegative?: boolean;
  /** What an empty field means: null (not given, the default) or 0. */
  empty?: 'null' | 'zero';
}

/**
 * Kronor as a person types them → integer öre, or null when the text is not an amount.
 * Accepts "6500", "6 500", "6 500 kr", "6500,50", "6500.5" (one or two öre digits) and, with `allowNegative`,
 * "-50" or "−50". Refuses more than two decimals, letters, and amounts above MAX_AMOUNT_ORE.
 */
export function parseKronor(text: string, options: ParseKronorOptions = {}): number | null {
  const t = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/kr$/i, '')
    .replace(/\u2212/g, '-');
  if (t === '') return options.empty === 'zero' ? 0 : null;
  const m = /^(-)?(\d{1,8})(?:[,.](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  if (m[1] && !options.allowNegative) return null;
  const ore = Number(m[2]) * ORE_PER_KRONA + Number((m[3] ?? '').padEnd(2, '0'));
  if (ore > MAX_AMOUNT_ORE) return null;
  return m[1] ? -ore : ore;
}
