/**
 * Which documents are expected for which facts, from dated rule data (kind "expectedDocuments", e.g. a medical
 * certificate for an adult whose work capacity is reduced by illness, from 1 July 2026). Pure: the month decides which
 * rules apply; nothing here reads a clock.
 */
import { parseMonth } from './dates.ts';
import type { AdultDocumentFact, ExpectedDocumentRule, LegalReference, RuleSet } from './rule-types.ts';

/** The facts about one adult that can make a document expected. */
export type AdultFacts = { id: string } & Partial<Record<AdultDocumentFact, boolean>>;

export interface ExpectedDocument {
  /** Id of the rule, e.g. "medical-certificate". */
  document: string;
  /** "Läkarintyg". */
  label: string;
  /** The adult the document is expected from. */
  person: string;
  /** The fact that makes it expected. */
  fact: AdultDocumentFact;
  /** Why, in plain Swedish. */
  text: string;
  reference: LegalReference;
  validFrom: string;
}

/** The documents expected from the adults, given the rules in force in the month (already filtered by month). */
export function documentsForFacts(rules: readonly ExpectedDocumentRule[], adults: readonly AdultFacts[]): ExpectedDocument[] {
  const out: ExpectedDocument[] = [];
  for (const adult of adults) {
    for (const rule of rules) {
      if (adult[rule.whenAdult] === true) {
        out.push({ document: rule.id, label: rule.label, person: adult.id, fact: rule.whenAdult, text: rule.text, reference: rule.reference, validFrom: rule.validFrom });
      }
    }
  }
  return out;
}

/** The rules of the rule set that are in force in the month ("YYYY-MM"); [] for a month that is not a valid month. */
export function expectedDocumentRules(ruleSet: RuleSet, month: string): ExpectedDocumentRule[] {
  if (!parseMonth(month)) return [];
  // "YYYY-MM" strings compare in calendar order; validity starts on the first and ends on the last day of a month.
  return ruleSet.expectedDocuments.filter((d) => d.validFrom.slice(0, 7) <= month && (d.validTo === null || month <= d.validTo.slice(0, 7)));
}

/**
 * The documents expected in the month for the adults' facts, e.g.
 * `expectedDocuments(rules, '2026-09', [{ id: 'a1', reducedWorkCapacityDueToIllness: true }])` → a medical certificate
 * from a1.
 */
export function expectedDocuments(ruleSet: RuleSet, month: string, adults: readonly AdultFacts[]): ExpectedDocument[] {
  return documentsForFacts(expectedDocumentRules(ruleSet, month), adults);
}
