import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hashPassword } from '../src/auth/passwords.ts';
import { openWorkItem, PRIORITY, type NewWorkItem } from '../src/queue/work-items.ts';
import { as, auditCount, createWorld, login, PASSWORD, type World } from './harness.ts';

let w: World;
const ids: Record<string, string> = {};
before(async () => {
  w = await createWorld();
  // A second caseworker in Nord without access to the protected case.
  const nord2 = '00000000-0000-4000-8000-000000000900';
  await w.handle.db
    .insertInto('staff_users')
    .values({ id: nord2, municipality_code: '2281', username: 'nord2', display_name: 'Test nord2', role: 'caseWorker', password_hash: await hashPassword(PASSWORD), employed_since: '2024-01-01' })
    .execute();
  await w.handle.db.insertInto('staff_units').values({ user_id: nord2, unit_id: w.ids.unitNord }).execute();
  const now = w.clock.now; // 2026-03-10T09:00:00Z
  const item = (title: string, o: Partial<NewWorkItem>) =>
    openWorkItem(
      w.handle.db,
      {
        municipality: '2281',
        unitId: w.ids.unitNord,
        caseId: w.ids.caseNord,
        kind: 'assessment',
        title,
        priority: PRIORITY.ordinary,
        receivedAt: new Date('2026-03-07T08:00:00Z'),
        ...o,
      },
      now,
    );
  ids.ordinary = await item('Ordinarie utan frist', { assignedTo: w.ids.users.nord! });
  ids.deadlineLate = await item('Frist senare', { priority: PRIORITY.deadline, dueAt: new Date('2026-03-20T12:00:00Z'), assignedTo: w.ids.users.nord! });
  ids.deadlineSoon = await item('Frist passerad', { priority: PRIORITY.deadline, dueAt: new Date('2026-03-09T12:00:00Z'), assignedTo: w.ids.users.nord! });
  ids.acute = await item('Akut', { kind: 'intake', priority: PRIORITY.acute, dueAt: new Date('2026-03-11T12:00:00Z'), receivedAt: new Date('2026-03-10T06:00:00Z'), assignedTo: w.ids.users.nord! });
  ids.appeal = await item('Överklagande', {
    kind: 'appeal',
    priority: PRIORITY.appeal,
    dueAt: new Date('2026-03-17T22:59:59Z'),
    receivedAt: new Date('2026-03-09T23:00:00Z'),
    assignedTo: w.ids.users.nord!,
  });
  ids.roleNord = await item('Rollens uppgift i Nord', { kind: 'decisionApproval', priority: PRIORITY.deadline, dueAt: new Date('2026-03-25T12:00:00Z'), assignedRole: 'caseWorker' });
  ids.roleSyd = await item('Rollens uppgift i Syd', { unitId: w.ids.unitSyd, caseId: w.ids.caseSyd, priority: PRIORITY.deadline, assignedRole: 'caseWorker' });
  ids.cashier = await item('Attestera utbetalning', { kind: 'paymentApproval', priority: PRIORITY.deadline, assignedRole: 'cashier', unitId: null });
  ids.otherWorker = await item('Syds egen', { unitId: w.ids.unitSyd, caseId: w.ids.caseSyd, assignedTo: w.ids.users.syd! });
  ids.protectedRole = await item('Skyddat ärende', { caseId: w.ids.caseProtected, assignedRole: 'caseWorker', receivedAt: new Date('2026-03-06T08:00:00Z') });
  ids.closed = await item('Redan klar', { assignedTo: w.ids.users.nord! });
  await w.handle.db.updateTable('work_items').set({ closed_at: now.toISOString() }).where('id', '=', ids.closed!).execute();
});
after(async () => {
  await w.close();
});

test("my queue: appeals first, then acute, then deadlines by due date, then the rest; my role's items in my units", async () => {
  const nord = as(w, await login(w, 'nord'));
  const before = await auditCount(w, { action: 'queue.read', outcome: 'success' });
  const res = await nord.get('/api/v1/queue');
  assert.equal(res.statusCode, 200);
  const q = res.json();
  assert.deepEqual(
    q.items.map((i: { id: string }) => i.id),
    [ids.appeal, ids.acute, ids.deadlineSoon, ids.deadlineLate, ids.roleNord, ids.protectedRole, ids.ordinary],
  );
  assert.equal(await auditCount(w, { action: 'queue.read', outcome: 'success' }), before + 1);
  const byId = Object.fromEntries(q.items.map((i: { id: string }) => [i.id, i]));
  assert.equal(byId[ids.appeal!].kindLabel, 'Överklagande');
  assert.equal(byId[ids.appeal!].priorityLabel, 'Överklagande');
  assert.equal(byId[ids.appeal!].sinceReceived, '10 timmar');
  assert.equal(byId[ids.ordinary!].sinceReceived, '3 dagar');
  assert.equal(byId[ids.acute!].kindLabel, 'Ny kontakt (mottagning)');
  assert.equal(byId[ids.deadlineSoon!].overdue, true);
  assert.equal(byId[ids.deadlineLate!].overdue, false);
  assert.equal(q.overdue, 1);
  assert.equal(byId[ids.roleNord!].assignedTo, null);
  assert.equal(byId[ids.roleNord!].assignedRole, 'caseWorker');
  assert.equal(byId[ids.ordinary!].caseNumber, 'EB-2026-000001');
});

test('a colleague without access to a protected case does not see its items; other roles and units see their own', async () => {
  const nord2 = (await as(w, await login(w, 'nord2')).get('/api/v1/queue')).json();
  assert.deepEqual(
    nord2.items.map((i: { id: string }) => i.id),
    [ids.roleNord],
  );
  const syd = (await as(w, await login(w, 'syd')).get('/api/v1/queue')).json();
  assert.deepEqual(
    syd.items.map((i: { id: string }) => i.id),
    [ids.roleSyd, ids.otherWorker],
  );
  const kassa = (await as(w, await login(w, 'kassa')).get('/api/v1/queue')).json();
  assert.deepEqual(
    kassa.items.map((i: { id: string }) => i.id),
    [ids.cashier],
  );
});

test('the unit queue: managers see every open item of the unit with its assignee; others may not', async () => {
  const chef = as(w, await login(w, 'chef'));
  const res = await chef.get(`/api/v1/queue/unit?unitId=${w.ids.unitNord}`);
  assert.equal(res.statusCode, 200);
  const q = res.json();
  assert.equal(q.unit.name, 'Försörjningsstöd Nord');
  const got = q.items.map((i: { id: string }) => i.id);
  // chef has no protected access: the protected case's item is not listed. The cashier's item is about a Nord case.
  assert.deepEqual(got, [ids.appeal, ids.acute, ids.deadlineSoon, ids.deadlineLate, ids.roleNord, ids.cashier, ids.ordinary]);
  assert.equal(q.items[0].assignedTo.name, 'Test nord');
  assert.equal(q.unassigned, 2);
  const nord = as(w, await login(w, 'nord'));
  assert.equal((await nord.get(`/api/v1/queue/unit?unitId=${w.ids.unitNord}`)).statusCode, 403);
  const other = await chef.get('/api/v1/queue/unit?unitId=00000000-0000-4000-8000-000000000003');
  assert.equal(other.statusCode, 400);
  assert.equal(other.json().fields[0].path, '/query/unitId');
  assert.equal((await chef.get('/api/v1/queue/unit?unitId=inte-ett-id')).statusCode, 400);
  assert.equal((await w.app.inject({ method: 'GET', url: '/api/v1/queue' })).statusCode, 401);
});
