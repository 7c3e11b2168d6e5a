/**
 * The structured phone interview of intake: need, own efforts, address, family, other people at the
 * address, ownership of car / company / bostadsrätt, earlier assistance, and what is needed for a preliminary norm
 * calculation (household, housing cost, incomes, other costs). Money in öre.
 */
import { COST_TYPES, INCOME_TYPES, type CostType, type IncomeType, type NormInput } from '../norm/types.ts';
import { isIsoDate } from '../calendar.ts';

export const INTAKE_TENURE_TYPES = ['firstHand', 'secondHand', 'lodger', 'tenantOwned', 'ownHouse', 'withParents', 'homeless', 'other'] as const;
export type IntakeTenureType = (typeof INTAKE_TENURE_TYPES)[number];
export const INTAKE_TENURE_LABELS: Record<IntakeTenureType, string> = {
  firstHand: 'Förstahandskontrakt',
  secondHand: 'Andrahandskontrakt',
  lodger: 'Inneboende',
  tenantOwned: 'Bostadsrätt',
  ownHouse: 'Eget hus',
  withParents: 'Bor hos föräldrar',
  homeless: 'Saknar bostad',
  other: 'Annat',
};

/** Costs that can be given in the interview besides the housing cost. */
export const INTAKE_INTERVIEW_COST_TYPES = COST_TYPES.filter((t) => t !== 'rent') as Exclude<CostType, 'rent'>[];
export const INTAKE_INTERVIEW_INCOME_TYPES = INCOME_TYPES;
export const INTAKE_INTERVIEW_PERSONS = ['applicant', 'coApplicant'] as const;
export type IntakeInterviewPerson = (typeof INTAKE_INTERVIEW_PERSONS)[number];

export interface IntakeInterviewChild {
  birthDate: string;
  daysAtHome?: number;
  lunchAtPreschool?: boolean;
}

export interface IntakeInterview {
  /** What help the person needs, in their own words. */
  need: string;
  /** What the person has done lately to solve the situation. */
  ownEfforts: string;
  address: { line: string; postalCode: string; city: string };
  housing: { tenure: IntakeTenureType; monthlyCost: number; note: string };
  household: { coApplicant: boolean; children: IntakeInterviewChild[] };
  /** Family situation in words. */
  family: string;
  otherPersonsAtAddress: { present: boolean; note: string };
  ownership: { car: boolean; company: boolean; tenantOwnedFlat: boolean; note: string };
  earlierAssistance: { received: boolean; where: string; when: string };
  incomes: { type: IncomeType; person: IntakeInterviewPerson; amount: number }[];
  otherCosts: { type: Exclude<CostType, 'rent'>; amount: number }[];
}

export interface IntakeFieldError {
  path: string;
  message: string;
}

/** Checks the facts that the schema cannot (dates, who an income belongs to). Paths are relative to the interview. */
export function validateIntakeInterview(iv: IntakeInterview, today: string): IntakeFieldError[] {
  const errors: IntakeFieldError[] = [];
  iv.household.children.forEach((c, i) => {
    if (!isIsoDate(c.birthDate)) errors.push({ path: `/household/children/${i}/birthDate`, message: 'Ange ett giltigt datum som ÅÅÅÅ-MM-DD.' });
    else if (c.birthDate > today) errors.push({ path: `/household/children/${i}/birthDate`, message: 'Födelsedatumet kan inte vara i framtiden.' });
    else if (ageOn(c.birthDate, today) >= 21) errors.push({ path: `/household/children/${i}/birthDate`, message: 'Barn i hushållet ska vara under 21 år.' });
  });
  iv.incomes.forEach((inc, i) => {
    if (inc.person === 'coApplicant' && !iv.household.coApplicant) {
      errors.push({ path: `/incomes/${i}/person`, message: 'Det finns ingen medsökande i hushållet.' });
    }
  });
  if (!iv.need.trim()) errors.push({ path: '/need', message: 'Beskriv vad personen behöver hjälp med.' });
  return errors;
}

function ageOn(birthDate: string, today: string): number {
  return Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
}

const PERSON_IDS: Record<IntakeInterviewPerson, string> = { applicant: 'sokande', coApplicant: 'medsokande' };

/**
 * The norm-engine input of a preliminary calculation from the interview: the interview's household, the housing
 * cost as rent, other costs and incomes. The month is the month applied for (YYYY-MM).
 */
export function interviewToNormInput(iv: IntakeInterview, month: string, municipality: string): NormInput {
  return {
    month,
    municipality,
    adults: [{ id: PERSON_IDS.applicant, role: 'applicant' }, ...(iv.household.coApplicant ? [{ id: PERSON_IDS.coApplicant, role: 'coApplicant' as const }] : [])],
    children: iv.household.children.map((c, i) => ({
      id: `barn${i + 1}`,
      birthDate: c.birthDate,
      ...(c.daysAtHome !== undefined ? { daysAtHome: c.daysAtHome } : {}),
      ...(c.lunchAtPreschool !== undefined ? { lunchAtPreschool: c.lunchAtPreschool } : {}),
    })),
    costs: [
      ...(iv.housing.monthlyCost > 0 ? [{ type: 'rent' as const, amount: iv.housing.monthlyCost }] : []),
      ...iv.otherCosts.filter((c) => c.amount > 0).map((c) => ({ type: c.type, amount: c.amount })),
    ],
    incomes: iv.incomes.filter((x) => x.amount > 0).map((x) => ({ type: x.type, person: PERSON_IDS[x.person], amount: x.amount })),
  };
}
