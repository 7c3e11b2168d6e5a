import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { makePersonnummer } from '@vagen/domain';
import { as, createWorld, login, type Session, type World } from './harness.ts';

let w: World;
let s: Session;
let chef: Session;
let entryId: string;
before(async () => {
  w = await createWorld();
  s = await login(w, 'nord');
  chef = await login(w, 'chef');
  entryId = (await as(w, s).post(`/api/v1/cases/${w.ids.caseNord}/journal`, { eventDate: '2026-03-10', title: 'Signerad', body: 'Text' })).json().id;
  await as(w, s).post(`/api/v1/journal-entries/${entryId}/sign`);
});
after(async () => {
  await w.close();
});

describe('personnummer', () => {
  const base = () => ({ unitId: w.ids.unitNord, applicant: { personnummer: '', firstName: 'Test', lastName: 'Testsson' } });
  const cases: [string, RegExp][] = [
    ['19850412-1234', /Kontrollsiffran/],
    ['19850231-1234', /giltigt datum/],
    ['19850412', /ÅÅÅÅMMDD-NNNN/],
    ['abc', /ÅÅÅÅMMDD-NNNN/],
    ['20990101-1234', /framtiden/],
  ];
  for (const [value, message] of cases) {
    test(`"${value}" is refused with a field error`, async () => {
      const body = base();
      body.applicant.personnummer =
        value.endsWith('1234') && message.source.includes('Kontroll') ? makePersonnummer('1985-04-12', 123).slice(0, 11) + String((Number(makePersonnummer('1985-04-12', 123)[11]) + 1) % 10) : value;
      const before = await w.handle.db.selectFrom('persons').select('id').execute();
      const res = await as(w, s).post('/api/v1/cases', body);
      assert.equal(res.statusCode, 400);
      const json = res.json();
      assert.equal(json.error, 'VALIDATION');
      assert.equal(json.fields[0].path, '/body/applicant/personnummer');
      assert.match(json.fields[0].message, message);
      assert.equal((await w.handle.db.selectFrom('persons').select('id').execute()).length, before.length, 'nothing saved');
    });
  }

  test('a valid samordningsnummer and the short form with + are accepted', async () => {
    const samordning = makePersonnummer('1992-07-14', 384, true);
    const res = await as(w, s).post('/api/v1/cases', { unitId: w.ids.unitNord, applicant: { personnummer: samordning, firstName: 'Sam', lastName: 'Ordning' } });
    assert.equal(res.statusCode, 201, res.body);
    const old = makePersonnummer('1920-05-05', 125);
    const short = `${old.slice(2, 8)}+${old.slice(8)}`;
    const res2 = await as(w, s).post('/api/v1/cases', { unitId: w.ids.unitNord, applicant: { personnummer: short, firstName: 'Gammal', lastName: 'Person' } });
    assert.equal(res2.statusCode, 201, res2.body);
  });
});

describe('bad input gets 400 with field paths in Swedish', () => {
  test('amounts as text, unknown fields and missing fields', async () => {
    const res = await as(w, s).post(`/api/v1/cases/${w.ids.caseNord}/journal`, { eventDate: '10 mars', title: '', extra: 1 });
    assert.equal(res.statusCode, 400);
    const paths = res
      .json()
      .fields.map((f: { path: string }) => f.path)
      .sort();
    assert.deepEqual(paths, ['/body/body', '/body/eventDate', '/body/extra', '/body/title']);
    assert.ok(res.json().fields.every((f: { message: string }) => /[a-zåäö]/.test(f.message)));
  });

  test('a query limit as text that is not a number', async () => {
    const res = await as(w, s).get('/api/v1/cases?limit=tio');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().fields[0].path, '/query/limit');
  });

  test('malformed JSON', async () => {
    const res = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username": ', headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /JSON/);
  });

  test('a bad id in the path', async () => {
    const res = await as(w, s).get('/api/v1/cases/inte-ett-id');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().fields[0].path, '/params/id');
  });
});

describe('1 000 random malformed bodies to every write endpoint: never a 5xx', () => {
  const endpoints = (): { method: 'POST' | 'PATCH'; url: string; valid: Record<string, unknown>; session: () => Session | null }[] => [
    { method: 'POST', url: '/api/v1/auth/login', valid: { username: 'nord', password: 'x' }, session: () => null },
    { method: 'POST', url: '/api/v1/auth/logout', valid: {}, session: () => null },
    { method: 'POST', url: '/api/v1/cases', valid: { unitId: w.ids.unitNord, applicant: { personnummer: makePersonnummer('1985-04-12', 123), firstName: 'A', lastName: 'B' } }, session: () => s },
    { method: 'POST', url: '/api/v1/cases/search', valid: { query: 'Nordin' }, session: () => s },
    { method: 'POST', url: `/api/v1/cases/${w.ids.caseSyd}/status`, valid: { status: 'monitoring' }, session: () => chef },
    { method: 'POST', url: `/api/v1/cases/${w.ids.caseNord}/journal`, valid: { eventDate: '2026-03-10', title: 't', body: 'b' }, session: () => s },
    { method: 'PATCH', url: `/api/v1/journal-entries/${entryId}`, valid: { body: 'b' }, session: () => s },
    { method: 'POST', url: `/api/v1/journal-entries/${entryId}/sign`, valid: {}, session: () => s },
    { method: 'POST', url: `/api/v1/journal-entries/${entryId}/corrections`, valid: { title: 't', body: 'b' }, session: () => s },
    { method: 'POST', url: '/api/v1/audit/search', valid: { from: '2026-01-01T00:00:00Z' }, session: () => chef },
    { method: 'POST', url: '/api/v1/norm-calculations', valid: { month: '2026-03', adults: [{ id: 'a1', role: 'applicant' }] }, session: () => null },
  ];

  // Malformed: arbitrary JSON values, broken JSON text, and valid bodies with one field replaced or added.
  const malformedBody = (valid: Record<string, unknown>) =>
    fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 60 }),
      fc
        .tuple(fc.constantFrom(...Object.keys(valid), 'extra', '__proto__', 'constructor'), fc.oneof(fc.jsonValue(), fc.string(), fc.integer(), fc.double(), fc.constant(null)))
        .map(([key, value]) => JSON.stringify({ ...valid, [key]: value })),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })).map((o) => JSON.stringify(o)),
    );

  for (const index of Array.from({ length: 11 }, (_, i) => i)) {
    test(`endpoint ${index + 1}`, async () => {
      const e = endpoints()[index]!;
      const session = e.session();
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(malformedBody(e.valid), async (payload) => {
          runs++;
          const res = await w.app.inject({
            method: e.method,
            url: e.url,
            payload,
            headers: { 'content-type': 'application/json', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
          });
          assert.ok(res.statusCode < 500, `${e.method} ${e.url} answered ${res.statusCode} to ${payload}: ${res.body}`);
          if (res.statusCode === 400 && String(res.headers['content-type']).includes('json')) assert.ok(typeof res.json().message === 'string');
        }),
        { numRuns: 1000, seed: 20261123 + index },
      );
      assert.equal(runs >= 1000, true);
    });
  }
});
