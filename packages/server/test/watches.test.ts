import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, auditCount, createWorld, login, type World } from './harness.ts';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

test("a watch (bevakning) is a dated item in the owner's queue until it is done", async () => {
  const nord = as(w, await login(w, 'nord'));
  const before = await auditCount(w, { action: 'watch.create', outcome: 'success' });
  const res = await nord.post(`/api/v1/cases/${w.ids.caseNord}/watches`, { dueOn: '2026-03-20', text: 'Kontrollera att hyresavin för april kommit in.' });
  assert.equal(res.statusCode, 201, res.body);
  const watch = res.json();
  assert.equal(watch.ownerName, 'Test nord', 'default owner is me');
  assert.equal(watch.dueOn, '2026-03-20');
  assert.equal(watch.overdue, false);
  assert.equal(await auditCount(w, { action: 'watch.create', outcome: 'success' }), before + 1);

  const item = (await nord.get('/api/v1/queue')).json().items.find((i: { ref: { id: string } | null }) => i.ref?.id === watch.id);
  assert.equal(item.kind, 'watch');
  assert.equal(item.kindLabel, 'Bevakning');
  assert.equal(item.dueAt, '2026-03-20T22:59:59.999Z', 'the end of the Swedish day');
  assert.match(item.title, /^Kontrollera att hyresavin/);

  const list = (await nord.get(`/api/v1/cases/${w.ids.caseNord}/watches`)).json();
  assert.equal(list.items.length, 1);
  assert.ok(list.owners.some((o: { name: string }) => o.name === 'Test chef'));
  assert.ok(!list.owners.some((o: { name: string }) => o.name === 'Test syd'), 'syd cannot see the case');

  w.clock.now = new Date('2026-03-21T08:00:00Z');
  const nordLater = as(w, await login(w, 'nord'));
  const overdue = (await nordLater.get(`/api/v1/cases/${w.ids.caseNord}/watches`)).json().items[0];
  assert.equal(overdue.overdue, true);
  assert.equal((await nordLater.get('/api/v1/queue')).json().items.find((i: { ref: { id: string } | null }) => i.ref?.id === watch.id).overdue, true);

  const done = await nordLater.post(`/api/v1/watches/${watch.id}/done`, { note: 'Hyresavin har kommit.' });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().doneByName, 'Test nord');
  assert.equal(done.json().doneNote, 'Hyresavin har kommit.');
  assert.equal(done.json().overdue, false);
  assert.ok(!(await nordLater.get('/api/v1/queue')).json().items.some((i: { ref: { id: string } | null }) => i.ref?.id === watch.id));
  assert.equal((await nordLater.post(`/api/v1/watches/${watch.id}/done`, {})).statusCode, 409);
  w.clock.now = new Date('2026-03-10T09:00:00Z');
});

test('a watch for a colleague lands in their queue; bad dates, owners and access are refused', async () => {
  w.clock.now = new Date('2026-03-10T09:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const forChef = await nord.post(`/api/v1/cases/${w.ids.caseNord}/watches`, { dueOn: '2026-04-01', text: 'Uppföljning efter nybesök', ownerId: w.ids.users.chef });
  assert.equal(forChef.statusCode, 201);
  const chef = as(w, await login(w, 'chef'));
  assert.ok((await chef.get('/api/v1/queue')).json().items.some((i: { ref: { id: string } | null }) => i.ref?.id === forChef.json().id));

  const past = await nord.post(`/api/v1/cases/${w.ids.caseNord}/watches`, { dueOn: '2026-03-09', text: 'För sent' });
  assert.equal(past.statusCode, 400);
  assert.equal(past.json().fields[0].path, '/body/dueOn');
  const badDate = await nord.post(`/api/v1/cases/${w.ids.caseNord}/watches`, { dueOn: '10 april', text: 'X' });
  assert.equal(badDate.statusCode, 400);
  const noAccess = await nord.post(`/api/v1/cases/${w.ids.caseNord}/watches`, { dueOn: '2026-04-01', text: 'X', ownerId: w.ids.users.syd });
  assert.equal(noAccess.statusCode, 400);
  assert.equal(noAccess.json().fields[0].path, '/body/ownerId');
  const syd = as(w, await login(w, 'syd'));
  assert.equal((await syd.post(`/api/v1/cases/${w.ids.caseNord}/watches`, { dueOn: '2026-04-01', text: 'X' })).statusCode, 404);
  assert.equal((await syd.get(`/api/v1/cases/${w.ids.caseNord}/watches`)).statusCode, 404);
  assert.equal((await syd.post(`/api/v1/watches/${forChef.json().id}/done`, {})).statusCode, 404);
  const kassa = as(w, await login(w, 'kassa'));
  assert.equal((await kassa.post(`/api/v1/cases/${w.ids.caseNord}/watches`, { dueOn: '2026-04-01', text: 'X' })).statusCode, 403);
  const list = (await kassa.get(`/api/v1/cases/${w.ids.caseNord}/watches`)).json();
  assert.equal(list.permissions.canWrite, false);
  assert.equal((await w.handle.db.selectFrom('watches').select('id').execute()).length, 2, 'nothing else saved');
  // Marking done without a body works too.
  assert.equal((await chef.post(`/api/v1/watches/${forChef.json().id}/done`)).statusCode, 200);
});
