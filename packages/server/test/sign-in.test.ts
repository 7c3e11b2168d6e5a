import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { makePersonnummer } from '@vagen/domain';
import { signInAtProvider } from '@vagen/identity-provider/user-agent.ts';
import { productionConfig } from '../src/auth/config.ts';
import { as, auditCount, clientLogin, createWorld, sessionCookie, signInThroughProvider, testSignIn, type World } from './harness.ts';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

const flowCookie = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === '__Host-vagen_signin');
  assert.ok(c, 'the start sets the sign-in cookie');
  return `${c.name}=${c.value}`;
};

describe('client e-ID through the OpenID Connect provider', () => {
  test('authorization → provider sign-in → callback → session: Mina sidor shows the client', async () => {
    const before = await auditCount(w, { action: 'auth.login', outcome: 'success' });
    const start = await w.app.inject({ method: 'GET', url: '/api/v1/client-auth/start?returnTo=/mina-sidor' });
    assert.equal(start.statusCode, 302);
    const authorize = new URL(start.headers.location as string);
    const issuer = (await testSignIn()).eid!.issuer;
    assert.equal(authorize.origin, new URL(issuer).origin, 'the browser goes to the provider, not to Vägen');
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'));
    assert.match(authorize.searchParams.get('scope')!, /https:\/\/id\.oidc\.se\/scope\/naturalPersonNumber/);
    const flow = start.cookies.find((c) => c.name === '__Host-vagen_signin')!;
    assert.equal(flow.sameSite, 'Lax', "the cookie must come along on the provider's redirect back");
    assert.equal(flow.httpOnly, true);
    assert.equal(flow.secure, true);

    const back = await signInAtProvider(authorize.href, { personnummer: w.pnr.nord });
    assert.equal(back.origin + back.pathname, 'http://vagen.test/api/v1/client-auth/callback');
    const callback = await w.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: flowCookie(start) } });
    assert.equal(callback.statusCode, 302);
    assert.equal(callback.headers.location, '/mina-sidor');
    const cookie = sessionCookie(callback);
    const session = await w.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    assert.deepEqual(session.json().person, { id: w.ids.personNord, firstName: 'Nora', lastName: 'Nordin' });
    const mine = await as(w, { cookie, csrf: session.json().csrfToken }).get('/api/v1/me/cases');
    assert.equal(mine.statusCode, 200);
    assert.deepEqual(
      mine.json().items.map((c: { id: string }) => c.id),
      [w.ids.caseNord],
    );
    assert.equal(await auditCount(w, { action: 'auth.login', outcome: 'success' }), before + 1);

    const replay = await w.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: flowCookie(start) } });
    assert.equal(replay.headers.location, '/mina-sidor/logga-in?fel=avbruten', 'a sign-in completes once');
    assert.equal(
      replay.cookies.some((c) => c.name === '__Host-vagen_session'),
      false,
    );
  });

  test('a returnTo outside Mina sidor is ignored', async () => {
    const callback = await signInThroughProvider(w, '/api/v1/client-auth/start?returnTo=https://evil.example/', { personnummer: w.pnr.nord });
    assert.equal(callback.headers.location, '/mina-sidor');
  });

  test("a callback in another browser (without the sign-in cookie, or with another sign-in's) is refused", async () => {
    const mine = await w.app.inject({ method: 'GET', url: '/api/v1/client-auth/start' });
    const theirs = await w.app.inject({ method: 'GET', url: '/api/v1/client-auth/start' });
    const back = await signInAtProvider(mine.headers.location as string, { personnummer: w.pnr.nord });
    const without = await w.app.inject({ method: 'GET', url: back.pathname + back.search });
    assert.equal(without.headers.location, '/mina-sidor/logga-in?fel=avbruten');
    const crossed = await w.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: flowCookie(theirs) } });
    assert.equal(crossed.headers.location, '/mina-sidor/logga-in?fel=avbruten', 'the state does not match that sign-in');
    assert.equal(
      crossed.cookies.some((c) => c.name === '__Host-vagen_session'),
      false,
    );
  });

  test('a changed state is refused', async () => {
    const start = await w.app.inject({ method: 'GET', url: '/api/v1/client-auth/start' });
    const back = await signInAtProvider(start.headers.location as string, { personnummer: w.pnr.nord });
    back.searchParams.set('state', 'x'.repeat(43));
    const res = await w.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: flowCookie(start) } });
    assert.equal(res.headers.location, '/mina-sidor/logga-in?fel=avbruten');
    assert.equal(
      res.cookies.some((c) => c.name === '__Host-vagen_session'),
      false,
    );
  });

  test('an ID token whose nonce is not the one sent is refused', async () => {
    const start = await w.app.inject({ method: 'GET', url: '/api/v1/client-auth/start' });
    const back = await signInAtProvider(start.headers.location as string, { personnummer: w.pnr.nord });
    // The provider answers for another request than the one this sign-in made.
    await w.handle.db.updateTable('sign_in_flows').set({ nonce: 'another-nonce-entirely' }).execute();
    const res = await w.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: flowCookie(start) } });
    assert.equal(res.headers.location, '/mina-sidor/logga-in?fel=avbruten');
    assert.equal(
      res.cookies.some((c) => c.name === '__Host-vagen_session'),
      false,
    );
  });

  test('cancelling at the provider comes back as cancelled, without a session', async () => {
    const res = await signInThroughProvider(w, '/api/v1/client-auth/start', { abort: true });
    assert.equal(res.headers.location, '/mina-sidor/logga-in?fel=avbruten');
    assert.equal(
      res.cookies.some((c) => c.name === '__Host-vagen_session'),
      false,
    );
  });

  test('a person with no record hears so', async () => {
    const res = await signInThroughProvider(w, '/api/v1/client-auth/start', { personnummer: makePersonnummer('1990-01-01', 238) });
    assert.equal(res.headers.location, '/mina-sidor/logga-in?fel=okand');
  });

  test("the provider's page warns that it is a test and refuses an invalid personnummer in Swedish", async () => {
    const start = await w.app.inject({ method: 'GET', url: '/api/v1/client-auth/start' });
    const first = await fetch(start.headers.location as string, { redirect: 'manual' });
    const page = new URL(first.headers.get('location')!, start.headers.location as string);
    const cookies = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const html = await (await fetch(page, { headers: { cookie: cookies } })).text();
    assert.match(html, /Testlegitimering – inte BankID/);
    assert.match(html, /<label for="personnummer">Personnummer<\/label>/);
    const wrongCheckDigit = w.pnr.nord.slice(0, 11) + String((Number(w.pnr.nord[11]) + 1) % 10);
    const bad = await fetch(`${page.href}/login`, {
      method: 'POST',
      headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ personnummer: wrongCheckDigit }),
    });
    assert.equal(bad.status, 400);
    const body = await bad.text();
    assert.match(body, /inte ett giltigt personnummer/);
    assert.match(body, /aria-invalid="true"/);
    assert.match(bad.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  });

  test('the old test e-ID pages are gone', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await w.app.inject({ method, url: '/eid/authorize?state=s&nonce=n&redirect_uri=/api/v1/client-auth/callback' });
      assert.equal(res.statusCode, 404, `${method} /eid/authorize`);
    }
  });

  test('without a configured e-ID nobody can start a client sign-in', async () => {
    const saved = w.deps.eid;
    w.deps.eid = null;
    try {
      const res = await w.app.inject({ method: 'GET', url: '/api/v1/client-auth/start' });
      assert.equal(res.statusCode, 503);
      assert.match(res.json().message, /e-legitimation/);
    } finally {
      w.deps.eid = saved;
    }
  });
});

describe("staff through the municipality's identity provider", () => {
  test('the sign-in page learns that it is offered', async () => {
    assert.deepEqual((await w.app.inject({ method: 'GET', url: '/api/v1/auth/methods' })).json(), { staffOidc: true });
    const saved = w.deps.staffOidc;
    w.deps.staffOidc = null;
    try {
      assert.deepEqual((await w.app.inject({ method: 'GET', url: '/api/v1/auth/methods' })).json(), { staffOidc: false });
      assert.equal((await w.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' })).statusCode, 404);
    } finally {
      w.deps.staffOidc = saved;
    }
  });

  test('a known username signs in to the existing account', async () => {
    const callback = await signInThroughProvider(w, '/api/v1/auth/oidc/start?returnTo=/arenden', { username: 'Chef' });
    assert.equal(callback.headers.location, '/arenden');
    const session = await w.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: sessionCookie(callback) } });
    assert.equal(session.json().kind, 'staff');
    assert.equal(session.json().user.id, w.ids.users.chef);
  });

  test('an unknown user is refused, with no account created', async () => {
    const before = await w.handle.db
      .selectFrom('staff_users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const callback = await signInThroughProvider(w, '/api/v1/auth/oidc/start', { username: 'ny.person' });
    assert.equal(callback.headers.location, '/logga-in?fel=okand');
    assert.equal(
      callback.cookies.some((c) => c.name === '__Host-vagen_session'),
      false,
    );
    const after = await w.handle.db
      .selectFrom('staff_users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
    assert.equal((await auditCount(w, { action: 'auth.login', outcome: 'denied' })) > 0, true);
  });

  test('a deactivated account is refused', async () => {
    await w.handle.db.updateTable('staff_users').set({ active: false }).where('username', '=', 'annan').execute();
    try {
      const callback = await signInThroughProvider(w, '/api/v1/auth/oidc/start', { username: 'annan' });
      assert.equal(callback.headers.location, '/logga-in?fel=inaktiv');
    } finally {
      await w.handle.db.updateTable('staff_users').set({ active: true }).where('username', '=', 'annan').execute();
    }
  });

  test('a client sign-in cannot be finished at the staff callback', async () => {
    const start = await w.app.inject({ method: 'GET', url: '/api/v1/client-auth/start' });
    const back = await signInAtProvider(start.headers.location as string, { personnummer: w.pnr.nord });
    const res = await w.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback${back.search}`, headers: { cookie: flowCookie(start) } });
    assert.equal(res.headers.location, '/logga-in?fel=fel');
  });
});

describe('headers', () => {
  test('responses carry a Content-Security-Policy and the other security headers; the API is not cached', async () => {
    const s = await clientLogin(w, w.pnr.nord);
    const res = await as(w, s).get('/api/v1/me/cases');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.match(String(res.headers['strict-transport-security']), /max-age=/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const error = await w.app.inject({ method: 'GET', url: '/api/v1/cases' });
    assert.equal(error.statusCode, 401);
    assert.match(String(error.headers['content-security-policy']), /default-src 'self'/);
  });
});

describe('the production entry', () => {
  const full = {
    VAGEN_EID_ISSUER: 'https://eid.example.se',
    VAGEN_EID_CLIENT_ID: 'vagen',
    VAGEN_EID_CLIENT_SECRET: 's',
    VAGEN_EID_REDIRECT_URI: 'https://vagen.kommun.se/api/v1/client-auth/callback',
  };

  test('refuses to start without a client e-ID', () => {
    const config = productionConfig({});
    assert.equal(config.ok, false);
    assert.match(!config.ok ? config.problems.join('\n') : '', /Ingen e-legitimation/);
  });

  test('refuses the local test provider and any http issuer', () => {
    for (const issuer of ['http://localhost:3001', 'https://localhost:3001', 'http://eid.example.se']) {
      const config = productionConfig({ ...full, VAGEN_EID_ISSUER: issuer });
      assert.equal(config.ok, false, issuer);
    }
    const staff = productionConfig({
      ...full,
      VAGEN_STAFF_OIDC_ISSUER: 'http://idp.kommun.se',
      VAGEN_STAFF_OIDC_CLIENT_ID: 'v',
      VAGEN_STAFF_OIDC_CLIENT_SECRET: 's',
      VAGEN_STAFF_OIDC_REDIRECT_URI: 'https://vagen.kommun.se/api/v1/auth/oidc/callback',
    });
    assert.equal(staff.ok, false);
  });

  test('names what is missing from a half-done configuration', () => {
    const config = productionConfig({ VAGEN_EID_ISSUER: 'https://eid.example.se' });
    assert.equal(config.ok, false);
    assert.match(!config.ok ? config.problems[0]! : '', /VAGEN_EID_CLIENT_ID, VAGEN_EID_CLIENT_SECRET, VAGEN_EID_REDIRECT_URI/);
  });

  test('accepts an https e-ID broker, with Secure cookies that cannot be turned off', () => {
    const config = productionConfig(full);
    assert.ok(config.ok);
    assert.equal(config.secureCookies, true);
    assert.equal(config.signIn.eid?.scope, 'openid profile https://id.oidc.se/scope/naturalPersonNumber');
    assert.equal(config.signIn.staff, null);
    assert.equal(productionConfig({ ...full, SECURE_COOKIES: 'false' }).ok, false);
  });

  test('a demo may use the local provider over http', () => {
    const config = productionConfig({ ...full, VAGEN_EID_ISSUER: 'http://localhost:3001', VAGEN_DEMO: 'true', SECURE_COOKIES: 'false' });
    assert.ok(config.ok);
    assert.equal(config.demo, true);
    assert.equal(config.secureCookies, false);
  });

  test('the entry itself exits and says why', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VAGEN_')));
    const run = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: {
        ...env,
        VAGEN_EID_ISSUER: 'http://localhost:3001',
        VAGEN_EID_CLIENT_ID: 'a',
        VAGEN_EID_CLIENT_SECRET: 'b',
        VAGEN_EID_REDIRECT_URI: 'http://localhost:3000/api/v1/client-auth/callback',
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /Vägen startar inte/);
    assert.match(run.stderr, /will not start/);
    assert.match(run.stderr, /https/);
  });
});

test("the server's own code never imports the local test provider", async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 20);
  for (const file of files) {
    const text = await readFile(`${src}${file}`, 'utf8');
    assert.doesNotMatch(text, /identity-provider|oidc-provider/, file);
  }
});
