/**
 * The first application's content from what intake's phone interview recorded, so that the caseworker does not type
 * it again: housing (tenure and cost), other costs, incomes, the children's days at home and lunch at preschool, and
 * what the person said they own. Pure: the caller gives the template (the case's household) and row ids.
 */
import type { IntakeInterview, IntakeTenureType } from '../intake/interview.ts';
import type { ApplicationContent, TenureForm } from './content.ts';

const TENURE_FROM_INTERVIEW: Record<IntakeTenureType, TenureForm> = {
  firstHand: 'firstHand',
  secondHand: 'secondHand',
  lodger: 'lodger',
  tenantOwned: 'tenantOwned',
  ownHouse: 'ownHouse',
  withParents: 'withParents',
  homeless: 'none',
  other: 'firstHand',
};

/** Template (from the household) + interview → content to start from. Existing household data wins for names. */
export function contentFromInterview(template: ApplicationContent, iv: IntakeInterview, newRowId: (prefix: string) => string): ApplicationContent {
  // Children are matched on birth date; a child the interview names but the household lacks is added.
  const unmatched = [...iv.household.children];
  const children = template.children.map((child) => {
    const i = unmatched.findIndex((c) => c.birthDate === child.birthDate);
    if (i < 0) return child;
    const [said] = unmatched.splice(i, 1);
    return { ...child, daysAtHome: said!.daysAtHome ?? child.daysAtHome, lunchAtPreschool: said!.lunchAtPreschool ?? child.lunchAtPreschool };
  });
  for (const [i, c] of unmatched.entries()) {
    children.push({
      id: newRowId('barn'),
      personId: null,
      name: `Barn ${template.children.length + i + 1}`,
      birthDate: c.birthDate,
      daysAtHome: c.daysAtHome ?? null,
      lunchAtPreschool: c.lunchAtPreschool ?? false,
    });
  }
  const coApplicant = template.coApplicant ?? (iv.household.coApplicant ? { personId: null, name: 'Medsökande' } : null);
  const household = 1 + (coApplicant ? 1 : 0) + children.length;
  const ownership: ApplicationContent['assets'] = [
    ...(iv.ownership.car ? [{ id: newRowId('fordon'), kind: 'vehicle' as const, value: 0, note: 'Äger bil (uppgift från intervjun, värdet ska utredas)' }] : []),
    ...(iv.ownership.company ? [{ id: newRowId('foretag'), kind: 'company' as const, value: 0, note: 'Äger företag (uppgift från intervjun, värdet ska utredas)' }] : []),
    ...(iv.ownership.tenantOwnedFlat ? [{ id: newRowId('bostadsratt'), kind: 'property' as const, value: 0, note: 'Äger bostadsrätt (uppgift från intervjun, värdet ska utredas)' }] : []),
  ];
  return {
    ...template,
    coApplicant,
    children,
    housing: {
      ...template.housing,
      tenure: TENURE_FROM_INTERVIEW[iv.housing.tenure],
      rent: iv.housing.monthlyCost,
      personsInDwelling: Math.max(template.housing.personsInDwelling, household),
      note: iv.housing.note.trim().slice(0, 1000),
    },
    incomes: iv.incomes.filter((x) => x.amount > 0 && (x.person === 'applicant' || coApplicant)).map((x) => ({ id: newRowId('inkomst'), type: x.type, person: x.person, amount: x.amount, note: '' })),
    costs: iv.otherCosts.filter((x) => x.amount > 0).map((x) => ({ id: newRowId('kostnad'), type: x.type, amount: x.amount, note: '' })),
    assets: [...template.assets, ...ownership],
  };
}
