import type { IntakeSettings } from './settings.ts';

/** Local wall-clock parts of an instant in a time zone (Intl only; no clock is read). */
export function intakeLocalParts(at: Date, timeZone: string): { date: string; weekday: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: weekdays[get('weekday')] ?? 0,
    hour: Number(get('hour')),
    minute: Number(get('minute')),
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A first visit must be in the future, on a working weekday, and start within office hours (from ≤ start ≤ to, in
 * the municipality's time zone). Returns a Swedish message, or null when the time is fine.
 */
export function checkVisitTime(visitAt: Date, now: Date, hours: IntakeSettings['visitHours']): string | null {
  if (Number.isNaN(visitAt.getTime())) return 'Ange en giltig tidpunkt.';
  if (visitAt.getTime() <= now.getTime()) return 'Nybesöket måste bokas till en tid som inte har passerat.';
  const local = intakeLocalParts(visitAt, hours.timeZone);
  if (!hours.weekdays.includes(local.weekday)) return 'Nybesöket ska bokas på en vardag (måndag–fredag).';
  const minutes = local.hour * 60 + local.minute;
  if (minutes < toMinutes(hours.from) || minutes > toMinutes(hours.to)) {
    return `Nybesöket ska bokas mellan ${hours.from} och ${hours.to}.`;
  }
  return null;
}

/** "tisdag 17 mars 2026" and "10:30" in the time zone, for letters and screens. */
export function formatVisitTime(at: Date, timeZone: string): { weekday: string; date: string; time: string } {
  const weekday = new Intl.DateTimeFormat('sv-SE', { timeZone, weekday: 'long' }).format(at);
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return { weekday, date, time };
}
