import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { as, createWorld, login, type World } from './harness.ts';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

test('structured JSON logs hold no personnummer, no cookies and no one-time codes', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp(w.deps, { logger: true, logStream: stream });
  const world = { ...w, app };
  try {
    const s = await login(world, 'nord');
    await as(world, s).post('/api/v1/cases/search', { query: w.pnr.nord });
    await as(world, s).post('/api/v1/cases', { unitId: w.ids.unitNord, applicant: { personnummer: '19850412-0000', firstName: 'A', lastName: 'B' } });
    await app.inject({ method: 'GET', url: '/api/v1/client-auth/callback?code=secretcode123&state=secretstate456' });
  } finally {
    await app.close();
  }
  const text = lines.join('');
  const access = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request completed');
  assert.equal(access.length, 4, 'one line per request');
  assert.deepEqual(
    access.map((l) => [l.req.method, l.req.url, typeof l.res.statusCode, typeof l.responseTime]).at(-1),
    ['GET', '/api/v1/client-auth/callback', 'number', 'number'],
    'method, path without the query, status and time',
  );
  const digits = w.pnr.nord;
  assert.doesNotMatch(text, new RegExp(`${digits}|${digits.slice(0, 8)}-${digits.slice(8)}|${digits.slice(2)}`));
  assert.doesNotMatch(text, /19850412|secretcode123|secretstate456|vagen_session=/);
});

test('a server closing finishes the request in flight', async () => {
  const app = await buildApp(w.deps);
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const inHandler = new Promise<void>((r) => {
    entered = r;
  });
  app.get('/slow-test', async () => {
    entered();
    await gate;
    return { done: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const inFlight = fetch(`http://127.0.0.1:${address.port}/slow-test`).then((r) => r.json());
  // Close only once the request is inside the handler (a fixed sleep was flaky on a busy machine).
  await inHandler;
  const closing = app.close();
  release();
  assert.deepEqual(await inFlight, { done: true });
  await closing;
});
