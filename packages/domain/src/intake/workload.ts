/**
 * Assignment by workload, competence and case weight (newly hired staff must not too quickly get tasks that are too
 * qualified for their experience). The rule of what is "heavy" is configuration (HeavyCaseRule).
 */
import { addMonthsIso, wholeYearsBetween } from '../calendar.ts';
import type { HeavyCaseRule } from './settings.ts';

export interface CaseWeightFacts {
  children: number;
  protectedIdentity: boolean;
  /** Distinct months with a granted (or partly granted) decision in the rule's window. */
  assistanceMonths: number;
}

export type HeavyCaseReason = 'manyChildren' | 'protectedIdentity' | 'longTermAssistance';
export const HEAVY_CASE_REASON_LABELS: Record<HeavyCaseReason, string> = {
  manyChildren: 'Många barn i hushållet',
  protectedIdentity: 'Skyddade personuppgifter',
  longTermAssistance: 'Långvarigt bistånd',
};

/** A case is heavy when any criterion holds: ≥ minChildren children, protected identity, or long-term assistance. */
export function caseWeight(facts: CaseWeightFacts, rule: HeavyCaseRule): { heavy: boolean; reasons: HeavyCaseReason[] } {
  const reasons: HeavyCaseReason[] = [];
  if (facts.children >= rule.minChildren) reasons.push('manyChildren');
  if (rule.protectedIdentity && facts.protectedIdentity) reasons.push('protectedIdentity');
  if (facts.assistanceMonths >= rule.assistanceMonths) reasons.push('longTermAssistance');
  return { heavy: reasons.length > 0, reasons };
}

/** Plain-Swedish description of the rule, shown next to the caseload table. */
export function describeHeavyRule(rule: HeavyCaseRule): string {
  const parts = [`minst ${rule.minChildren} barn i hushållet`];
  if (rule.protectedIdentity) parts.push('skyddade personuppgifter');
  parts.push(
    rule.assistanceMonths >= rule.assistanceWindowMonths
      ? `bistånd varje månad de senaste ${rule.assistanceWindowMonths} månaderna`
      : `bistånd minst ${rule.assistanceMonths} av de senaste ${rule.assistanceWindowMonths} månaderna`,
  );
  return `Ett ärende räknas som tungt vid något av: ${parts.join(', ')}.`;
}

/** Full years between employed_since and today (YYYY-MM-DD), never negative. */
export function yearsOfExperience(employedSince: string, today: string): number {
  return wholeYearsBetween(employedSince, today);
}

/** New staff: employed for less than `months` months on `today`. */
export function isNewStaff(employedSince: string, today: string, months: number): boolean {
  const limit = addMonthsIso(today, -months);
  return employedSince > limit;
}

export function heavyForNewStaffWarning(workerName: string): string {
  return `${workerName} är nyanställd och ärendet är tungt. Enligt introduktionen ska nyanställda inte få de tyngsta ärendena. Välj en annan handläggare eller bekräfta att du ändå vill fördela ärendet.`;
}
