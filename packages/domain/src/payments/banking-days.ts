/**
 * Swedish banking days. A banking day is a weekday that is not an allmän helgdag (lag 1989:253) and not midsommarafton,
 * julafton or nyårsafton — the days the Swedish banks and Bankgirot do not settle payments. That is exactly the set of
 * days on which a statutory time limit does not end (lag 1930:173), so the holiday computation (Easter-based holidays
 * included) is shared with the deadline rules in ../holidays.ts, next to the calendar.
 */
import { addDaysIso } from '../calendar.ts';
import { deadlineDayOffReason, previousSwedishWorkingDay } from '../holidays.ts';

/** Why no payment is settled on this day ('lördag', 'långfredagen', 'julafton' …), or null on a banking day. */
export function bankingDayOffReason(date: string): string | null {
  return deadlineDayOffReason(date);
}

export function isBankingDay(date: string): boolean {
  return bankingDayOffReason(date) === null;
}

/** The date itself when it is a banking day, else the closest banking day before it. */
export function onOrBeforeBankingDay(date: string): string {
  return previousSwedishWorkingDay(date);
}

/** The date itself when it is a banking day, else the closest banking day after it. */
export function onOrAfterBankingDay(date: string): string {
  let d = date;
  while (!isBankingDay(d)) d = addDaysIso(d, 1);
  return d;
}

/** n banking days (n ≥ 0) after a date: 0 gives the date itself, or the next banking day. */
export function addBankingDays(date: string, n: number): string {
  let d = onOrAfterBankingDay(date);
  for (let i = 0; i < n; i++) d = onOrAfterBankingDay(addDaysIso(d, 1));
  return d;
}
