import { parsePersonnummer, type Personnummer } from '@vagen/domain';
import type { HouseholdRole } from '@vagen/db';
import type { PersonFields } from '../cases/create.ts';
import type { FieldError } from '../errors.ts';

interface PersonInput extends PersonFields {
  personnummer: string;
}

export interface ParsedPerson {
  role: HouseholdRole;
  personnummer: Personnummer;
  input: PersonFields;
}

const ageOn = (birthDate: string, today: string) => Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);

/** Validates the persons of a registration (personnummer, no duplicates, adults ≥ 18, children < 21); errors in `errors`. */
export function parsePeople(body: { applicant: PersonInput; coApplicant?: PersonInput | undefined; children?: PersonInput[] | undefined }, today: string, errors: FieldError[]): ParsedPerson[] {
  const people = [
    { input: body.applicant, role: 'applicant' as const, path: '/body/applicant' },
    ...(body.coApplicant ? [{ input: body.coApplicant, role: 'coApplicant' as const, path: '/body/coApplicant' }] : []),
    ...(body.children ?? []).map((c, i) => ({ input: c, role: 'child' as const, path: `/body/children/${i}` })),
  ];
  const seen = new Set<string>();
  const out: ParsedPerson[] = [];
  for (const p of people) {
    if (!p.input.firstName.trim()) errors.push({ path: `${p.path}/firstName`, message: 'Fältet får inte vara tomt.' });
    if (!p.input.lastName.trim()) errors.push({ path: `${p.path}/lastName`, message: 'Fältet får inte vara tomt.' });
    const result = parsePersonnummer(p.input.personnummer, today);
    if (!result.ok) {
      errors.push({ path: `${p.path}/personnummer`, message: result.message });
      continue;
    }
    const pnr = result.value;
    if (seen.has(pnr.value)) errors.push({ path: `${p.path}/personnummer`, message: 'Samma person finns redan i hushållet.' });
    seen.add(pnr.value);
    const age = ageOn(pnr.birthDate, today);
    if (p.role !== 'child' && age < 18) errors.push({ path: `${p.path}/personnummer`, message: 'Sökande och medsökande måste vara minst 18 år.' });
    if (p.role === 'child' && age >= 21) errors.push({ path: `${p.path}/personnummer`, message: 'Barn i hushållet ska vara under 21 år.' });
    const { personnummer: _pnr, ...fields } = p.input;
    out.push({ role: p.role, personnummer: pnr, input: fields });
  }
  return out;
}
