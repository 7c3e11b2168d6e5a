/** UTC-only date helpers for the seeder. Dates are 'YYYY-MM-DD', timestamps ISO-8601 UTC strings. */
// Plain integer calendar arithmetic (H. Hinnant's days_from_civil / civil_from_days): generating a million rows
// calls these millions of times, and Date objects with toISOString() were the seeder's bottleneck.
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function civilFromDays(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

function toDays(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Validates a YYYY-MM-DD date and returns it. */
export function parseDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || civilFromDays(toDays(date)) !== date) throw new Error(`Ogiltigt datum: ${date}`);
  return date;
}

export function addDays(date: string, days: number): string {
  return civilFromDays(toDays(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDays(to) - toDays(from);
}

/** First day of the month of `date`. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** First day of the month `months` after the month of `date`. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
}

/** Day `day` of the month of `date`, clamped to the month's length. */
export function dayOfMonth(date: string, day: number): string {
  const first = monthStart(date);
  const last = monthEnd(first);
  const d = Math.min(day, Number(last.slice(8, 10)));
  return `${first.slice(0, 8)}${String(d).padStart(2, '0')}`;
}

export function monthEnd(date: string): string {
  return addDays(addMonths(date, 1), -1);
}

/** `years` calendar years before `date` (29 February becomes 28 February). */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-02-28` : `${y}-${md}`;
}

/** Timestamp on `date` at hh:mm UTC. */
export function at(date: string, hour: number, minute: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
}

export function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
