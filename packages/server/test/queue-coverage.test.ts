/**
 * Every waiting item of a seeded municipality appears in exactly one queue: the right person's Min kö, the intake
 * queue or the kassa queue. The waiting items are found here straight from the data (not through the server's
 * definition), so a queue that hides work, or shows it twice, fails the test.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type DatabaseHandle } from '@vagen/db';
import { seedDemo, DEMO_STAFF } from '@vagen/tools/seed/index.ts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { DEFAULT_SETTINGS } from '../src/context.ts';
import { relyingParties } from '../src/start.ts';
import { testSignIn } from './harness.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T09:00:00Z');
const PASSWORD = 'Rätt-lösen-123';
let handle: DatabaseHandle;
let app: FastifyInstance;
const userIds = new Map<string, string>();

async function as(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  assert.equal(res.statusCode, 200, `login ${username}: ${res.body}`);
  const c = res.cookies.find((x) => x.name.endsWith('vagen_session'))!;
  const cookie = `${c.name}=${c.value}`;
  return async (url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    assert.equal(r.statusCode, 200, `${username} GET ${url}: ${r.body}`);
    return r.json();
  };
}

before(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  await seedDemo(db, { households: 60, seed: 2281, today: TODAY, passwordHash: await hashPassword(PASSWORD) });
  for (const u of await db.selectFrom('staff_users').select(['id', 'username']).execute()) userIds.set(u.username, u.id);
  // Waiting things the demo history does not have: a due watch, a proposed payment, an unanswered kommunicering.
  const active = await db.selectFrom('cases').select(['id', 'responsible_worker_id']).where('status', '=', 'active').orderBy('case_number').limit(3).execute();
  await db
    .insertInto('watches')
    .values({
      id: randomUUID(),
      case_id: active[0]!.id,
      due_on: '2026-03-09',
      text: 'Kontrollera hyresavin',
      owner_id: active[0]!.responsible_worker_id!,
      created_by: active[0]!.responsible_worker_id!,
      created_at: '2026-03-01T08:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('watches')
    .values({
      id: randomUUID(),
      case_id: active[0]!.id,
      due_on: '2026-04-01',
      text: 'Inte ännu',
      owner_id: active[0]!.responsible_worker_id!,
      created_by: active[0]!.responsible_worker_id!,
      created_at: '2026-03-01T08:00:00.000Z',
    })
    .execute();
  const planned = await db.selectFrom('payments').select('id').where('status', '=', 'planned').orderBy('id').limit(2).execute();
  for (const p of planned)
    await db
      .updateTable('payments')
      .set({ proposed_at: '2026-03-09T10:00:00.000Z', proposed_by: userIds.get('handlaggare.nord')! })
      .where('id', '=', p.id)
      .execute();
  const decisionId = randomUUID();
  await db
    .insertInto('decisions')
    .values({
      id: decisionId,
      case_id: active[1]!.id,
      outcome: 'refused',
      period_start: '2026-04-01',
      period_end: '2026-04-30',
      amount: 0,
      decided_by: null,
      decided_at: '2026-03-01T10:00:00.000Z',
      status: 'draft',
    })
    .execute();
  await db
    .insertInto('decision_communications')
    .values({
      id: randomUUID(),
      decision_id: decisionId,
      case_id: active[1]!.id,
      kind: 'sent',
      text: 'Vi tänker avslå.',
      sent_at: '2026-03-01T10:00:00.000Z',
      channel: 'letter',
      answer_deadline: '2026-03-08T22:59:59.999Z',
      answer_text: null,
      answered_at: null,
      answer_recorded_by: null,
      exception_id: null,
      unnecessary_reason: null,
      letter_document_id: null,
      recorded_by: active[1]!.responsible_worker_id!,
      recorded_at: '2026-03-01T10:00:00.000Z',
      withdrawn_at: null,
      withdrawn_by: null,
    })
    .execute();
  app = await buildApp({ db, backend: handle.backend, now: () => NOW, settings: { ...DEFAULT_SETTINGS }, ...relyingParties(await testSignIn()) }, { checkResponses: { requireDeclared: true } });
});
after(async () => {
  await app?.close();
  await handle?.close();
});

test('every waiting item appears in exactly one queue, the right one', async () => {
  const db = handle.db;
  // What waits, from the data.
  const expected: { key: string; queue: string }[] = [];
  const owner = (id: string | null) => `Min kö ${[...userIds].find(([, v]) => v === id)?.[0] ?? 'ingen'}`;
  const apps = await sql<{ id: string; rw: string | null }>`
    select a.id, c.responsible_worker_id as rw from applications a join cases c on c.id = a.case_id
    where a.status in ('registered', 'received', 'inProgress', 'inAssessment') and c.status <> 'intake'`.execute(db);
  for (const a of apps.rows) expected.push({ key: `application:${a.id}`, queue: a.rw ? owner(a.rw) : 'mottagning' });
  const intake = await sql<{ id: string }>`select id from cases where status = 'intake'`.execute(db);
  for (const c of intake.rows) expected.push({ key: `intake:${c.id}`, queue: 'mottagning' });
  const pay = await sql<{ id: string }>`select id from payments where status = 'planned' and proposed_at is not null and approved_at is null`.execute(db);
  for (const p of pay.rows) expected.push({ key: `payment:${p.id}`, queue: 'kassa' });
  const back = await sql<{ id: string; rw: string | null; proposed_by: string }>`
    select p.id, c.responsible_worker_id as rw, p.proposed_by from payments p join cases c on c.id = p.case_id
    where p.status = 'returned'
      and not exists (select 1 from payments later where later.decision_id = p.decision_id and later.proposed_at > p.returned_at)`.execute(db);
  for (const p of back.rows) expected.push({ key: `returned:${p.id}`, queue: owner(p.rw ?? p.proposed_by) });
  const comm = await sql<{ id: string; rw: string }>`
    select dc.id, c.responsible_worker_id as rw from decision_communications dc join cases c on c.id = dc.case_id
    where dc.kind = 'sent' and dc.answered_at is null and dc.answer_deadline < ${NOW.toISOString()}`.execute(db);
  for (const x of comm.rows) expected.push({ key: `communication:${x.id}`, queue: owner(x.rw) });
  const watches = await sql<{ id: string; owner_id: string }>`select id, owner_id from watches where done_at is null and due_on <= ${TODAY}`.execute(db);
  for (const x of watches.rows) expected.push({ key: `watch:${x.id}`, queue: owner(x.owner_id) });
  assert.ok(
    apps.rows.length > 5 && intake.rows.length > 0 && pay.rows.length >= 2 && back.rows.length > 0 && comm.rows.length === 1 && watches.rows.length > 1,
    'the seeded data has waiting items of every kind',
  );

  // Where they show, queue by queue.
  const seen = new Map<string, string[]>();
  const saw = (key: string, queue: string) => seen.set(key, [...(seen.get(key) ?? []), queue]);
  for (const s of DEMO_STAFF) {
    const q = await (await as(s.username))('/api/v1/queue');
    for (const i of q.items as { kind: string; ref: { type: string; id: string } | null; caseId: string }[]) {
      if (i.ref?.type === 'application') saw(`application:${i.ref.id}`, `Min kö ${s.username}`);
      if (i.ref?.type === 'communication') saw(`communication:${i.ref.id}`, `Min kö ${s.username}`);
      if (i.ref?.type === 'payment' && i.kind === 'paymentReturned') saw(`returned:${i.ref.id}`, `Min kö ${s.username}`);
      if (i.ref?.type === 'watch') saw(`watch:${i.ref.id}`, `Min kö ${s.username}`);
      if (i.kind === 'intake') saw(`intake:${i.caseId}`, `Min kö ${s.username}`);
    }
  }
  const chef = await as('enhetschef');
  for (const unit of await db.selectFrom('units').select('id').execute()) {
    const q = await chef(`/api/v1/intake?unitId=${unit.id}`);
    for (const i of q.items as { id: string | null; caseId: string; status: string; statusLabel: string }[]) {
      const asApplication = i.statusLabel === 'Ansökan utan ansvarig handläggare';
      if (!asApplication) saw(`intake:${i.caseId}`, 'mottagning');
    }
  }
  const kassa = await (await as('kassa'))('/api/v1/payments?stage=awaitingApproval');
  for (const p of kassa.items as { id: string }[]) saw(`payment:${p.id}`, 'kassa');

  const wrong = expected.flatMap((e) => {
    const got = seen.get(e.key) ?? [];
    return got.length === 1 && got[0] === e.queue ? [] : [`${e.key}: väntas i ${e.queue}, finns i [${got.join(', ')}]`];
  });
  assert.deepEqual(wrong, []);
  // Nothing shows that does not wait.
  const expectedKeys = new Set(expected.map((e) => e.key));
  assert.deepEqual(
    [...seen.keys()].filter((k) => !expectedKeys.has(k)),
    [],
  );
});

test('the start page shows each role its own work, and only what it may read', async () => {
  const nord = await (await as('handlaggare.nord'))('/api/v1/start');
  assert.equal(nord.kind, 'worker');
  assert.ok(nord.worker.items.length > 0, 'the caseworker has waiting applications');
  const mine = await sql<{ n: number }>`
    select count(*)::int as n from applications a join cases c on c.id = a.case_id
    where a.status in ('registered', 'received', 'inProgress', 'inAssessment') and c.status <> 'intake' and c.responsible_worker_id = ${userIds.get('handlaggare.nord')!}`.execute(handle.db);
  assert.equal(nord.worker.items.filter((i: { kind: string }) => i.kind === 'assessment').length, mine.rows[0]!.n);
  const intake = await (await as('mottagning'))('/api/v1/start');
  assert.equal(intake.kind, 'intake');
  assert.ok(intake.intake.total > 0);
  const kassa = await (await as('kassa'))('/api/v1/start');
  const proposed = await sql<{ n: number }>`select count(*)::int as n from payments where status = 'planned' and proposed_at is not null and approved_at is null`.execute(handle.db);
  assert.ok(proposed.rows[0]!.n >= 2);
  assert.equal(kassa.kassa.awaitingApproval, proposed.rows[0]!.n);
  const chef = await (await as('enhetschef'))('/api/v1/start');
  assert.equal(chef.manager.units.length, 2);
  const rows = chef.manager.units.flatMap((u: { workers: { name: string; activeCases: number }[] }) => u.workers);
  assert.ok(rows.some((w: { activeCases: number }) => w.activeCases > 0));
  const nyanstalld = await (await as('nyanstalld'))('/api/v1/start');
  assert.equal(nyanstalld.worker.caseload.newStaff, true);
  assert.equal(nyanstalld.worker.caseload.heavyLimit, 0);
  const admin = await (await as('systemforvaltare'))('/api/v1/start');
  assert.equal(admin.kind, 'admin');
  assert.deepEqual(
    admin.links.map((l: { label: string }) => l.label),
    ['Användare och enheter', 'Regeldokument'],
  );
  // The protected case's applications are in nobody's start page but the named worker's.
  const syd = await (await as('handlaggare.syd'))('/api/v1/start');
  const prot = await sql<{ id: string }>`select id from cases where protected_identity`.execute(handle.db);
  for (const p of prot.rows) assert.ok(!syd.worker.items.some((i: { caseId: string }) => i.caseId === p.id));
});
