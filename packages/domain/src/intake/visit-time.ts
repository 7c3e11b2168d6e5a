import { formatSwedishDate, wallClock, WEEKDAY_NAMES_SV } from '../calendar.ts';
import type { IntakeSettings } from './settings.ts';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A first visit must be in the future, on a working weekday, and start within office hours (from ≤ start ≤ to, in
 * the municipality's time zone). Returns a Swedish message, or null when the time is fine.
 */
export function checkVisitTime(visitAt: Date, now: Date, hours: IntakeSettings['visitHours']): string | null {
  if (Number.isNaN(visitAt.getTime())) return 'Ange en giltig tidpunkt.';
  if (visitAt.getTime() <= now.getTime()) return 'Nybesöket måste bokas till en tid som inte har passerat.';
  const local = wallClock(visitAt, hours.timeZone);
  if (!hours.weekdays.includes(local.weekday)) return 'Nybesöket ska bokas på en vardag (måndag–fredag).';
  const minutes = local.hour * 60 + local.minute;
  if (minutes < toMinutes(hours.from) || minutes > toMinutes(hours.to)) {
    return `Nybesöket ska bokas mellan ${hours.from} och ${hours.to}.`;
  }
  return null;
}

/** "tisdag 17 mars 2026" and "10:30" in the time zone, for letters and screens. */
export function formatVisitTime(at: Date, timeZone: string): { weekday: string; date: string; time: string } {
  const local = wallClock(at, timeZone);
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return { weekday: WEEKDAY_NAMES_SV[local.weekday % 7]!, date: formatSwedishDate(local.date), time };
}
