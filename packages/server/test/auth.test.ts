import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, createWorld, login, PASSWORD, type World } from './harness.ts';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

test('staff sign in and get their profile, a CSRF token and an httpOnly, strict, Secure "__Host-" session cookie', async () => {
  const res = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'Nord', password: PASSWORD } });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.user.roleLabel, 'Socialsekreterare');
  assert.deepEqual(
    body.user.units.map((u: { name: string }) => u.name),
    ['Försörjningsstöd Nord'],
  );
  assert.ok(body.csrfToken.length > 20);
  const cookie = res.cookies.find((c) => c.name === '__Host-vagen_session')!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.equal(cookie.secure, true);
  assert.equal(cookie.path, '/');
  assert.equal(cookie.domain, undefined);
  const stored = await w.handle.db.selectFrom('sessions').select('token_hash').execute();
  assert.ok(
    stored.every((s) => s.token_hash !== cookie.value),
    'only a hash of the token is stored',
  );
});

test('a wrong password gives 401 with a Swedish message', async () => {
  const res = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nord', password: 'fel' } });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().message, 'Fel användarnamn eller lösenord.');
  const unknown = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'finns-inte', password: 'fel' } });
  assert.equal(unknown.statusCode, 401);
  assert.equal(unknown.json().message, res.json().message, 'no hint whether the account exists');
});

test('five failures in a row lock the account, also for the right password, until the lock-out ends', async () => {
  for (let i = 0; i < 5; i++) {
    await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kassa', password: 'fel' } });
  }
  const locked = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kassa', password: PASSWORD } });
  assert.equal(locked.statusCode, 423);
  assert.match(locked.json().message, /låst/);
  const saved = w.clock.now;
  w.clock.now = new Date(saved.getTime() + 16 * 60_000);
  try {
    const ok = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kassa', password: PASSWORD } });
    assert.equal(ok.statusCode, 200);
  } finally {
    w.clock.now = saved;
  }
});

test('a session ends after 30 idle minutes', async () => {
  const s = await login(w, 'syd');
  const saved = w.clock.now;
  try {
    w.clock.now = new Date(saved.getTime() + 29 * 60_000);
    assert.equal((await as(w, s).get('/api/v1/auth/session')).statusCode, 200, 'activity keeps it alive');
    w.clock.now = new Date(w.clock.now.getTime() + 29 * 60_000);
    assert.equal((await as(w, s).get('/api/v1/auth/session')).statusCode, 200);
    w.clock.now = new Date(w.clock.now.getTime() + 31 * 60_000);
    assert.equal((await as(w, s).get('/api/v1/auth/session')).statusCode, 401);
  } finally {
    w.clock.now = saved;
  }
});

test('a session ends 10 hours after sign-in even when active', async () => {
  const s = await login(w, 'syd');
  const saved = w.clock.now;
  try {
    for (let m = 25; m < 600; m += 25) {
      w.clock.now = new Date(saved.getTime() + m * 60_000);
      assert.equal((await as(w, s).get('/api/v1/auth/session')).statusCode, 200, `alive after ${m} min`);
    }
    w.clock.now = new Date(saved.getTime() + 600 * 60_000);
    assert.equal((await as(w, s).get('/api/v1/auth/session')).statusCode, 401);
  } finally {
    w.clock.now = saved;
  }
});

test('a change without the CSRF token is refused', async () => {
  const s = await login(w, 'nord');
  const res = await w.app.inject({ method: 'POST', url: `/api/v1/cases/${w.ids.caseNord}/journal`, headers: { cookie: s.cookie }, payload: { eventDate: '2026-03-10', title: 'x', body: 'y' } });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error, 'CSRF');
  const wrong = await w.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${w.ids.caseNord}/journal`,
    headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
    payload: { eventDate: '2026-03-10', title: 'x', body: 'y' },
  });
  assert.equal(wrong.statusCode, 403);
});

test('logout ends the session on the server', async () => {
  const s = await login(w, 'nord');
  const out = await as(w, s).post('/api/v1/auth/logout');
  assert.equal(out.statusCode, 204);
  assert.equal((await as(w, s).get('/api/v1/cases')).statusCode, 401);
});

test('a session is reused for a moment per process: a sign-out elsewhere takes effect within that moment', async () => {
  const saved = w.deps.settings.sessionCacheMs;
  w.deps.settings.sessionCacheMs = 150;
  try {
    const s = await login(w, 'nord');
    assert.equal((await as(w, s).get('/api/v1/auth/session')).statusCode, 200);
    // Another server process signs the session out: only the database row goes.
    const hash = createHash('sha256')
      .update(decodeURIComponent(s.cookie.split('=')[1]!))
      .digest('hex');
    await w.handle.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await as(w, s).get('/api/v1/auth/session')).statusCode, 401);
    // In this process a sign-out is immediate, cache or not.
    const t = await login(w, 'nord');
    assert.equal((await as(w, t).get('/api/v1/auth/session')).statusCode, 200);
    assert.equal((await as(w, t).post('/api/v1/auth/logout')).statusCode, 204);
    assert.equal((await as(w, t).get('/api/v1/auth/session')).statusCode, 401);
  } finally {
    w.deps.settings.sessionCacheMs = saved;
  }
});

test('health and OpenAPI answer', async () => {
  const health = await w.app.inject({ method: 'GET', url: '/healthz' });
  assert.deepEqual(health.json(), { status: 'ok', backend: w.handle.backend });
  const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/v1/cases/{id}'].get);
  assert.ok(doc.paths['/api/v1/cases'].post.requestBody, 'request schemas come from the same definitions that validate');
});
