/**
 * Types of the norm calculation (riksnorm + skäliga kostnader − inkomster).
 *
 * Money is always integer öre (1 kr = 100 öre). Table amounts in the JSON rule files are whole kronor and are
 * converted to öre when the rule set is built.
 */

// ---------------------------------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------------------------------

export const ADULT_ROLES = ['applicant', 'coApplicant'] as const;
export type AdultRole = (typeof ADULT_ROLES)[number];

export const COST_TYPES = [
  'rent',
  'electricity',
  'homeInsurance',
  'workTravel',
  'unionFee',
  'unemploymentFund',
  'medicalCare',
  'medicine',
  'dentalCare',
  'glasses',
  'childcare',
  'visitationTravel',
  'other',
] as const;
export type CostType = (typeof COST_TYPES)[number];

export const INCOME_TYPES = [
  'salary',
  'unemploymentBenefit',
  'activitySupport',
  'establishmentBenefit',
  'sicknessBenefit',
  'sicknessCompensation',
  'parentalBenefit',
  'childAllowance',
  'housingAllowance',
  'maintenanceSupport',
  'maintenanceAllowance',
  'studentGrant',
  'pension',
  'taxRefund',
  'other',
] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

// The input's fields, their types and limits are declared once, in input.ts; the types are derived from there.
export type { NormAdultInput, NormChildInput, NormCostInput, NormIncomeInput, NormInput, NormOptions } from './input.ts';

// ---------------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------------

export type LineKind = 'personal' | 'common' | 'cost' | 'income' | 'jobStimulus';

/** Status of the data a line used. */
export type SourceStatus = 'official' | 'provisional' | 'unverified' | 'example';

/** Where an amount comes from: the table / guideline / parameter and the cell used, with its validity. */
export interface LineSource {
  /** Id of the table, guideline, parameter set or regime, e.g. "riksnorm-2025", "guidelines-2281-2026". */
  id: string;
  /** The row or cell used, e.g. "adults.single", "children.4-6.withoutLunch", "caps.rent.1-2v-2b". */
  cell: string;
  /** The source of the data (SFS, guideline decision …). */
  text: string;
  /** The legal reference of the rule applied (from the legal regime in force in the month). */
  legalReference: string;
  /** false when the legal reference could not be verified against the statute text (see rules/regimes.json). */
  legalReferenceVerified: boolean;
  validFrom: string;
  validTo: string | null;
  status: SourceStatus;
}

export interface NormLine {
  kind: LineKind;
  /** The person the line is about (omitted on lines about several persons). */
  person?: string;
  /** The persons a shared line is about (couple, common household costs). */
  persons?: string[];
  /** Cost lines: the cost type. */
  costType?: CostType;
  /** Income and job-stimulus lines: the income type. */
  incomeType?: IncomeType;
  /** Cost lines: the amount applied for; income lines: the amount reported. Öre. */
  applied?: number;
  /** The amount that counts in the totals (approved cost, counted income, negative job-stimulus deduction). Öre. */
  amount: number;
  /** Stable rule id, see docs/rules/normberakning.md. */
  rule: string;
  /** A short Swedish sentence explaining the amount. */
  explanation: string;
  source: LineSource;
  /** Input path the line comes from, e.g. "/costs/0". */
  inputPath?: string;
}

export type WarningType =
  | 'EXPENSE_CAPPED'
  | 'MANUAL_ASSESSMENT_REQUIRED'
  | 'PROVISIONAL_TABLE'
  | 'UNVERIFIED_TABLE_VALUE'
  | 'NO_GUIDELINES'
  | 'NO_CAP_ROW'
  | 'LUNCH_NOT_APPLICABLE'
  | 'CHILD_EARNINGS_ASSUMED'
  | 'EXAMPLE_GUIDELINES'
  | 'PROVISIONAL_LINES'
  | 'LARGE_HOUSEHOLD_CAP'
  | 'SUBLET_NOT_APPROVED'
  | 'LAWFUL_RESIDENCE'
  | 'EMERGENCY_AID'
  | 'EXPECTED_DOCUMENT';

export interface NormWarning {
  type: WarningType;
  message: string;
  path?: string;
}

export type ProposalOutcome = 'granted' | 'partlyRefused' | 'refused';

export interface NormResult {
  month: string;
  municipality: string | null;
  normTable: {
    id: string;
    title: string;
    provisional: boolean;
    /** Every cell of the table was checked against the statute text (see the table file's `verification`). */
    verified: boolean;
    regime: string;
    validFrom: string;
    validTo: string;
    source: string;
  };
  guidelines: {
    id: string;
    municipality: string;
    example: boolean;
    validFrom: string;
    validTo: string | null;
    source: string;
  } | null;
  household: {
    adults: number;
    children: number;
    /** Persons in the calculation who count in the household size. */
    personsInCalculation: number;
    /** Household size used for the common household costs. */
    householdSize: number;
    daysInMonth: number;
  };
  lines: NormLine[];
  totals: {
    /** Sum of personal lines. */
    personal: number;
    /** Sum of common lines. */
    common: number;
    /** personal + common. */
    norm: number;
    /** Sum of the applied cost amounts. */
    costsApplied: number;
    /** Sum of the approved cost amounts (cost lines). */
    costs: number;
    /** norm + costs. */
    need: number;
    /** Sum of income lines and job-stimulus lines (job-stimulus lines are negative). */
    income: number;
    /** max(0, need − income); 0 when a condition of the regime bars assistance (no adult lawfully resident, 2027). */
    assistance: number;
  };
  proposal: {
    outcome: ProposalOutcome;
    amount: number;
    explanation: string;
  };
  warnings: NormWarning[];
}

/** One invalid input field: a JSON pointer into the input and a Swedish message. */
export interface NormFieldError {
  path: string;
  message: string;
}
