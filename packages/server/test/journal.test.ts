import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makePersonnummer } from '@vagen/domain';
import { as, auditCount, createWorld, login, type World } from './harness.ts';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

test('a journal entry is editable by its author until signed, then locked; a correction refers to it', async () => {
  const nord = as(w, await login(w, 'nord'));
  const created = await nord.post(`/api/v1/cases/${w.ids.caseNord}/journal`, {
    eventDate: '2026-03-09',
    title: 'Telefonsamtal',
    body: 'Sökande ringde om hyran.',
    receivedOrallyFrom: 'Sökande, per telefon',
    receivedOrallyAt: '2026-03-09T13:15:00Z',
  });
  assert.equal(created.statusCode, 201);
  const entry = created.json();
  assert.equal(entry.receivedOrallyFrom, 'Sökande, per telefon');
  assert.equal(entry.receivedOrallyAt, '2026-03-09T13:15:00.000Z');
  assert.equal(entry.signedAt, null);

  const edited = await nord.patch(`/api/v1/journal-entries/${entry.id}`, { body: 'Sökande ringde om hyran för mars.' });
  assert.equal(edited.statusCode, 200);
  assert.equal(edited.json().body, 'Sökande ringde om hyran för mars.');

  const chef = as(w, await login(w, 'chef'));
  const notAuthor = await chef.patch(`/api/v1/journal-entries/${entry.id}`, { body: 'Chefen ändrar' });
  assert.equal(notAuthor.statusCode, 409);
  assert.match(notAuthor.json().message, /Bara den som skrev/);

  const signed = await nord.post(`/api/v1/journal-entries/${entry.id}/sign`);
  assert.equal(signed.statusCode, 200);
  assert.equal(signed.json().signedByName, 'Test nord');

  const afterSign = await nord.patch(`/api/v1/journal-entries/${entry.id}`, { body: 'Ändrat i efterhand' });
  assert.equal(afterSign.statusCode, 409);
  assert.match(afterSign.json().message, /signerad/);
  assert.equal((await nord.post(`/api/v1/journal-entries/${entry.id}/sign`)).statusCode, 409, 'cannot be signed twice');

  const correction = await nord.post(`/api/v1/journal-entries/${entry.id}/corrections`, { title: 'Rättelse', body: 'Samtalet gällde hyran för april.' });
  assert.equal(correction.statusCode, 201);
  assert.equal(correction.json().correctsEntryId, entry.id);

  const page = (await nord.get(`/api/v1/cases/${w.ids.caseNord}`)).json();
  const original = page.journal.find((j: { id: string }) => j.id === entry.id);
  assert.equal(original.body, 'Sökande ringde om hyran för mars.', 'the signed text is unchanged');
  assert.equal(original.canEdit, false);
  assert.equal(original.canCorrect, true);
});

test('a correction of an unsigned entry is refused (edit it instead)', async () => {
  const nord = as(w, await login(w, 'nord'));
  const entry = (await nord.post(`/api/v1/cases/${w.ids.caseNord}/journal`, { eventDate: '2026-03-10', title: 'Utkast', body: 'Text' })).json();
  const res = await nord.post(`/api/v1/journal-entries/${entry.id}/corrections`, { title: 'R', body: 'R' });
  assert.equal(res.statusCode, 409);
});

test('journal writes are audited and need access to the case', async () => {
  const before = await auditCount(w, { action: 'journal.create', outcome: 'success' });
  const syd = as(w, await login(w, 'syd'));
  const denied = await syd.post(`/api/v1/cases/${w.ids.caseNord}/journal`, { eventDate: '2026-03-10', title: 'x', body: 'y' });
  assert.equal(denied.statusCode, 404);
  const kassa = as(w, await login(w, 'kassa'));
  const noCapability = await kassa.post(`/api/v1/cases/${w.ids.caseNord}/journal`, { eventDate: '2026-03-10', title: 'x', body: 'y' });
  assert.equal(noCapability.statusCode, 403);
  const nord = as(w, await login(w, 'nord'));
  await nord.post(`/api/v1/cases/${w.ids.caseNord}/journal`, { eventDate: '2026-03-10', title: 'x', body: 'y' });
  assert.equal(await auditCount(w, { action: 'journal.create', outcome: 'success' }), before + 1);
});

test('a case moves through its statuses with history; closing needs a reason; a wrong move is refused', async () => {
  const nord = as(w, await login(w, 'nord'));
  const bad = await nord.post(`/api/v1/cases/${w.ids.caseNord}/status`, { status: 'closed' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().fields[0].path, '/body/closureReason');
  const wrong = await nord.post(`/api/v1/cases/${w.ids.caseNord}/status`, { status: 'intake' });
  assert.equal(wrong.statusCode, 409);
  const closed = await nord.post(`/api/v1/cases/${w.ids.caseNord}/status`, { status: 'closed', closureReason: 'work', reason: 'Fått anställning' });
  assert.equal(closed.statusCode, 200);
  const body = closed.json();
  assert.equal(body.status, 'closed');
  assert.equal(body.closureReason, 'work');
  assert.deepEqual(
    body.statusHistory.slice(0, 2).map((h: { toStatus: string }) => h.toStatus),
    ['closed', 'active'],
  );
  assert.equal(body.statusHistory[0].actorName, 'Test nord');
  assert.equal(body.statusHistory[0].reason, 'Fått anställning');
  const reopened = await nord.post(`/api/v1/cases/${w.ids.caseNord}/status`, { status: 'investigation', reason: 'Ny ansökan' });
  assert.equal(reopened.json().closedAt, null);
});

test('a new case with household; the case number runs on', async () => {
  const nord = as(w, await login(w, 'nord'));
  const res = await nord.post('/api/v1/cases', {
    unitId: w.ids.unitNord,
    applicant: { personnummer: makePersonnummer('1980-03-15', 123), firstName: 'Per', lastName: 'Persson', postalCode: '852 30' },
    children: [{ personnummer: makePersonnummer('2015-01-01', 124), firstName: 'Lo', lastName: 'Persson' }],
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().caseNumber, 'EB-2026-000005', 'after the four existing 2026 cases');
  const page = (await nord.get(`/api/v1/cases/${res.json().id}`)).json();
  assert.equal(page.status, 'intake');
  assert.deepEqual(
    page.household.members.map((m: { role: string; sex: string }) => [m.role, m.sex]),
    [
      ['applicant', 'M'],
      ['child', 'K'],
    ],
    'sex from the second-to-last digit',
  );
  const adultChild = await nord.post('/api/v1/cases', {
    unitId: w.ids.unitSyd,
    applicant: { personnummer: makePersonnummer('2010-01-01', 125), firstName: 'Ung', lastName: 'Person' },
  });
  assert.equal(adultChild.statusCode, 400);
  assert.deepEqual(
    adultChild.json().fields.map((f: { path: string }) => f.path),
    ['/body/unitId', '/body/applicant/personnummer'],
  );
});
