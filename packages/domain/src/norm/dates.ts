/**
 * Calendar helpers without Date or Intl (pure, no time zones). Dates are ISO strings "YYYY-MM-DD", months
 * "YYYY-MM".
 */
import { MONTH_NAMES_SV } from '../calendar.ts';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export { MONTH_NAMES_SV };

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

export interface YearMonthDay extends YearMonth {
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** "2026-03" → { year: 2026, month: 3 }, or null when not a month. */
export function parseMonth(text: string): YearMonth | null {
  const m = MONTH_RE.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** Two or four ASCII digits at `at` → number, or -1. */
function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** "2021-05-10" → { year, month, day }, or null when not a real calendar date. */
export function parseDate(text: string): YearMonthDay | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * Age in whole years on the first day of the month (the age the riksnorm uses). A child born during the month is 0;
 * a child born after the month gets a negative age.
 */
export function ageOnFirstOfMonth(birth: YearMonthDay, year: number, month: number): number {
  const age = year - birth.year - (birth.month * 100 + birth.day > month * 100 + 1 ? 1 : 0);
  return age < 0 && birth.year === year && birth.month === month ? 0 : age;
}

/** A month as one integer (year × 12 + month − 1), for comparisons and indexing. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

export function monthKey(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** "2026-03" → "mars 2026". */
export function monthLabel(year: number, month: number): string {
  return `${MONTH_NAMES_SV[month - 1]} ${year}`;
}
