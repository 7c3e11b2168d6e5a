import { sql, type Kysely } from 'kysely';
import { swedishDate, type Personnummer } from '@vagen/domain';
import type { Database, HouseholdRole } from '@vagen/db';
import { newId } from '../ids.ts';
import { openCase } from '../status/change.ts';

export interface PersonFields {
  firstName: string;
  lastName: string;
  addressLine?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
}

export interface NewCase {
  municipality: string;
  unitId: string;
  responsibleWorkerId: string | null;
  actorId: string;
  /** Validated personnummer first (see parsePersonnummer); an existing person is reused, never overwritten. */
  people: { role: HouseholdRole; personnummer: Personnummer; input: PersonFields }[];
  status?: 'intake' | 'investigation';
  reason?: string;
}

/** Next case number of the year; the advisory lock keeps two processes from taking the same one. */
async function nextCaseNumber(tx: Kysely<Database>, year: string): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtext('vagen.case_number'))`.execute(tx);
  const last = await tx
    .selectFrom('cases')
    .select((eb) => eb.fn.max('case_number').as('max'))
    .where('case_number', 'like', `EB-${year}-%`)
    .executeTakeFirst();
  const next = (last?.max ? Number(String(last.max).slice(8)) : 0) + 1;
  return `EB-${year}-${String(next).padStart(6, '0')}`;
}

/**
 * Creates the household, its members (reusing persons already known by personnummer) and the case with its first
 * status-history row (through the status machine). Call inside a transaction.
 */
export async function createCaseWithHousehold(tx: Kysely<Database>, c: NewCase, now: Date): Promise<{ id: string; caseNumber: string; householdId: string; personIds: string[] }> {
  const householdId = newId();
  await tx.insertInto('households').values({ id: householdId, municipality_code: c.municipality, created_at: now.toISOString() }).execute();
  const personIds: string[] = [];
  for (const p of c.people) {
    const pnr = p.personnummer;
    const existing = await tx.selectFrom('persons').select('id').where('personnummer', '=', pnr.value).executeTakeFirst();
    const personId = existing?.id ?? newId();
    if (!existing) {
      await tx
        .insertInto('persons')
        .values({
          id: personId,
          personnummer: pnr.value,
          samordningsnummer: pnr.samordningsnummer,
          first_name: p.input.firstName.trim(),
          last_name: p.input.lastName.trim(),
          sex: pnr.legalSex,
          birth_date: pnr.birthDate,
          address_line: p.input.addressLine ?? null,
          postal_code: p.input.postalCode ?? null,
          city: p.input.city ?? null,
          phone: p.input.phone ?? null,
          email: p.input.email ?? null,
        })
        .execute();
    }
    personIds.push(personId);
    await tx.insertInto('household_members').values({ household_id: householdId, person_id: personId, role: p.role, days_at_home: null }).execute();
  }
  const caseNumber = await nextCaseNumber(tx, swedishDate(now).slice(0, 4));
  const caseId = newId();
  await openCase(
    tx,
    {
      id: caseId,
      case_number: caseNumber,
      municipality_code: c.municipality,
      unit_id: c.unitId,
      household_id: householdId,
      responsible_worker_id: c.responsibleWorkerId,
      second_worker_id: null,
    },
    { status: c.status ?? 'intake', actor: { kind: 'staff', id: c.actorId }, reason: c.reason ?? 'Ärendet öppnat', at: now },
  );
  return { id: caseId, caseNumber, householdId, personIds };
}
