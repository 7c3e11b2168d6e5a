import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, type Database, type DatabaseHandle } from '@vagen/db';
import { canTransition, isCaseStatus, CLOSURE_REASONS } from '@vagen/domain/case-status.ts';
import { parsePersonnummer } from '@vagen/domain/personnummer.ts';
import { STAFF_ROLES } from '@vagen/domain/roles.ts';
import { DEMO_PASSWORD, seedDemo, type DemoLogins } from '../src/seed/index.ts';

const TODAY = '2026-03-10';
const HOUSEHOLDS = 40;
// Seeding stores whatever hash the caller passes; the test needs no real argon2 work.
const FAKE_HASH = '$argon2id$v=19$m=65536,t=3,p=4$dGVzdHRlc3R0ZXN0$dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0dGVzdHRlc3Q';

let a: DatabaseHandle;
let b: DatabaseHandle;
let loginsA: DemoLogins;
let loginsB: DemoLogins;

before(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  loginsA = await seedDemo(a.db, { households: HOUSEHOLDS, seed: 7, today: TODAY, passwordHash: FAKE_HASH });
  loginsB = await seedDemo(b.db, { households: HOUSEHOLDS, seed: 7, today: TODAY, passwordHash: FAKE_HASH });
});
after(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const DIGEST_TABLES = [
  'municipalities',
  'units',
  'staff_users',
  'staff_units',
  'persons',
  'protected_access',
  'households',
  'household_members',
  'cases',
  'case_status_history',
  'applications',
  'decisions',
  'payments',
  'journal_entries',
] as const;

async function digest(db: Kysely<Database>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of DIGEST_TABLES) {
    // Every column as text, ordered by all columns: independent of physical order and of the driver's value types.
    const { rows } = await sql<{ r: string }>`select t::text as r from ${sql.table(table)} t order by 1`.execute(db);
    out[table] = `${rows.length}:${createHash('sha256')
      .update(rows.map((x) => x.r).join('\n'))
      .digest('hex')}`;
  }
  return out;
}

test('same seed and same day give the same data, row for row', async () => {
  const [da, dbb] = await Promise.all([digest(a.db), digest(b.db)]);
  assert.deepEqual(da, dbb);
  assert.deepEqual(loginsA, loginsB);
  assert.ok(Number(da.households!.split(':')[0]) === HOUSEHOLDS);
});

test('every personnummer is valid and agrees with the birth date, sex and samordningsnummer flag', async () => {
  const persons = await a.db.selectFrom('persons').selectAll().execute();
  assert.ok(persons.length >= HOUSEHOLDS);
  for (const p of persons) {
    const parsed = parsePersonnummer(p.personnummer, TODAY);
    assert.ok(parsed.ok, `${p.personnummer}: ${parsed.ok ? '' : parsed.message}`);
    assert.equal(parsed.value.value, p.personnummer);
    assert.equal(parsed.value.birthDate, p.birth_date);
    assert.equal(parsed.value.legalSex, p.sex);
    assert.equal(parsed.value.samordningsnummer, p.samordningsnummer);
  }
  assert.equal(new Set(persons.map((p) => p.personnummer)).size, persons.length);
});

test('ages fit the household roles', async () => {
  const rows = await a.db.selectFrom('household_members').innerJoin('persons', 'persons.id', 'household_members.person_id').select(['role', 'birth_date', 'days_at_home']).execute();
  const age = (birth: string) => Number(TODAY.slice(0, 4)) - Number(birth.slice(0, 4)) - (TODAY.slice(5) < birth.slice(5) ? 1 : 0);
  for (const r of rows) {
    if (r.role === 'child') {
      assert.ok(age(r.birth_date) >= 0 && age(r.birth_date) <= 20, `barn ${r.birth_date}`);
      assert.ok(r.days_at_home !== null && r.days_at_home >= 10 && r.days_at_home <= 30);
    } else {
      assert.ok(age(r.birth_date) >= 18 && age(r.birth_date) <= 80, `vuxen ${r.birth_date}`);
      assert.equal(r.days_at_home, null);
    }
  }
  const applicants = rows.filter((r) => r.role === 'applicant').length;
  assert.equal(applicants, HOUSEHOLDS);
});

test('the twelve demo accounts cover every role and return the shared password', async () => {
  const staff = await a.db.selectFrom('staff_users').selectAll().execute();
  assert.equal(staff.length, 12);
  assert.deepEqual(new Set(staff.map((s) => s.role)), new Set(STAFF_ROLES));
  assert.equal(loginsA.staff.length, 12);
  assert.ok(loginsA.staff.every((s) => s.password === DEMO_PASSWORD));
  assert.ok(staff.every((s) => s.password_hash === FAKE_HASH));
  const newcomer = staff.find((s) => s.username === 'nyanstalld')!;
  assert.ok(newcomer.employed_since > '2026-01-01' && newcomer.employed_since < TODAY);
  assert.deepEqual(loginsA.municipality, { code: '2281', name: 'Vägby kommun (demo)' });
  assert.deepEqual(loginsA.staff.find((s) => s.username === 'systemforvaltare')!.units, []);
  assert.deepEqual(loginsA.staff.find((s) => s.username === 'kassa')!.units, ['Försörjningsstöd Nord', 'Försörjningsstöd Syd']);
});

test('each unit has cases, and every case worker belongs to the case unit', async () => {
  const units = await a.db.selectFrom('units').selectAll().execute();
  assert.deepEqual(units.map((u) => u.name).sort(), ['Försörjningsstöd Nord', 'Försörjningsstöd Syd']);
  const memberships = new Set((await a.db.selectFrom('staff_units').selectAll().execute()).map((m) => `${m.user_id}/${m.unit_id}`));
  const cases = await a.db.selectFrom('cases').selectAll().execute();
  for (const u of units)
    assert.ok(
      cases.some((c) => c.unit_id === u.id),
      `inga ärenden i ${u.name}`,
    );
  for (const c of cases) {
    assert.ok(c.responsible_worker_id, `${c.case_number} saknar ansvarig`);
    assert.ok(memberships.has(`${c.responsible_worker_id}/${c.unit_id}`), `${c.case_number}: ansvarig hör inte till enheten`);
    if (c.second_worker_id) assert.ok(memberships.has(`${c.second_worker_id}/${c.unit_id}`), `${c.case_number}: andra handläggaren hör inte till enheten`);
    assert.match(c.case_number, /^EB-\d{4}-\d{6}$/);
    assert.ok(isCaseStatus(c.status));
    assert.equal(c.closure_reason !== null, c.status === 'closed');
    if (c.closure_reason) assert.ok((CLOSURE_REASONS as readonly string[]).includes(c.closure_reason));
  }
  assert.equal(new Set(cases.map((c) => c.household_id)).size, HOUSEHOLDS);
});

test('the status history of every case is a chain of allowed transitions ending in its status', async () => {
  const cases = await a.db.selectFrom('cases').select(['id', 'status', 'opened_at', 'updated_at']).execute();
  const history = await a.db.selectFrom('case_status_history').selectAll().orderBy('id').execute();
  for (const c of cases) {
    const steps = history.filter((h) => h.case_id === c.id);
    assert.ok(steps.length >= 1);
    assert.equal(steps[0]!.from_status, null);
    assert.equal(steps[0]!.to_status, 'intake');
    assert.equal(steps[0]!.at, c.opened_at);
    for (let i = 1; i < steps.length; i++) {
      assert.equal(steps[i]!.from_status, steps[i - 1]!.to_status);
      assert.ok(isCaseStatus(steps[i]!.from_status) && isCaseStatus(steps[i]!.to_status));
      assert.ok(canTransition(steps[i]!.from_status as never, steps[i]!.to_status as never));
      assert.ok(steps[i]!.at >= steps[i - 1]!.at);
    }
    assert.equal(steps.at(-1)!.to_status, c.status);
    assert.ok(c.updated_at >= steps.at(-1)!.at);
  }
});

test('the protected-identity case is in Nord and only handlaggare.nord has access', async () => {
  const protectedPersons = await a.db.selectFrom('persons').selectAll().where('protected_identity', '=', true).execute();
  assert.ok(protectedPersons.length >= 1);
  assert.ok(protectedPersons.every((p) => p.address_line === null && p.postal_code === null && p.city === null));
  const access = await a.db.selectFrom('protected_access').innerJoin('staff_users', 'staff_users.id', 'protected_access.user_id').select(['person_id', 'username']).execute();
  assert.deepEqual(new Set(access.map((x) => x.username)), new Set(['handlaggare.nord']));
  assert.deepEqual(new Set(access.map((x) => x.person_id)), new Set(protectedPersons.map((p) => p.id)));
  const cases = await a.db
    .selectFrom('cases')
    .innerJoin('household_members', 'household_members.household_id', 'cases.household_id')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin('staff_users', 'staff_users.id', 'cases.responsible_worker_id')
    .where(
      'household_members.person_id',
      'in',
      protectedPersons.map((p) => p.id),
    )
    .select(['cases.id', 'units.name', 'staff_users.username', 'cases.second_worker_id'])
    .distinct()
    .execute();
  assert.equal(cases.length, 1);
  assert.equal(cases[0]!.name, 'Försörjningsstöd Nord');
  assert.equal(cases[0]!.username, 'handlaggare.nord');
  assert.equal(cases[0]!.second_worker_id, null);
  // Nobody else has written in it or acted on it.
  const nord = await a.db.selectFrom('staff_users').select('id').where('username', '=', 'handlaggare.nord').executeTakeFirstOrThrow();
  const authors = await a.db.selectFrom('journal_entries').select('author_id').where('case_id', '=', cases[0]!.id).execute();
  assert.ok(authors.length > 0 && authors.every((x) => x.author_id === nord.id));
});

test('money is whole öre, never negative, and payments follow their decisions', async () => {
  const decisions = await a.db.selectFrom('decisions').selectAll().execute();
  const payments = await a.db.selectFrom('payments').selectAll().execute();
  const applications = await a.db.selectFrom('applications').selectAll().execute();
  assert.ok(decisions.length > HOUSEHOLDS && payments.length > HOUSEHOLDS);
  for (const x of [...decisions.map((d) => d.amount), ...payments.map((p) => p.amount), ...applications.map((p) => p.applied_amount)]) {
    assert.ok(Number.isInteger(x) && x >= 0, String(x));
  }
  for (const d of decisions) {
    assert.equal(d.amount % 100, 0, 'hela kronor');
    if (d.outcome === 'refused' || d.outcome === 'dismissed') assert.equal(d.amount, 0);
  }
  const paidPerDecision = new Map<string, number>();
  for (const p of payments) {
    paidPerDecision.set(p.decision_id!, (paidPerDecision.get(p.decision_id!) ?? 0) + p.amount);
    assert.ok(['client', 'landlord'].includes(p.payee));
    assert.equal(p.status === 'paid', p.planned_date <= TODAY);
    assert.equal(p.paid_at !== null, p.status === 'paid');
  }
  for (const d of decisions) assert.equal(paidPerDecision.get(d.id) ?? 0, d.amount);
  assert.ok(payments.some((p) => p.status === 'planned'));
});

test('journals: most entries signed, corrections refer to signed entries, oral information says from whom', async () => {
  const entries = await a.db.selectFrom('journal_entries').selectAll().execute();
  const byId = new Map(entries.map((e) => [e.id, e]));
  assert.ok(entries.filter((e) => e.signed_at).length > entries.length * 0.8);
  const corrections = entries.filter((e) => e.corrects_entry_id);
  assert.ok(corrections.length >= 1);
  for (const c of corrections) {
    const original = byId.get(c.corrects_entry_id!)!;
    assert.ok(original.signed_at && original.signed_at <= c.created_at);
    assert.equal(original.case_id, c.case_id);
  }
  for (const e of entries) {
    assert.equal(e.received_orally_from === null, e.received_orally_at === null);
    if (e.signed_at) assert.ok(e.signed_at >= e.created_at && e.signed_by === e.author_id);
    assert.ok(e.created_at <= `${TODAY}T23:59:59.999Z`);
  }
  assert.ok(entries.some((e) => e.received_orally_from));
});

test('the returned demo clients are applicants of active cases', async () => {
  assert.ok(loginsA.clients.length >= 2);
  for (const client of loginsA.clients) {
    const row = await a.db
      .selectFrom('persons')
      .innerJoin('household_members', 'household_members.person_id', 'persons.id')
      .innerJoin('cases', 'cases.household_id', 'household_members.household_id')
      .where('persons.personnummer', '=', client.personnummer)
      .select(['household_members.role', 'cases.status', 'persons.first_name', 'persons.last_name'])
      .execute();
    assert.ok(
      row.some((r) => r.role === 'applicant' && r.status === 'active'),
      client.personnummer,
    );
    assert.equal(client.name, `${row[0]!.first_name} ${row[0]!.last_name}`);
    assert.ok(client.note.length > 0);
  }
});
