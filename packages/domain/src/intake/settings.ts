/**
 * The configuration documents of intake (packages/domain/rules/casework/intake-*.json and first-visit-letter-*.json),
 * typed. They are data with validity and source; the server loads them, the functions here only read them.
 */
import type { IntakeChecklistFact, IntakeChecklistStage, IntakeTrack } from './types.ts';

export interface IntakeSettings {
  kind: 'intakeSettings';
  id: string;
  municipality?: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  /** Calendar days from receipt to the deadline per track (acute: decision within 1–2 days). */
  deadlineDays: Record<IntakeTrack, number>;
  /** When a first visit may be booked, in the municipality's time zone. */
  visitHours: { timeZone: string; weekdays: number[]; from: string; to: string };
  /** Staff employed for less than this many months count as new (they should not get the heaviest cases). */
  newStaffMonths: number;
  /** What makes a case "heavy" when assigning (any one criterion is enough). */
  heavyCase: HeavyCaseRule;
}

export interface HeavyCaseRule {
  /** At least this many children in the household. */
  minChildren: number;
  /** A household member has skyddade personuppgifter. */
  protectedIdentity: boolean;
  /** At least this many months with assistance granted … */
  assistanceMonths: number;
  /** … within this many months back from today (long-term assistance). */
  assistanceWindowMonths: number;
}

export interface IntakeChecklistItem {
  key: string;
  label: string;
  required: boolean;
  /**
   * A point the system can know is read from the case, never ticked by hand: the fact it follows (computed by the
   * server from the intake's data). Points without it are judgements, ticked by a person.
   */
  derivedFrom?: IntakeChecklistFact;
}

export interface IntakeChecklists {
  kind: 'intakeChecklists';
  id: string;
  municipality?: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  stages: Record<IntakeChecklistStage, IntakeChecklistItem[]>;
}

export interface FirstVisitDocumentOption {
  key: string;
  label: string;
}

/**
 * The first-visit letter. Paragraphs are mustache templates; the view has firstName, lastName, caseNumber,
 * visitDate, visitTime, visitWeekday, place, workerName, unitName, municipalityName.
 */
export interface FirstVisitLetterTemplate {
  kind: 'firstVisitLetter';
  id: string;
  municipality?: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  title: string;
  introParagraphs: string[];
  documentsHeading: string;
  documentsIntro: string;
  closingParagraphs: string[];
  /** The documents the worker can tick for the client to bring. */
  documentOptions: FirstVisitDocumentOption[];
}
