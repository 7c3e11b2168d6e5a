import type { CostType, IncomeType } from './types.ts';

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
