/** The appeal configuration documents (packages/domain/rules/casework/appeal-*.json), typed. */
import Mustache from 'mustache';
import { getCaseworkRules, type CaseworkDocument } from '../rules/casework-rules.ts';

export interface AppealSettings extends CaseworkDocument {
  appealPeriodWeeks: number;
  presumedPostalDays: number;
  forwardWithinDays: number;
  court: { name: string; addressLines: string[] } | null;
  /** Where the person sends a förvaltningsbesvär (to the municipality, which then forwards it): printed in decision letters. */
  submitTo: { postalAddressLines: string[]; eServiceAddress: string } | null;
  lateExceptions: { code: string; label: string }[];
  legalReferences: Record<string, string>;
}

export interface AppealLetters extends CaseworkDocument {
  appealDocument: { title: string; intro: string };
  reconsideration: {
    title: string;
    unchangedIntro: string;
    unchangedNext: string;
    changedIntro: string;
    changedFully: string;
    changedPartly: string;
    legalBasis: string;
    appealInstructions: string;
  };
  dismissal: { title: string; body: string; legalBasis: string; appealInstructions: string };
  forwarding: {
    title: string;
    intro: string;
    introLateException: string;
    reconsiderationUnchanged: string;
    reconsiderationChangedPartly: string;
    enclosuresHeading: string;
    closing: string;
  };
}

export function appealSettings(municipality: string, date: string): AppealSettings {
  return getCaseworkRules().require<AppealSettings>('appealSettings', municipality, date);
}

export function appealLetters(municipality: string, date: string): AppealLetters {
  return getCaseworkRules().require<AppealLetters>('appealLetters', municipality, date);
}

/** Fills {{placeholders}} in a configured text; plain text, nothing is HTML-escaped. */
export function fill(template: string, values: Record<string, string | number>): string {
  return Mustache.render(template, values, {}, { escape: (v: unknown) => String(v) });
}
