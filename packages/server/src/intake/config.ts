import type { FirstVisitLetterTemplate, IntakeChecklists, IntakeSettings } from '@vagen/domain';
import { getCaseworkRules, type CaseworkDocument } from '../rules/casework-rules.ts';

/** The intake configuration in force for a municipality on a date (YYYY-MM-DD); a missing document is a config error. */
export function intakeConfig(municipality: string, date: string) {
  const rules = getCaseworkRules();
  const lifecycle = rules.require<CaseworkDocument & { reopenWithinMonths: number }>('caseLifecycle', municipality, date);
  return {
    settings: rules.require<CaseworkDocument & IntakeSettings>('intakeSettings', municipality, date),
    checklists: rules.require<CaseworkDocument & IntakeChecklists>('intakeChecklists', municipality, date),
    letter: rules.require<CaseworkDocument & FirstVisitLetterTemplate>('firstVisitLetter', municipality, date),
    reopenWithinMonths: lifecycle.reopenWithinMonths,
  };
}
export type IntakeConfig = ReturnType<typeof intakeConfig>;
