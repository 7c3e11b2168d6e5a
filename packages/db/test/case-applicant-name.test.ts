import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase, type DatabaseHandle } from '../src/index.ts';

// cases.applicant_name (migration 0012) is what the case list shows for a case's applicant. It must follow every way
// the applicant can change: the case created after its household, a renamed person, another member made applicant,
// the applicant removed, the case moved to another household.

let h: DatabaseHandle;
const unit = randomUUID();
before(async () => {
  h = await createTestDatabase();
  await h.db.insertInto('municipalities').values({ code: '9002', name: 'Testkommun' }).execute();
  await h.db.insertInto('units').values({ id: unit, municipality_code: '9002', name: 'Enheten' }).execute();
});
after(async () => {
  await h.close();
});

let serial = 0;
async function person(first: string, last: string) {
  const id = randomUUID();
  serial++;
  await h.db
    .insertInto('persons')
    .values({
      id,
      personnummer: `19700101${String(2000 + serial).slice(-4)}`,
      first_name: first,
      last_name: last,
      sex: 'K',
      birth_date: '1970-01-01',
      address_line: null,
      postal_code: null,
      city: null,
      protected_identity: false,
      phone: null,
      email: null,
    })
    .execute();
  return id;
}

async function household(members: { person: string; role: 'applicant' | 'coApplicant' | 'child' | 'otherAdult' }[]) {
  const id = randomUUID();
  await h.db.insertInto('households').values({ id, municipality_code: '9002' }).execute();
  for (const m of members) await h.db.insertInto('household_members').values({ household_id: id, person_id: m.person, role: m.role, days_at_home: null }).execute();
  return id;
}

async function newCase(householdId: string) {
  const id = randomUUID();
  serial++;
  await h.db
    .insertInto('cases')
    .values({
      id,
      case_number: `EB-2026-${String(900000 + serial)}`,
      municipality_code: '9002',
      unit_id: unit,
      household_id: householdId,
      responsible_worker_id: null,
      second_worker_id: null,
      status: 'active',
      opened_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    })
    .execute();
  return id;
}

const nameOf = async (caseId: string) => (await h.db.selectFrom('cases').select('applicant_name').where('id', '=', caseId).executeTakeFirstOrThrow()).applicant_name;

test("a new case carries its applicant's name, and only the applicant's", async () => {
  const anna = await person('Anna', 'Berg');
  const bo = await person('Bo', 'Berg');
  const c = await newCase(
    await household([
      { person: bo, role: 'coApplicant' },
      { person: anna, role: 'applicant' },
    ]),
  );
  assert.equal(await nameOf(c), 'Anna Berg');
});

test('renaming the applicant renames every case of the household; renaming another member does not', async () => {
  const anna = await person('Anna', 'Ek');
  const kid = await person('Kim', 'Ek');
  const hh = await household([
    { person: anna, role: 'applicant' },
    { person: kid, role: 'child' },
  ]);
  const first = await newCase(hh);
  const second = await newCase(hh);
  await h.db.updateTable('persons').set({ last_name: 'Lind' }).where('id', '=', anna).execute();
  assert.deepEqual([await nameOf(first), await nameOf(second)], ['Anna Lind', 'Anna Lind']);
  await h.db.updateTable('persons').set({ first_name: 'Kimmy' }).where('id', '=', kid).execute();
  assert.equal(await nameOf(first), 'Anna Lind');
});

test('when the applicant changes or leaves the household, the case follows', async () => {
  const anna = await person('Anna', 'Ros');
  const bo = await person('Bo', 'Ros');
  const hh = await household([
    { person: anna, role: 'applicant' },
    { person: bo, role: 'coApplicant' },
  ]);
  const c = await newCase(hh);
  // The roles swap: Anna becomes co-applicant, Bo applicant.
  await h.db.updateTable('household_members').set({ role: 'coApplicant' }).where('person_id', '=', anna).execute();
  await h.db.updateTable('household_members').set({ role: 'applicant' }).where('person_id', '=', bo).execute();
  assert.equal(await nameOf(c), 'Bo Ros');
  await h.db.deleteFrom('household_members').where('person_id', '=', bo).execute();
  assert.equal(await nameOf(c), null, 'no applicant left');
  await h.db.insertInto('household_members').values({ household_id: hh, person_id: bo, role: 'applicant', days_at_home: null }).execute();
  assert.equal(await nameOf(c), 'Bo Ros');
});

test("a case moved to another household takes that household's applicant", async () => {
  const c = await newCase(await household([{ person: await person('Cia', 'Al'), role: 'applicant' }]));
  const other = await household([{ person: await person('Dan', 'Ek'), role: 'applicant' }]);
  await h.db.updateTable('cases').set({ household_id: other }).where('id', '=', c).execute();
  assert.equal(await nameOf(c), 'Dan Ek');
});
