/**
 * Swedish public holidays and the days on which a statutory time limit does not end: the holiday half of the one
 * calendar (calendar.ts), next to it.
 *
 * - Allmänna helgdagar: lag (1989:253) om allmänna helgdagar — nyårsdagen, trettondedag jul, långfredagen, påskdagen,
 *   annandag påsk, första maj, Kristi himmelsfärdsdag, nationaldagen, pingstdagen, midsommardagen, alla helgons dag,
 *   juldagen, annandag jul, and every Sunday.
 * - Lag (1930:173) om beräkning av lagstadgad tid: when the last day of a period falls on a Saturday, a Sunday or
 *   another allmän helgdag, midsommarafton, julafton or nyårsafton, the act may be done on the next working day.
 * Easter is computed (Gregorian computus, "anonymous" algorithm); the moving holidays follow from it.
 */
import { addDaysIso, weekdayIso } from './calendar.ts';

/** Easter Sunday of a Gregorian year, 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The weekday (0 = Sunday … 6 = Saturday) that falls in [from, from+6]. */
function weekdayInRange(from: string, weekday: number): string {
  for (let i = 0; i < 7; i++) {
    const d = addDaysIso(from, i);
    if (weekdayIso(d) === weekday) return d;
  }
  throw new Error('unreachable');
}

/** Allmänna helgdagar other than ordinary Sundays (lag 1989:253), date → Swedish name. */
export function swedishPublicHolidays(year: number): Map<string, string> {
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const days: [string, string][] = [
    [`${y}-01-01`, 'nyårsdagen'],
    [`${y}-01-06`, 'trettondedag jul'],
    [addDaysIso(easter, -2), 'långfredagen'],
    [easter, 'påskdagen'],
    [addDaysIso(easter, 1), 'annandag påsk'],
    [`${y}-05-01`, 'första maj'],
    [addDaysIso(easter, 39), 'Kristi himmelsfärdsdag'],
    [`${y}-06-06`, 'Sveriges nationaldag'],
    [addDaysIso(easter, 49), 'pingstdagen'],
    [weekdayInRange(`${y}-06-20`, 6), 'midsommardagen'],
    [weekdayInRange(`${y}-10-31`, 6), 'alla helgons dag'],
    [`${y}-12-25`, 'juldagen'],
    [`${y}-12-26`, 'annandag jul'],
  ];
  return new Map(days);
}

/** Why a time limit cannot end on this day (lag 1930:173), or null when it is a working day. */
export function deadlineDayOffReason(date: string): string | null {
  const holiday = swedishPublicHolidays(Number(date.slice(0, 4))).get(date);
  if (holiday) return holiday;
  const wd = weekdayIso(date);
  if (wd === 0) return 'söndag';
  if (wd === 6) return 'lördag';
  const md = date.slice(5);
  if (md === '12-24') return 'julafton';
  if (md === '12-31') return 'nyårsafton';
  // Midsommarafton: the Friday before midsommardagen (19–25 June).
  if (wd === 5 && md >= '06-19' && md <= '06-25') return 'midsommarafton';
  return null;
}

/** The date itself when it is a working day, otherwise the next one; with the days passed over and why. */
export function nextSwedishWorkingDay(date: string): { date: string; skipped: { date: string; reason: string }[] } {
  const skipped: { date: string; reason: string }[] = [];
  let d = date;
  for (let reason = deadlineDayOffReason(d); reason; reason = deadlineDayOffReason(d)) {
    skipped.push({ date: d, reason });
    d = addDaysIso(d, 1);
  }
  return { date: d, skipped };
}

/** The date itself when it is a working day, otherwise the closest earlier one (e.g. a payment date rule). */
export function previousSwedishWorkingDay(date: string): string {
  let d = date;
  while (deadlineDayOffReason(d)) d = addDaysIso(d, -1);
  return d;
}
