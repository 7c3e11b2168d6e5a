import { subtractMonthsFromInstant } from '../calendar.ts';
import type { IntakeSettings } from './settings.ts';
import type { IntakeTrack } from './types.ts';

const DAY_MS = 86_400_000;

/** The deadline of a first contact: received + the track's calendar days (acute 2, ordinary from configuration). */
export function intakeDeadline(receivedAt: Date, track: IntakeTrack, settings: Pick<IntakeSettings, 'deadlineDays'>): Date {
  return new Date(receivedAt.getTime() + settings.deadlineDays[track] * DAY_MS);
}

export function isIntakeOverdue(deadlineAt: Date, now: Date, done: boolean): boolean {
  return !done && now.getTime() > deadlineAt.getTime();
}

/** Whole minutes since receipt (never negative). */
export function intakeMinutesSince(receivedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - receivedAt.getTime()) / 60_000));
}

/**
 * Återaktualisering: a case closed within `reopenWithinMonths` (configuration kind caseLifecycle) is reopened for a
 * new application instead of opening a new case, and returns to the same worker.
 */
export function isWithinReopenPeriod(closedAt: Date, now: Date, reopenWithinMonths: number): boolean {
  return closedAt.getTime() <= now.getTime() && closedAt.getTime() >= subtractMonthsFromInstant(now, reopenWithinMonths).getTime();
}
