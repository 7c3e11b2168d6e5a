import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { storeDocument } from '../src/documents/store.ts';
import { as, auditCount, clientLogin, createWorld, login, type World } from './harness.ts';

let w: World;
const ids: Record<string, string> = {};
before(async () => {
  w = await createWorld();
  const db = w.handle.db;
  const at = new Date('2026-03-09T10:00:00Z');
  ids.letter = await storeDocument(
    db,
    {
      caseId: w.ids.caseNord,
      municipality: '2281',
      kind: 'decisionLetter',
      title: 'Beslut om ekonomiskt bistånd – mars 2026',
      mimeType: 'application/pdf',
      content: Buffer.from('%PDF-1.4 test'),
      visibleToClient: true,
      createdBy: w.ids.users.nord!,
      locked: true,
    },
    at,
  );
  ids.internal = await storeDocument(
    db,
    {
      caseId: w.ids.caseNord,
      municipality: '2281',
      kind: 'upload',
      title: 'Kontoutdrag',
      mimeType: 'text/plain',
      content: Buffer.from('intern handling'),
      createdBy: w.ids.users.nord!,
      locked: false,
    },
    new Date('2026-03-09T11:00:00Z'),
  );
  ids.paymentFile = await storeDocument(
    db,
    {
      caseId: null,
      municipality: '2281',
      kind: 'paymentFile',
      title: 'Betalfil 2026-03-25',
      mimeType: 'application/xml',
      content: Buffer.from('<Document/>'),
      createdBy: w.ids.users.kassa!,
      locked: true,
    },
    at,
  );
});
after(async () => {
  await w.close();
});

test('the documents of a case: listed with kind, author, lock and visibility; the list is audited', async () => {
  const nord = as(w, await login(w, 'nord'));
  const before = await auditCount(w, { action: 'document.list', caseId: w.ids.caseNord });
  const res = await nord.get(`/api/v1/cases/${w.ids.caseNord}/documents`);
  assert.equal(res.statusCode, 200);
  const items = res.json().items;
  assert.deepEqual(
    items.map((d: { id: string }) => d.id),
    [ids.internal, ids.letter],
    'newest first; the payment file is not on the case',
  );
  assert.deepEqual(
    { kindLabel: items[1].kindLabel, createdByName: items[1].createdByName, locked: items[1].locked, visibleToClient: items[1].visibleToClient, url: items[1].url },
    { kindLabel: 'Beslutsbrev', createdByName: 'Test nord', locked: true, visibleToClient: true, url: `/api/v1/documents/${ids.letter}` },
  );
  assert.equal(items[0].locked, false);
  assert.equal(await auditCount(w, { action: 'document.list', caseId: w.ids.caseNord }), before + 1);
  assert.equal((await as(w, await login(w, 'syd')).get(`/api/v1/cases/${w.ids.caseNord}/documents`)).statusCode, 404);
});

test('a document is served with its mime type after the read is audited; no access answers 404 and is logged as denied', async () => {
  const nord = as(w, await login(w, 'nord'));
  const before = await auditCount(w, { action: 'document.read', outcome: 'success' });
  const res = await nord.get(`/api/v1/documents/${ids.letter}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.match(String(res.headers['content-disposition']), /^inline; filename="Beslut om ekonomiskt bistand _ mars 2026.pdf"; filename\*=UTF-8''Beslut%20om%20ekonomiskt%20bist%C3%A5nd/);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.equal(res.body, '%PDF-1.4 test');
  assert.equal(await auditCount(w, { action: 'document.read', outcome: 'success' }), before + 1);
  const row = await w.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'document.read').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(row.target_id, ids.letter);
  assert.equal(row.case_id, w.ids.caseNord);
  assert.equal(row.actor_id, w.ids.users.nord);

  const denied = await auditCount(w, { action: 'document.read', outcome: 'denied' });
  const syd = as(w, await login(w, 'syd'));
  const no = await syd.get(`/api/v1/documents/${ids.letter}`);
  assert.equal(no.statusCode, 404);
  assert.doesNotMatch(no.body, /PDF/);
  assert.equal(await auditCount(w, { action: 'document.read', outcome: 'denied' }), denied + 1);
  assert.equal((await nord.get('/api/v1/documents/00000000-0000-4000-8000-999999999999')).statusCode, 404);
  assert.equal((await w.app.inject({ method: 'GET', url: `/api/v1/documents/${ids.letter}` })).statusCode, 401);
});

test('municipality documents (payment files) only to cashiers and managers of that municipality', async () => {
  const url = `/api/v1/documents/${ids.paymentFile}`;
  assert.equal((await as(w, await login(w, 'nord')).get(url)).statusCode, 404, 'a caseworker');
  const kassa = await as(w, await login(w, 'kassa')).get(url);
  assert.equal(kassa.statusCode, 200);
  assert.equal(kassa.headers['content-type'], 'application/xml');
  assert.match(String(kassa.headers['content-disposition']), /^attachment; filename="Betalfil 2026-03-25.xml"/);
  assert.equal((await as(w, await login(w, 'chef')).get(url)).statusCode, 200);
  assert.equal((await as(w, await login(w, 'annan')).get(url)).statusCode, 404, 'another municipality');
  assert.equal((await as(w, await login(w, 'admin')).get(url)).statusCode, 404);
});

test('a client reads only the documents of their own case that are marked for them', async () => {
  const client = as(w, await clientLogin(w, w.pnr.nord));
  assert.equal((await client.get(`/api/v1/documents/${ids.letter}`)).statusCode, 200);
  assert.equal((await client.get(`/api/v1/documents/${ids.internal}`)).statusCode, 404);
  assert.equal((await client.get(`/api/v1/documents/${ids.paymentFile}`)).statusCode, 404);
  const other = as(w, await clientLogin(w, w.pnr.syd));
  assert.equal((await other.get(`/api/v1/documents/${ids.letter}`)).statusCode, 404);
});
