/**
 * Time limit for an appeal (förvaltningslagen 2017:900 44 §): the appeal must have reached the deciding authority
 * within three weeks of the day the party received the decision. A period counted in weeks ends on the same weekday
 * three weeks later; when that day is a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton the
 * period ends on the next working day (lag 1930:173 om beräkning av lagstadgad tid).
 */
import { addDaysIso, daysBetweenIso } from '../calendar.ts';
import { nextSwedishWorkingDay } from '../holidays.ts';

export interface AppealDeadline {
  /** The day the party received the decision (delgivning). */
  notifiedOn: string;
  /** Same weekday, `weeks` weeks later, before any extension. */
  nominalLastDay: string;
  /** The last day an appeal can arrive in time. */
  lastDay: string;
  /** Days the period was extended over, with the reason (e.g. "långfredagen"). */
  extendedOver: { date: string; reason: string }[];
}

export function appealDeadline(notifiedOn: string, weeks = 3): AppealDeadline {
  const nominalLastDay = addDaysIso(notifiedOn, weeks * 7);
  const next = nextSwedishWorkingDay(nominalLastDay);
  return { notifiedOn, nominalLastDay, lastDay: next.date, extendedOver: next.skipped };
}

export interface AppealTimeliness extends AppealDeadline {
  receivedOn: string;
  inTime: boolean;
  /** Calendar days after the last day (0 when in time). */
  daysLate: number;
}

/** Whether an appeal that arrived on `receivedOn` is in time. An appeal that arrives before notification is in time. */
export function appealTimeliness(receivedOn: string, notifiedOn: string, weeks = 3): AppealTimeliness {
  const deadline = appealDeadline(notifiedOn, weeks);
  const late = daysBetweenIso(deadline.lastDay, receivedOn);
  return { ...deadline, receivedOn, inTime: late <= 0, daysLate: Math.max(0, late) };
}

/**
 * When the day of receipt is not known: the letter's date plus the configured days for postal delivery
 * (appealSettings.presumedPostalDays). The worker can always state the real day instead.
 */
export function presumedNotificationDate(letterDate: string, postalDays: number): string {
  return addDaysIso(letterDate, postalDays);
}

/** Plain Swedish explanation of the computation, for the case page and the journal. */
export function describeAppealTimeliness(t: AppealTimeliness, formatDate: (d: string) => string = (d) => d): string {
  const parts = [`Beslutet togs emot ${formatDate(t.notifiedOn)}. Tre veckor senare är ${formatDate(t.nominalLastDay)}.`];
  if (t.extendedOver.length) {
    parts.push(`Eftersom ${t.extendedOver.map((s) => `${formatDate(s.date)} är ${s.reason}`).join(', ')} förlängs tiden till nästa vardag, ${formatDate(t.lastDay)} (lag 1930:173).`);
  }
  parts.push(
    t.inTime
      ? `Överklagandet kom in ${formatDate(t.receivedOn)} och har kommit in i rätt tid.`
      : `Överklagandet kom in ${formatDate(t.receivedOn)}, ${t.daysLate} ${t.daysLate === 1 ? 'dag' : 'dagar'} för sent. Det ska avvisas om inte ett undantag i 45 § förvaltningslagen gäller.`,
  );
  return parts.join(' ');
}
