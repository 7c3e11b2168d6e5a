/**
 * Closing and reopening of cases by rule (the caseLifecycle configuration document,
 * packages/domain/rules/casework/case-lifecycle.json):
 * - a case that is active or monitored and has had no application for `closeAfterMonthsWithoutApplication` months
 *   is closed with closure reason `noApplication`;
 * - a new application within `reopenWithinMonths` of the closure goes back to the same case and the same worker.
 * The unit manager checks each month that no case is kept open that should not be; this makes that rule automatic
 * and visible.
 */
import { addDaysIso, addMonthsIso } from '../calendar.ts';

export interface CaseLifecycleRule {
  closeAfterMonthsWithoutApplication: number;
  reopenWithinMonths: number;
}

export interface AutoCloseCandidate {
  id: string;
  status: string;
  /** Date (YYYY-MM-DD) the case was opened. */
  openedOn: string;
  /** Date of the latest application, if any. */
  lastApplicationOn: string | null;
  /** Date the case was last brought back from closed (återaktualisering), if ever. */
  lastReopenedOn?: string | null;
  /** An appeal still being handled keeps the case open. */
  openAppeals?: number;
}

export interface AutoCloseVerdict {
  id: string;
  close: boolean;
  /** The day counting starts from: the latest of application, opening and reopening. */
  since: string;
  /** The first day the case may be closed by the rule. */
  closesOn: string;
  reason: string;
}

const CLOSABLE = new Set(['active', 'monitoring']);

/** The first day a case whose activity was on `since` is closed: one full period has passed. */
export function autoCloseDate(since: string, months: number): string {
  return addDaysIso(addMonthsIso(since, months), 1);
}

export function autoCloseVerdict(c: AutoCloseCandidate, today: string, rule: CaseLifecycleRule): AutoCloseVerdict {
  const since = [c.openedOn, c.lastApplicationOn, c.lastReopenedOn]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1)!;
  const closesOn = autoCloseDate(since, rule.closeAfterMonthsWithoutApplication);
  const months = rule.closeAfterMonthsWithoutApplication;
  const period = months === 1 ? 'en månad' : `${months} månader`;
  if (!CLOSABLE.has(c.status)) return { id: c.id, close: false, since, closesOn, reason: 'Ärendet är inte aktuellt eller under bevakning.' };
  if ((c.openAppeals ?? 0) > 0) return { id: c.id, close: false, since, closesOn, reason: 'Ett överklagande handläggs fortfarande.' };
  if (today < closesOn) return { id: c.id, close: false, since, closesOn, reason: `Det har inte gått ${period} utan ansökan.` };
  const what = c.lastApplicationOn && c.lastApplicationOn === since ? `senaste ansökan ${since}` : `ärendet öppnades eller återaktualiserades ${since}`;
  return { id: c.id, close: true, since, closesOn, reason: `Ingen ny ansökan på ${period} (${what}).` };
}

/** The cases to close today, each with the reason written to the status history and the journal. */
export function casesToAutoClose(cases: readonly AutoCloseCandidate[], today: string, rule: CaseLifecycleRule): AutoCloseVerdict[] {
  return cases.map((c) => autoCloseVerdict(c, today, rule)).filter((v) => v.close);
}

export interface ClosedCaseFact {
  id: string;
  status: string;
  /** Date the case was closed. */
  closedOn: string | null;
  responsibleWorkerId: string | null;
}

/**
 * For intake: the closed case that a new application on `today` reopens (same case, same worker), or null when a
 * new case should be opened. The most recently closed case within the period wins.
 */
export function reopenableCase<T extends ClosedCaseFact>(cases: readonly T[], today: string, rule: Pick<CaseLifecycleRule, 'reopenWithinMonths'>): T | null {
  const candidates = cases
    .filter((c) => c.status === 'closed' && c.closedOn && c.closedOn <= today && today <= addMonthsIso(c.closedOn, rule.reopenWithinMonths))
    .sort((a, b) => b.closedOn!.localeCompare(a.closedOn!));
  return candidates[0] ?? null;
}
