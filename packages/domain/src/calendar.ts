/**
 * The one calendar of Vägen. Two kinds of time, kept apart by type:
 *
 * - an **instant** (`Date`, stored in UTC): when something happened;
 * - a **Swedish date** (`PlainDate`, 'YYYY-MM-DD', no time, no zone): the day a legal record belongs to.
 *
 * A decision, a journal entry, a deadline or a delegation check is dated by the day in Sweden at its instant: a
 * decision at 00:30 Stockholm time belongs to that day, not to the UTC day before (which is what
 * `toISOString().slice(0, 10)` gives). Conversions between the two go through Temporal's time-zone rules (the
 * temporal-polyfill package), so summer time is handled by the IANA database, not by hand. No clock is read here:
 * callers pass the instant.
 */
import { Temporal } from 'temporal-polyfill';

export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

declare const plainDateBrand: unique symbol;
/** A calendar date without time or time zone, 'YYYY-MM-DD'. Made only by this module's functions. */
export type PlainDate = string & { readonly [plainDateBrand]: true };

/** A calendar month, 'YYYY-MM'. */
export type PlainMonth = string;

export const MONTH_NAMES_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'] as const;

export const WEEKDAY_NAMES_SV = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Ogiltigt datum: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function toTemporal(date: string): Temporal.PlainDate {
  const p = parts(date);
  // 'reject': 2026-02-30 is an error, not 2026-02-28.
  return Temporal.PlainDate.from(p, { overflow: 'reject' });
}

const fromTemporal = (d: Temporal.PlainDate): PlainDate => d.toString() as PlainDate;

/** Whether a text is a real calendar date 'YYYY-MM-DD' (2026-02-30 is not). */
export function isIsoDate(value: string): value is PlainDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
}

/** A checked calendar date; throws RangeError on anything else. */
export function plainDate(value: string): PlainDate {
  if (!isIsoDate(value)) throw new RangeError(`Ogiltigt datum: ${value}`);
  return value;
}

// ---- Instants ⇄ Swedish dates ------------------------------------------------------------------------------------

const INSTANT_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function toInstant(at: Date | string): Temporal.Instant {
  if (typeof at === 'string') {
    // A plain date is not an instant: refusing it here keeps a date from being shifted by a time zone by mistake.
    if (!INSTANT_TEXT.test(at)) throw new RangeError(`Inte en tidpunkt med tidszon: ${at}`);
    return Temporal.Instant.from(at);
  }
  if (Number.isNaN(at.getTime())) throw new RangeError('Ogiltig tidpunkt');
  return Temporal.Instant.fromEpochMilliseconds(at.getTime());
}

/** The Swedish calendar date at an instant (a Date, or an ISO 8601 text with a time and a zone). */
export function swedishDate(at: Date | string): PlainDate {
  return fromTemporal(toInstant(at).toZonedDateTimeISO(SWEDISH_TIME_ZONE).toPlainDate());
}

/** The Swedish calendar month ('YYYY-MM') at an instant. */
export function swedishMonth(at: Date | string): PlainMonth {
  return swedishDate(at).slice(0, 7);
}

/** The wall-clock reading at an instant in a zone (Sweden by default). weekday: 1 = Monday … 7 = Sunday. */
export function wallClock(
  at: Date | string,
  timeZone: string = SWEDISH_TIME_ZONE,
): {
  date: PlainDate;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
} {
  const z = toInstant(at).toZonedDateTimeISO(timeZone);
  return { date: fromTemporal(z.toPlainDate()), weekday: z.dayOfWeek, hour: z.hour, minute: z.minute, second: z.second };
}

/**
 * The instant of a Swedish wall-clock time on a date. A time that does not exist (the hour skipped when summer time
 * starts) moves forward; a time that occurs twice (when it ends) takes the earlier one.
 */
export function swedishInstant(date: string, hour = 0, minute = 0, second = 0, millisecond = 0): Date {
  const z = toTemporal(date).toZonedDateTime({
    timeZone: SWEDISH_TIME_ZONE,
    plainTime: new Temporal.PlainTime(hour, minute, second, millisecond),
  });
  return new Date(z.epochMilliseconds);
}

/** The first instant of a Swedish day. */
export function startOfSwedishDay(date: string): Date {
  return new Date(toTemporal(date).toZonedDateTime({ timeZone: SWEDISH_TIME_ZONE }).epochMilliseconds);
}

/** The last instant (millisecond) of a Swedish day: a deadline "on" a date is met until then. */
export function endOfSwedishDay(date: string): Date {
  return new Date(startOfSwedishDay(addDaysIso(date, 1)).getTime() - 1);
}

/** Whole calendar months before an instant, in Swedish local time (the day clamped to the month's length). */
export function subtractMonthsFromInstant(at: Date, months: number): Date {
  const z = toInstant(at).toZonedDateTimeISO(SWEDISH_TIME_ZONE).subtract({ months }, { overflow: 'constrain' });
  return new Date(z.epochMilliseconds);
}

// ---- Arithmetic on dates -------------------------------------------------------------------------------------------

export function addDaysIso(date: string, days: number): PlainDate {
  return fromTemporal(toTemporal(date).add({ days }));
}

/** Calendar months; a day that does not exist in the target month becomes its last day (31 jan + 1 month = 28/29 feb). */
export function addMonthsIso(date: string, months: number): PlainDate {
  return fromTemporal(toTemporal(date).add({ months }, { overflow: 'constrain' }));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIso(date: string): number {
  return toTemporal(date).dayOfWeek % 7;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetweenIso(a: string, b: string): number {
  return toTemporal(a).until(toTemporal(b), { largestUnit: 'days' }).days;
}

/** The first and last day of a month 'YYYY-MM'. */
export function monthBounds(month: PlainMonth): { first: PlainDate; last: PlainDate } {
  const ym = Temporal.PlainYearMonth.from(month);
  return { first: fromTemporal(ym.toPlainDate({ day: 1 })), last: fromTemporal(ym.toPlainDate({ day: ym.daysInMonth })) };
}

/** Full years from one date to another (an age or years of employment), never negative. */
export function wholeYearsBetween(from: string, to: string): number {
  const years = toTemporal(from).until(toTemporal(to), { largestUnit: 'years' }).years;
  return Math.max(0, years);
}

// ---- Swedish text --------------------------------------------------------------------------------------------------

/** "23 november 2026": a date, or the Swedish date of an instant. */
export function formatSwedishDate(value: Date | string): string {
  const date = typeof value === 'string' && isIsoDate(value) ? value : swedishDate(value);
  const p = parts(date);
  return `${p.day} ${MONTH_NAMES_SV[p.month - 1]} ${p.year}`;
}

/** "mars 2026" for 'YYYY-MM'. */
export function formatSwedishMonth(month: PlainMonth): string {
  const ym = Temporal.PlainYearMonth.from(month);
  return `${MONTH_NAMES_SV[ym.month - 1]} ${ym.year}`;
}
