/**
 * Types of the rule data (riksnorm tables, legal regimes, municipal guideline caps, prisbasbelopp, expected documents)
 * as read from the rule documents (rule-documents.ts), and of the rules of one month as the engine uses them
 * (rule-months.ts).
 */
import type { CostType, IncomeType, LineSource } from './types.ts';

/** Largest household size accepted (persons). */
export const MAX_HOUSEHOLD_SIZE = 50;

export interface RuleDocument {
  /** File name (or other label) used in error messages. */
  name: string;
  /** Parsed JSON. */
  data: unknown;
}

export const REFERENCE_KEYS = ['riksnorm', 'reasonableCosts', 'otherLivingCosts', 'incomes', 'childEarnings', 'jobStimulus'] as const;
export type ReferenceKey = (typeof REFERENCE_KEYS)[number];

export interface LegalReference {
  text: string;
  verified: boolean;
  /** What the reference was checked against (statute text and its SFS number), or why it is not verified. */
  source: string | null;
}

export interface RegimeParameters {
  /** Share of income from employment not counted while jobbstimulans is active (percent, 0–100). */
  jobStimulusPercent: number;
  jobStimulusIncomeTypes: readonly IncomeType[];
  /** Income types of a child that are exempt up to N prisbasbelopp per calendar year. */
  childEarningsExemptIncomeTypes: readonly IncomeType[];
  childEarningsExemptPrisbasbelopp: number;
}

/**
 * Conditions a regime sets for a cost to count or for assistance to be given (the 2027 reform). A condition that is
 * absent (null) does not apply; each carries its legal reference.
 */
export interface RegimeConditions {
  /** Rent for a dwelling rented second-hand counts only when the sublet is approved (landlord or rent tribunal). */
  approvedSubletForSecondHandRent: LegalReference | null;
  /** Assistance only to persons lawfully resident in Sweden; emergency aid (nödbistånd) excepted. */
  lawfulResidence: LegalReference | null;
}

export const REGIME_CONDITION_KEYS = ['approvedSubletForSecondHandRent', 'lawfulResidence'] as const;

export interface Regime {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  references: Readonly<Record<ReferenceKey, LegalReference>>;
  parameters: RegimeParameters;
  conditions: RegimeConditions;
}

/**
 * The cap for larger households (bidragstak): from the household's `fromChild`:th child, counted from the oldest, a
 * child's personal costs count at most `amountPerChild`.
 */
export interface LargeHouseholdCap {
  fromChild: number;
  /** Öre. */
  amountPerChild: number;
  provisional: boolean;
  source: string;
}

/** Facts about an adult that make a document expected (see expected-documents.ts). */
export const ADULT_DOCUMENT_FACTS = ['reducedWorkCapacityDueToIllness'] as const;
export type AdultDocumentFact = (typeof ADULT_DOCUMENT_FACTS)[number];

/** A document that is expected when an adult has a fact, from a date (e.g. a medical certificate for illness). */
export interface ExpectedDocumentRule {
  id: string;
  label: string;
  whenAdult: AdultDocumentFact;
  validFrom: string;
  validTo: string | null;
  /** Plain Swedish: why the document is expected. */
  text: string;
  reference: LegalReference;
}

export type CellStatus = 'missing' | 'unverified';

export interface ChildAgeGroup {
  id: string;
  label: string;
  minAge: number;
  maxAge: number;
  /** Öre. The ordinary amount ("med lunch"). */
  amount: number;
  /** Öre, or null when the table has no "ej lunch" amount for the group (ages 7+) or the cell is missing. */
  withoutLunch: number | null;
}

export interface RiksnormTable {
  id: string;
  title: string;
  year: number;
  validFrom: string;
  validTo: string;
  regimes: readonly string[];
  provisional: boolean;
  /** Every cell was checked against the statute text (`verification` says against which). */
  verified: boolean;
  /** What the table was checked against, or what is not verified; null when the file says nothing. */
  verification: string | null;
  source: string;
  children: readonly ChildAgeGroup[];
  /** Öre. */
  adults: { single: number; couple: number };
  /** Öre, index 0 = 1 person. */
  commonByPersons: readonly number[];
  /** Öre, added per person above the table's largest household. */
  extraPerson: number;
  cellStatus: Readonly<Record<string, CellStatus>>;
  /** The cap for larger households, or null (tables before 2027). */
  largeHouseholdCap: LargeHouseholdCap | null;
  notes: readonly string[];
}

export interface CountRange {
  min: number;
  max: number | null;
}

export interface CapRow {
  id: string;
  label: string;
  adults?: CountRange;
  children?: CountRange;
  persons?: CountRange;
  /** Öre. */
  amount: number;
}

export interface CostCap {
  label: string;
  rows: readonly CapRow[];
}

export interface GuidelineSet {
  id: string;
  title: string;
  municipality: string;
  example: boolean;
  validFrom: string;
  validTo: string | null;
  source: string;
  settings: {
    partTimeChildrenCountInHouseholdSize: boolean | null;
    manualAssessmentCostTypes: readonly CostType[];
  };
  caps: Readonly<Partial<Record<CostType, CostCap>>>;
}

export interface PrisbasbeloppYear {
  year: number;
  /** Öre. */
  amount: number;
  source: string;
  /** A placeholder until the year's amount is entered from its förordning: lines using it are marked provisional. */
  provisional: boolean;
}

// ---------------------------------------------------------------------------------------------------------------------
// The rules of one month
// ---------------------------------------------------------------------------------------------------------------------

/** A table cell of the month: its amount and where it comes from. */
export interface TableCell {
  /** Öre. */
  amount: number;
  source: LineSource;
  /** The cell is marked unverified in the table (or, beyond the table's largest household, the extra-person amount). */
  unverified: boolean;
}

/** The cells of the riksnorm for a child of one age. */
export interface ChildAgeCells {
  group: ChildAgeGroup;
  withLunch: TableCell;
  /** null: no "ej lunch" amount for the age (the flag does not apply), see `withoutLunchMissing`. */
  withoutLunch: TableCell | null;
  /** The "ej lunch" amount applies to the age but is missing in the data → the engine refuses to guess. */
  withoutLunchMissing: boolean;
  /** The cells for a child the large-household cap applies to (amount lowered to the cap); null when it is not lower. */
  withLunchCapped: TableCell | null;
  withoutLunchCapped: TableCell | null;
}

/** A row of a municipal cost cap with its source. */
export interface CapRowRule {
  row: CapRow;
  source: LineSource;
}

/** The municipal guidelines in force in the month. */
export interface MonthGuidelines {
  guidelines: GuidelineSet;
  /** Per capped cost type: the cap's rows, tried in the order of the guideline file. */
  caps: Partial<Record<CostType, { cap: CostCap; rows: readonly CapRowRule[] }>>;
}

/** Everything the engine needs for one month: the documents valid in the month, prepared when the rule set is built. */
export interface MonthRules {
  /** "YYYY-MM". */
  key: string;
  year: number;
  month: number;
  daysInMonth: number;
  table: RiksnormTable;
  regime: Regime;
  /** "riksnormen 2025" / "riksnormen 2026 (preliminär)". */
  tableName: string;
  single: TableCell;
  couple: TableCell;
  /** Index = age in whole years (0 … oldest age in the table). */
  childByAge: readonly ChildAgeCells[];
  /** Index = household size (1 … MAX_HOUSEHOLD_SIZE); index 0 unused. */
  commonBySize: readonly TableCell[];
  /** The large-household cap of the month's table, or null. */
  childCap: LargeHouseholdCap | null;
  /** Sources of lines that are not table cells (the regime's legal references). */
  regimeSources: Readonly<Record<ReferenceKey, LineSource>>;
  prisbasbelopp: PrisbasbeloppYear | null;
  prisbasbeloppSource: LineSource | null;
  /** By municipality code. */
  guidelines: ReadonlyMap<string, MonthGuidelines>;
  /** The sublet condition's source, or null when the regime does not have the condition. */
  subletSource: LineSource | null;
  lawfulResidence: LegalReference | null;
  /** Documents expected for adults' facts in the month. */
  expectedDocuments: readonly ExpectedDocumentRule[];
  /** Some data of the month is provisional: the result lists the lines that use it. */
  hasProvisional: boolean;
}

export interface RuleSet {
  readonly tables: readonly RiksnormTable[];
  readonly regimes: readonly Regime[];
  readonly guidelines: readonly GuidelineSet[];
  readonly prisbasbelopp: readonly PrisbasbeloppYear[];
  readonly expectedDocuments: readonly ExpectedDocumentRule[];
  /** "YYYY-MM" → the rules of every month covered by a riksnorm table. */
  readonly months: ReadonlyMap<string, MonthRules>;
}
