/**
 * Norm calculation (riksnorm, skäliga kostnader, inkomster, jobbstimulans). Pure: no I/O, no clock.
 *
 *   const rules = buildRuleSet(documents);      // parsed JSON from packages/domain/rules/*.json
 *   const result = calculateNorm(rules, input); // throws NormInputError / NormRuleMissingError
 *
 * input.ts      the input: its fields declared once (validation with Swedish messages, and the TypeScript types)
 * engine.ts     the calculation: one pass that builds the lines with their explanations
 * rule-types.ts the rule data's types; rule-documents.ts reads and checks the rule documents; rule-months.ts builds
 *               the rule set: the rules in force in each month
 */
export * from './types.ts';
export { calculateNorm, NORM_RULE_IDS } from './engine.ts';
export { validateNormInput, MAX_CHILDREN, MAX_COSTS, MAX_INCOMES } from './input.ts';
export { expectedDocuments, expectedDocumentRules, documentsForFacts, type AdultFacts, type ExpectedDocument } from './expected-documents.ts';
export { buildRuleSet } from './rule-months.ts';
export {
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
} from './rule-types.ts';
export { NormInputError, NormRuleMissingError, RuleDataError } from './errors.ts';
export { COST_TYPE_LABELS, COST_TYPE_HEADING, INCOME_TYPE_LABELS } from './labels.ts';
export { formatKr, mulDivRoundKronaHalfUp, mulDivRoundKronaHalfDown, roundToKrona, MAX_AMOUNT_ORE } from './money.ts';
