import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createWorld, login, type Session, type World } from './harness.ts';

/**
 * Every write endpoint the server has (read from its own OpenAPI document, so a new route is covered without
 * touching this file) gets 1 000 random malformed bodies from a signed-in manager: the answer is never a 5xx.
 * Path ids are real where the route is about a case, random otherwise (then validation or the access check answers).
 */
let w: World;
let s: Session;
const routes: { method: string; path: string }[] = [];

before(async () => {
  w = await createWorld();
  s = await login(w, 'chef');
  const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      if (['post', 'put', 'patch', 'delete'].includes(method)) routes.push({ method: method.toUpperCase(), path });
    }
  }
});
after(async () => {
  await w.close();
});

const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
  fc
    .dictionary(
      fc.constantFrom('amount', 'personnummer', 'status', 'outcome', 'periodStart', 'unitId', 'text', 'parts', 'adults', 'month', 'extra'),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.integer(), fc.double(), fc.constant(null)),
    )
    .map((o) => JSON.stringify(o)),
);

test('the server has write endpoints to check', () => {
  assert.ok(routes.length >= 40, `found ${routes.length}`);
});

test('1 000 malformed bodies to every write endpoint: never a 5xx', async () => {
  const randomId = '00000000-0000-4000-8000-0000000000ff';
  let requests = 0;
  for (const route of routes) {
    const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' && route.path.startsWith('/api/v1/cases/') ? w.ids.caseSyd : randomId));
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        requests++;
        const res = await w.app.inject({
          method: route.method as 'POST',
          url,
          payload,
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        });
        assert.ok(res.statusCode < 500, `${route.method} ${url} answered ${res.statusCode} to ${payload}: ${res.body.slice(0, 300)}`);
      }),
      { numRuns: 1000, seed: 2281 },
    );
  }
  assert.ok(requests >= routes.length * 1000);
});
