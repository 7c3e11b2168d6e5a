/** Display formatting. Money is integer öre; times are stored in UTC and shown in Europe/Stockholm. */
import { isIsoDate, swedishDate, swedishInstant, wallClock } from '@vagen/domain/calendar.ts';
import { formatKronor } from '@vagen/domain/money.ts';

export const TIME_ZONE = 'Europe/Stockholm';

/** 123400 öre → "1 234 kr"; 123450 → "1 234,50 kr"; "–" when there is no amount. The domain's formatKronor writes it. */
export function formatMoney(ore: number | null | undefined, locale = 'sv-SE'): string {
  if (ore === null || ore === undefined || !Number.isFinite(ore)) return '–';
  return formatKronor(ore, locale);
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
  return swedishDate(now);
}

/** The Stockholm wall-clock time now as a <input type="datetime-local"> value, 'YYYY-MM-DDTHH:MM'. */
export function nowInStockholmLocal(now = new Date()): string {
  const l = wallClock(now);
  return `${l.date}T${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
}

/** A <input type="datetime-local"> value (Stockholm wall-clock time) → ISO 8601 UTC. */
export function stockholmLocalToIso(local: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m || !isIsoDate(m[1]!)) return null;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (hour > 23 || minute > 59) return null;
  return swedishInstant(m[1]!, hour, minute).toISOString();
}
