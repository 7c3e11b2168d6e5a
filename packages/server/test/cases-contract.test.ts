import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makePersonnummer } from '@vagen/domain';
import { as, createWorld, login, type World } from './harness.ts';

/**
 * The cases area's answers against the API contract. The harness checks every JSON answer against its route's
 * response schema with objects closed (a mismatch answers 500 naming route, status and field), including the case
 * list that PostgreSQL writes as JSON text: these tests make sure each answer of the area is provoked at least once.
 */
let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

test('the case list without free text (JSON written by PostgreSQL) matches the contract, in every shape', async () => {
  const s = as(w, await login(w, 'nord'));
  for (const query of ['', '?status=active', '?mine=true', '?status=closed&mine=true', '?limit=1&offset=1']) {
    const res = await s.get(`/api/v1/cases${query}`);
    assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
    assert.equal(typeof res.json().total, 'number');
  }
  const all = (await s.get('/api/v1/cases')).json();
  assert.ok(all.items.length >= 2);
  assert.ok(all.items.every((i: { statusLabel: string; openedAt: string }) => i.statusLabel && i.openedAt.endsWith('Z')));
});

test('the case search (free text, serialised by the server) matches the contract', async () => {
  const s = as(w, await login(w, 'nord'));
  for (const query of ['Nordin', w.pnr.nord, 'EB-2026-000001', 'Ingen Sådan']) {
    const res = await s.post('/api/v1/cases/search', { query });
    assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
  }
  assert.equal((await s.post('/api/v1/cases/search', { query: 'Nordin' })).json().items[0].caseNumber, 'EB-2026-000001');
});

test('opening a case, its page, a journal entry and a status change match the contract', async () => {
  const s = as(w, await login(w, 'nord'));
  const created = await s.post('/api/v1/cases', {
    unitId: w.ids.unitNord,
    applicant: { personnummer: makePersonnummer('1980-01-01', 111), firstName: 'Alma', lastName: 'Ek', addressLine: 'Gatan 2', postalCode: '852 30', city: 'Vägby' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const entry = await s.post(`/api/v1/cases/${id}/journal`, { eventDate: '2026-03-10', title: 'Samtal', body: 'Ringde.', receivedOrallyFrom: 'Alma Ek' });
  assert.equal(entry.statusCode, 201, entry.body);
  assert.equal((await s.post(`/api/v1/journal-entries/${entry.json().id}/sign`)).statusCode, 200);
  const moved = await s.post(`/api/v1/cases/${id}/status`, { status: 'closed', closureReason: 'moved', reason: 'Flyttat' });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().closureReasonLabel, 'Flyttat');
  const page = await s.get(`/api/v1/cases/${id}`);
  assert.equal(page.statusCode, 200, page.body);
  const body = page.json();
  assert.equal(body.household.members[0].sexLabel, 'Man');
  assert.equal(body.journal[0].receivedOrallyFrom, 'Alma Ek');
  assert.equal(body.statusHistory.length, 2);
});

test('the staff list matches the contract', async () => {
  const res = await as(w, await login(w, 'chef')).get('/api/v1/staff');
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().items.some((m: { units: unknown[] }) => m.units.length === 2));
});
