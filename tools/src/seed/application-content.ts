/**
 * The content of a seeded application (household, housing, costs, incomes) for the latest months of a case, so that
 * the demo's återansökan starts from a filled-in month and shows what changed. Built from the household plan only
 * (no random draws), so the rest of the demo data stays the same.
 */
import type { ApplicationContent } from '@vagen/domain/assessment/content.ts';
import { monthBounds } from '@vagen/domain/calendar.ts';

export interface SeedMember {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  role: 'applicant' | 'coApplicant' | 'child' | 'otherAdult';
  daysAtHome: number | null;
  age: number;
}
export interface SeedBudget {
  rentKr: number;
  electricityKr: number;
  insuranceKr: number;
  otherIncomeKr: number;
}

/** Filled-in content for the month 'YYYY-MM'. */
export function seededApplicationContent(members: readonly SeedMember[], budget: SeedBudget, month: string): ApplicationContent {
  const applicant = members.find((m) => m.role === 'applicant')!;
  const co = members.find((m) => m.role === 'coApplicant');
  const children = members.filter((m) => m.role === 'child');
  const { first, last } = monthBounds(month);
  const childBenefit = children.filter((c) => c.age < 16).length * 125000;
  return {
    version: 1,
    applicant: { personId: applicant.id, name: `${applicant.firstName} ${applicant.lastName}` },
    coApplicant: co ? { personId: co.id, name: `${co.firstName} ${co.lastName}` } : null,
    children: children.map((c, i) => ({ id: `barn${i + 1}`, personId: c.id, name: c.firstName, birthDate: c.birthDate, daysAtHome: c.daysAtHome, lunchAtPreschool: false })),
    housing: { tenure: 'firstHand', rent: budget.rentKr * 100, personsInDwelling: members.length, sharesHousehold: false, note: '' },
    incomes: [
      ...(childBenefit ? [{ id: 'barnbidrag', type: 'childAllowance' as const, person: 'applicant', amount: childBenefit, note: '' }] : []),
      ...(budget.otherIncomeKr ? [{ id: 'inkomst', type: 'salary' as const, person: 'applicant', amount: budget.otherIncomeKr * 100, note: '' }] : []),
    ],
    costs: [
      { id: 'el', type: 'electricity', amount: budget.electricityKr * 100, note: '' },
      { id: 'hemforsakring', type: 'homeInsurance', amount: budget.insuranceKr * 100, note: '' },
    ],
    assets: [],
    period: { start: first, end: last },
    jobStimulus: [],
  };
}
