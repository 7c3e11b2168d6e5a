/** Display formatting. Money is integer öre; times are stored in UTC and shown in Europe/Stockholm. */

export const TIME_ZONE = 'Europe/Stockholm';

const moneyCache = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, fractions: 0 | 2): Intl.NumberFormat {
  const key = `${locale}|${fractions}`;
  let f = moneyCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'SEK',
      minimumFractionDigits: fractions,
      maximumFractionDigits: fractions,
    });
    moneyCache.set(key, f);
  }
  return f;
}

/** 123400 öre → "1 234 kr"; 123450 → "1 234,50 kr". */
export function formatMoney(ore: number | null | undefined, locale = 'sv-SE'): string {
  if (ore === null || ore === undefined || !Number.isFinite(ore)) return '–';
  const whole = Number.isInteger(ore / 100);
  return moneyFormat(locale, whole ? 0 : 2).format(ore / 100);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: string): Date | null {
  const m = DATE_ONLY.exec(value);
  // A calendar date: noon UTC is the same date in Stockholm all year.
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-03-05" (a date, or the Stockholm date of a timestamp). */
export function formatDate(value: string | null | undefined, locale = 'sv-SE'): string {
  if (!value) return '–';
  const d = toDate(value);
  if (!d) return value;
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: locale === 'sv-SE' ? 'short' : 'medium' }).format(d);
}

/** "2026-03-05 14:30" in Stockholm time. */
export function formatDateTime(value: string | null | undefined, locale = 'sv-SE'): string {
  if (!value) return '–';
  const d = toDate(value);
  if (!d) return value;
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    dateStyle: locale === 'sv-SE' ? 'short' : 'medium',
    timeStyle: 'short',
  }).format(d);
}

/** "2026-03" → "mars 2026". */
export function formatMonth(value: string | null | undefined, locale = 'sv-SE'): string {
  if (!value) return '–';
  const m = /^(\d{4})-(\d{2})/.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15, 12));
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(d);
}

/** Today's date in Stockholm as YYYY-MM-DD (for date inputs). */
export function todayInStockholm(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A <input type="datetime-local"> value (Stockholm wall-clock time) → ISO 8601 UTC. */
export function stockholmLocalToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Find Stockholm's offset at that instant (two passes handle DST edges).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess).toISOString();
}

function offsetMinutes(date: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(date);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}
