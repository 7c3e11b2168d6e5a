/** Defects found on the way (issue 11, part 5): the access log's review lines, a child without an address. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AUDIT_ACTION_LABELS } from '@vagen/domain';
import { createWorld, login, type World } from './harness.ts';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

async function session(username: string) {
  const s = await login(w, username);
  const headers = (pageView?: string) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, ...(pageView ? { 'x-page-view': pageView } : {}) });
  return {
    get: (url: string, pageView?: string) => w.app.inject({ method: 'GET', url, headers: headers(pageView) }),
    post: (url: string, payload: unknown, pageView?: string) => w.app.inject({ method: 'POST', url, payload: payload as never, headers: headers(pageView) }),
  };
}

test('the access log shows one line per page view, in Swedish, while the records stay one per read', async () => {
  const nord = await session('nord');
  const caseId = w.ids.caseNord;
  const casePage = ['', '/assessment', '/documents', '/appeals', '/watches', '/payments'].map((p) => `/api/v1/cases/${caseId}${p}`);
  for (const url of casePage) assert.equal((await nord.get(url, 'load1:casepage')).statusCode, 200, url);
  // The same page opened again later is another page view; a request without a page view stands alone.
  assert.equal((await nord.get(casePage[0]!, 'load1:again')).statusCode, 200);
  assert.equal((await nord.get(casePage[0]!)).statusCode, 200);

  const records = await w.handle.db.selectFrom('audit_log').select(['action', 'request_id', 'page_view_id']).where('case_id', '=', caseId).where('actor_id', '=', w.ids.users.nord!).execute();
  const ofFirstView = records.filter((r) => r.page_view_id === 'load1:casepage');
  assert.ok(ofFirstView.length >= casePage.length, `one record per read (${ofFirstView.length})`);
  assert.ok(new Set(ofFirstView.map((r) => r.request_id)).size >= casePage.length, 'each request has its own id');
  assert.ok(
    records.every((r) => r.request_id),
    'every record written in a request carries its id',
  );

  const chef = await session('chef');
  const res = await chef.post('/api/v1/audit/search', { caseId, actorId: w.ids.users.nord });
  assert.equal(res.statusCode, 200, res.body);
  const { items, views } = res.json() as {
    items: { id: number; action: string }[];
    views: { label: string; recordIds: number[]; caseNumbers: string[]; actorName: string }[];
  };
  assert.equal(views.length, 3, JSON.stringify(views.map((v) => v.label)));
  const [alone, again, first] = views;
  assert.equal(first!.label, 'Visade ärendesidan');
  assert.equal(first!.recordIds.length, ofFirstView.length);
  assert.equal(first!.actorName, 'Test nord');
  assert.equal(first!.caseNumbers.length, 1);
  assert.deepEqual([again!.label, again!.recordIds.length], ['Visade ärendesidan', 1]);
  assert.deepEqual([alone!.label, alone!.recordIds.length], ['Visade ärendesidan', 1]);
  assert.equal(items.length, ofFirstView.length + 2, 'the records themselves are all there');
  for (const item of items) assert.ok(item.action in AUDIT_ACTION_LABELS, `a Swedish label for ${item.action}`);
});

test('a write and its audit record carry the request id; a made-up page view header is ignored', async () => {
  const nord = await session('nord');
  const res = await nord.post(`/api/v1/cases/${w.ids.caseNord}/journal`, { eventDate: '2026-03-10', title: 'Telefon', body: 'Ringde sökande.' }, 'bad header with spaces');
  assert.ok(res.statusCode < 300, res.body);
  const row = await w.handle.db.selectFrom('audit_log').select(['request_id', 'page_view_id']).where('action', '=', 'journal.create').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.match(row.request_id ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(row.page_view_id, null);
});
