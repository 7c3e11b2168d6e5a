import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type DatabaseHandle } from '../src/index.ts';

// case_list_counts (migration 0010) must always equal a count over `cases` of the cases without protected identity,
// whatever writes the cases: single rows, many rows in one statement, unit moves, protection changes, deletes.

let h: DatabaseHandle;
const unitA = randomUUID();
const unitB = randomUUID();
const worker = randomUUID();
before(async () => {
  h = await createTestDatabase();
  await h.db.insertInto('municipalities').values({ code: '9001', name: 'Testkommun' }).execute();
  await h.db
    .insertInto('units')
    .values([
      { id: unitA, municipality_code: '9001', name: 'A' },
      { id: unitB, municipality_code: '9001', name: 'B' },
    ])
    .execute();
  await h.db
    .insertInto('staff_users')
    .values({
      id: worker,
      municipality_code: '9001',
      username: 'w',
      display_name: 'W',
      role: 'caseWorker',
      password_hash: 'x',
      employed_since: '2020-01-01',
    })
    .execute();
});
after(async () => {
  await h.close();
});

const NONE = '00000000-0000-0000-0000-000000000000';
const unitName = (id: string) => (id === unitA ? 'A' : 'B');

/** Counters summed per unit and status (what the tests below read). */
async function counters() {
  const rows = await h.db
    .selectFrom('case_list_counts')
    .select(['unit_id', 'status'])
    .select((eb) => eb.fn.sum<number>('n').as('n'))
    .groupBy(['unit_id', 'status'])
    .having((eb) => eb.fn.sum('n'), '>', 0)
    .execute();
  return Object.fromEntries(rows.map((r) => [`${unitName(r.unit_id)}/${r.status}`, Number(r.n)]));
}

/** Every counter row, with its workers, against a count over `cases` by the same key. */
async function assertCountersExact() {
  const stored = await h.db.selectFrom('case_list_counts').selectAll().where('n', '<>', 0).execute();
  const { rows } = await sql<{ unit_id: string; status: string; responsible_worker_id: string | null; second_worker_id: string | null; n: number }>`
    select unit_id, status, responsible_worker_id, second_worker_id, count(*)::int as n from cases where not protected_identity
    group by unit_id, status, responsible_worker_id, second_worker_id`.execute(h.db);
  const key = (r: { unit_id: string; status: string; responsible_worker_id: string | null; second_worker_id: string | null; n: number }) =>
    `${unitName(r.unit_id)}/${r.status}/${r.responsible_worker_id ?? NONE}/${r.second_worker_id ?? NONE}=${r.n}`;
  assert.deepEqual(stored.map(key).sort(), rows.map(key).sort());
}

let caseNumber = 0;
async function newCase(unit: string, status: string, protectedPerson = false) {
  const household = randomUUID();
  const person = randomUUID();
  await h.db.insertInto('households').values({ id: household, municipality_code: '9001' }).execute();
  await h.db
    .insertInto('persons')
    .values({
      id: person,
      personnummer: `19800101${String(1000 + caseNumber).slice(-4)}`,
      first_name: 'T',
      last_name: 'T',
      sex: 'K',
      birth_date: '1980-01-01',
      address_line: null,
      postal_code: null,
      city: null,
      protected_identity: protectedPerson,
      phone: null,
      email: null,
    })
    .execute();
  await h.db.insertInto('household_members').values({ household_id: household, person_id: person, role: 'applicant', days_at_home: null }).execute();
  const id = randomUUID();
  caseNumber++;
  await h.db
    .insertInto('cases')
    .values({
      id,
      case_number: `EB-2026-9${String(caseNumber).padStart(5, '0')}`,
      municipality_code: '9001',
      unit_id: unit,
      household_id: household,
      responsible_worker_id: null,
      second_worker_id: null,
      status,
      opened_at: '2026-01-01T00:00:00Z',
      closed_at: null,
      closure_reason: null,
      updated_at: '2026-01-01T00:00:00Z',
    })
    .execute();
  return { id, person };
}

test('the per-unit counters follow every way cases are written', async () => {
  const a1 = await newCase(unitA, 'active');
  await newCase(unitA, 'active');
  await newCase(unitB, 'active');
  const secret = await newCase(unitA, 'active', true);
  assert.deepEqual(await counters(), { 'A/active': 2, 'B/active': 1 }, 'a protected case is not counted per unit');
  await assertCountersExact();

  await h.db.updateTable('cases').set({ status: 'closed' }).where('id', '=', a1.id).execute();
  assert.deepEqual(await counters(), { 'A/active': 1, 'A/closed': 1, 'B/active': 1 });

  await h.db.updateTable('cases').set({ updated_at: '2026-02-01T00:00:00Z' }).execute();
  await assertCountersExact();

  await h.db.updateTable('cases').set({ responsible_worker_id: worker }).where('unit_id', '=', unitA).execute();
  await h.db.updateTable('cases').set({ second_worker_id: worker }).where('unit_id', '=', unitB).execute();
  await assertCountersExact();
  await h.db.updateTable('cases').set({ responsible_worker_id: null }).where('id', '=', a1.id).execute();
  await assertCountersExact();

  await h.db.updateTable('cases').set({ unit_id: unitB }).where('unit_id', '=', unitA).execute();
  assert.deepEqual(await counters(), { 'B/active': 2, 'B/closed': 1 });

  await h.db.updateTable('persons').set({ protected_identity: true }).where('id', '=', a1.person).execute();
  assert.deepEqual(await counters(), { 'B/active': 2 }, 'a case whose person becomes protected leaves the unit count');
  await h.db.updateTable('persons').set({ protected_identity: false }).where('id', '=', secret.person).execute();
  assert.deepEqual(await counters(), { 'B/active': 3 });

  await h.db.deleteFrom('cases').where('id', '=', secret.id).execute();
  assert.deepEqual(await counters(), { 'B/active': 2 });
  await assertCountersExact();
});
