/**
 * Norm calculation (riksnorm, skäliga kostnader, inkomster, jobbstimulans). Pure: no I/O, no clock.
 *
 *   const rules = buildRuleSet(documents);      // parsed JSON from packages/domain/rules/*.json
 *   const result = calculateNorm(rules, input); // throws NormInputError / NormRuleMissingError
 */
export * from './types.ts';
export { calculateNorm, NORM_RULE_IDS } from './engine.ts';
export { validateNormInput, MAX_CHILDREN, MAX_COSTS, MAX_INCOMES } from './validate.ts';
export { expectedDocuments, expectedDocumentRules, documentsForFacts, type AdultFacts, type ExpectedDocument } from './documents.ts';
export {
  buildRuleSet,
  ADULT_DOCUMENT_FACTS,
  MAX_HOUSEHOLD_SIZE,
  REFERENCE_KEYS,
  REGIME_CONDITION_KEYS,
  type AdultDocumentFact,
  type ExpectedDocumentRule,
  type LargeHouseholdCap,
  type RegimeConditions,
  type CapRow,
  type CellStatus,
  type ChildAgeGroup,
  type CostCap,
  type CountRange,
  type GuidelineSet,
  type LegalReference,
  type MonthRules,
  type PrisbasbeloppYear,
  type ReferenceKey,
  type Regime,
  type RegimeParameters,
  type RiksnormTable,
  type RuleDocument,
  type RuleSet,
} from './rules.ts';
export { NormInputError, NormRuleMissingError, RuleDataError } from './errors.ts';
export { COST_TYPE_LABELS, COST_TYPE_HEADING, INCOME_TYPE_LABELS } from './labels.ts';
export { formatKr, mulDivRoundKronaHalfUp, mulDivRoundKronaHalfDown, roundToKrona, MAX_AMOUNT_ORE } from './money.ts';
