import { COST_TYPES, INCOME_TYPES, type CostType, type IncomeType } from './types.ts';

/** Swedish names of the cost types, as shown in explanations and letters. */
export const COST_TYPE_LABELS: Readonly<Record<CostType, string>> = {
  rent: 'Boendekostnad (hyra)',
  electricity: 'Hushållsel',
  homeInsurance: 'Hemförsäkring',
  workTravel: 'Arbetsresor',
  unionFee: 'Fackföreningsavgift',
  unemploymentFund: 'Avgift till arbetslöshetskassa',
  medicalCare: 'Läkarvård',
  medicine: 'Medicin',
  dentalCare: 'Tandvård',
  glasses: 'Glasögon',
  childcare: 'Barnomsorgsavgift',
  visitationTravel: 'Umgängesresor',
  other: 'Övrig kostnad',
};

/**
 * Which legal heading a cost type belongs to: the reasonable costs named in the law (boende, hushållsel, arbetsresor,
 * hemförsäkring, fack- och a-kasseavgift) or livsföring i övrigt (SOSFS 2013:1 headings).
 */
export const COST_TYPE_HEADING: Readonly<Record<CostType, 'reasonableCosts' | 'otherLivingCosts'>> = {
  rent: 'reasonableCosts',
  electricity: 'reasonableCosts',
  homeInsurance: 'reasonableCosts',
  workTravel: 'reasonableCosts',
  unionFee: 'reasonableCosts',
  unemploymentFund: 'reasonableCosts',
  medicalCare: 'otherLivingCosts',
  medicine: 'otherLivingCosts',
  dentalCare: 'otherLivingCosts',
  glasses: 'otherLivingCosts',
  childcare: 'otherLivingCosts',
  visitationTravel: 'otherLivingCosts',
  other: 'otherLivingCosts',
};

/** Swedish names of the income types. */
export const INCOME_TYPE_LABELS: Readonly<Record<IncomeType, string>> = {
  salary: 'Lön (inkomst av anställning)',
  unemploymentBenefit: 'Arbetslöshetsersättning (a-kassa)',
  activitySupport: 'Aktivitetsstöd',
  establishmentBenefit: 'Etableringsersättning',
  sicknessBenefit: 'Sjukpenning',
  sicknessCompensation: 'Sjukersättning/aktivitetsersättning',
  parentalBenefit: 'Föräldrapenning',
  childAllowance: 'Barnbidrag',
  housingAllowance: 'Bostadsbidrag/bostadstillägg',
  maintenanceSupport: 'Underhållsstöd',
  maintenanceAllowance: 'Underhållsbidrag',
  studentGrant: 'Studiemedel (bidragsdel)',
  pension: 'Pension',
  taxRefund: 'Skatteåterbäring',
  other: 'Övrig inkomst',
};

/**
 * Index of a cost type in COST_TYPES, or -1. A switch rather than a Map: comparing with constant strings is cheaper than
 * hashing, and this runs for every cost of every calculation. Checked against COST_TYPES when the module loads.
 */
export function costTypeIndex(type: string): number {
  // `as CostType` lets the compiler reject a case that is not a cost type.
  switch (type as CostType) {
    case 'rent': return 0;
    case 'electricity': return 1;
    case 'homeInsurance': return 2;
    case 'workTravel': return 3;
    case 'unionFee': return 4;
    case 'unemploymentFund': return 5;
    case 'medicalCare': return 6;
    case 'medicine': return 7;
    case 'dentalCare': return 8;
    case 'glasses': return 9;
    case 'childcare': return 10;
    case 'visitationTravel': return 11;
    case 'other': return 12;
    default: return -1;
  }
}

/** Index of an income type in INCOME_TYPES, or -1 (see costTypeIndex). */
export function incomeTypeIndex(type: string): number {
  switch (type as IncomeType) {
    case 'salary': return 0;
    case 'unemploymentBenefit': return 1;
    case 'activitySupport': return 2;
    case 'establishmentBenefit': return 3;
    case 'sicknessBenefit': return 4;
    case 'sicknessCompensation': return 5;
    case 'parentalBenefit': return 6;
    case 'childAllowance': return 7;
    case 'housingAllowance': return 8;
    case 'maintenanceSupport': return 9;
    case 'maintenanceAllowance': return 10;
    case 'studentGrant': return 11;
    case 'pension': return 12;
    case 'taxRefund': return 13;
    case 'other': return 14;
    default: return -1;
  }
}

// The switches above must list exactly the types, in order; a mismatch is a programming error caught at start-up.
if (COST_TYPES.some((t, i) => costTypeIndex(t) !== i) || INCOME_TYPES.some((t, i) => incomeTypeIndex(t) !== i)) {
  throw new Error('costTypeIndex/incomeTypeIndex do not match COST_TYPES/INCOME_TYPES');
}

// Index-based lookups for the hot path (array loads instead of keyed property loads with varying keys).
export const COST_LABEL_BY_INDEX: readonly string[] = COST_TYPES.map((t) => COST_TYPE_LABELS[t]);
export const COST_HEADING_BY_INDEX: readonly ('reasonableCosts' | 'otherLivingCosts')[] = COST_TYPES.map((t) => COST_TYPE_HEADING[t]);
export const INCOME_LABEL_BY_INDEX: readonly string[] = INCOME_TYPES.map((t) => INCOME_TYPE_LABELS[t]);

/** Boolean per cost type index: is the type in the list? */
export function costTypeFlags(types: readonly CostType[]): readonly boolean[] {
  return COST_TYPES.map((t) => types.includes(t));
}

/** Boolean per income type index: is the type in the list? */
export function incomeTypeFlags(types: readonly IncomeType[]): readonly boolean[] {
  return INCOME_TYPES.map((t) => types.includes(t));
}
