/** The payment date rule: e.g. day 27 of the month before the period, moved back to a banking day; acute = as soon as possible. */
import { addBankingDays, bankingDayOffReason, isBankingDay, onOrBeforeBankingDay } from './banking-days.ts';
import type { PaymentDateRule } from './settings.ts';

export type PaymentTiming = 'ordinary' | 'acute';

export interface PlannedPaymentDate {
  date: string;
  /** 'rule' = the configured day; 'moved' = moved back to a banking day; 'asap' = acute; 'late' = the rule's day has passed. */
  basis: 'rule' | 'moved' | 'asap' | 'late';
  /** Plain Swedish explanation shown next to the date. */
  explanation: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthPlus(yearMonth: string, offset: number): { year: number; month: number } {
  const y = Number(yearMonth.slice(0, 4));
  const m = Number(yearMonth.slice(5, 7)) - 1 + offset;
  return { year: y + Math.floor(m / 12), month: (((m % 12) + 12) % 12) + 1 };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function whyNotBankingDay(date: string): string {
  return bankingDayOffReason(date) ?? 'bankdag';
}

/**
 * The planned payment date for a decision period starting `periodStart` (YYYY-MM-DD), decided and proposed `today`.
 * Never earlier than today + the lead time in banking days.
 */
export function plannedPaymentDate(rule: PaymentDateRule, input: { periodStart: string; today: string; timing: PaymentTiming }): PlannedPaymentDate {
  const earliest = addBankingDays(input.today, rule.leadBankingDays);
  if (input.timing === 'acute') {
    const date = addBankingDays(input.today, Math.max(rule.acute.bankingDaysFromToday, rule.leadBankingDays));
    return { date, basis: 'asap', explanation: 'Akut utbetalning: så snart som möjligt (nästa möjliga bankdag).' };
  }
  const { year, month } = monthPlus(input.periodStart, rule.ordinary.monthOffset);
  const day = Math.min(rule.ordinary.dayOfMonth, daysIn(year, month));
  const target = `${year}-${pad(month)}-${pad(day)}`;
  const moved = onOrBeforeBankingDay(target);
  if (moved < earliest) {
    return { date: earliest, basis: 'late', explanation: `Den ordinarie dagen (${target}) har redan passerat; utbetalning så snart som möjligt.` };
  }
  if (moved !== target) {
    return { date: moved, basis: 'moved', explanation: `${target} är inte en bankdag (${whyNotBankingDay(target)}); flyttad till närmast föregående bankdag.` };
  }
  return { date: target, basis: 'rule', explanation: `Ordinarie utbetalningsdag: den ${rule.ordinary.dayOfMonth}:e.` };
}

/** A date the caseworker chose instead: a banking day, not earlier than the earliest possible. Null = fine. */
export function checkChosenPaymentDate(rule: PaymentDateRule, date: string, today: string): string | null {
  if (!isBankingDay(date)) return `${date} är inte en bankdag (${whyNotBankingDay(date)}). Välj en vardag som inte är helgdag.`;
  const earliest = addBankingDays(today, rule.leadBankingDays);
  if (date < earliest) return `Tidigaste möjliga utbetalningsdag är ${earliest}.`;
  return null;
}
