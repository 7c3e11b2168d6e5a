/**
 * Calendar dates as 'YYYY-MM-DD' strings (no time, no time zone). Pure arithmetic on the proleptic Gregorian
 * calendar through UTC, so the result never depends on where the code runs.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toUtc(date: string): Date {
  const m = ISO.exec(date);
  if (!m) throw new Error(`Ogiltigt datum: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDaysIso(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Calendar months; a day that does not exist in the target month becomes its last day (31 jan + 1 month = 28/29 feb). */
export function addMonthsIso(date: string, months: number): string {
  const d = toUtc(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIso(date: string): number {
  return toUtc(date).getUTCDay();
}

/** Whole days from a to b (positive when b is later). */
export function daysBetweenIso(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

export const WEEKDAY_NAMES_SV = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'] as const;
