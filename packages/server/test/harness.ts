import { createTestDatabase, type DatabaseHandle } from '@vagen/db';
import { makePersonnummer, type StaffRole } from '@vagen/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { startIdentityProvider } from '@vagen/identity-provider';
import { signInAtProvider, type SignInAs } from '@vagen/identity-provider/user-agent.ts';
import { buildApp } from '../src/app.ts';
import type { SignInSettings } from '../src/auth/config.ts';
import { NATURAL_PERSON_NUMBER_SCOPE } from '../src/auth/oidc.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { DEFAULT_SETTINGS, type AppDeps } from '../src/context.ts';
import { relyingParties } from '../src/start.ts';

export const PASSWORD = 'Rätt-lösen-123';
let passwordHash: Promise<string> | null = null;

/** A small, fully known world: one municipality, units Nord and Syd, a few staff and cases. */
export interface World {
  app: FastifyInstance;
  handle: DatabaseHandle;
  deps: AppDeps;
  clock: { now: Date };
  ids: {
    unitNord: string;
    unitSyd: string;
    users: Record<string, string>;
    caseNord: string;
    caseSyd: string;
    caseProtected: string;
    caseAssignedAcross: string;
    personNord: string;
    personSyd: string;
    personProtected: string;
  };
  pnr: { nord: string; syd: string; protected: string; child: string };
  close(): Promise<void>;
}

/** Where the test app says it lives; the provider sends the browser back to these callbacks. */
export const TEST_ORIGIN = 'http://vagen.test';
let testProvider: Promise<SignInSettings> | null = null;
/** The local OpenID Connect provider, started once per test file, as the e-ID broker and the staff identity provider. */
export function testSignIn(): Promise<SignInSettings> {
  testProvider ??= (async () => {
    const eid = { clientId: 'vagen-eid', clientSecret: 'test-eid-secret', redirectUri: `${TEST_ORIGIN}/api/v1/client-auth/callback` };
    const staff = { clientId: 'vagen-staff', clientSecret: 'test-staff-secret', redirectUri: `${TEST_ORIGIN}/api/v1/auth/oidc/callback` };
    const idp = await startIdentityProvider({
      port: 0,
      clients: [
        { kind: 'eid', ...eid, redirectUris: [eid.redirectUri] },
        { kind: 'staff', ...staff, redirectUris: [staff.redirectUri] },
      ],
    });
    idp.unref();
    return {
      eid: { issuer: idp.issuer, ...eid, scope: `openid profile ${NATURAL_PERSON_NUMBER_SCOPE}` },
      staff: { issuer: idp.issuer, ...staff, scope: 'openid profile', usernameClaim: 'preferred_username' },
    };
  })();
  return testProvider;
}

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export async function createWorld(): Promise<World> {
  const handle = await createTestDatabase();
  const db = handle.db;
  const clock = { now: new Date('2026-03-10T09:00:00Z') };
  const deps: AppDeps = { db, backend: handle.backend, now: () => clock.now, settings: { ...DEFAULT_SETTINGS }, ...relyingParties(await testSignIn()) };
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;

  const unitNord = uid(1),
    unitSyd = uid(2);
  await db
    .insertInto('municipalities')
    .values([
      { code: '2281', name: 'Testkommun' },
      { code: '0180', name: 'Annan kommun' },
    ])
    .execute();
  await db
    .insertInto('units')
    .values([
      { id: unitNord, municipality_code: '2281', name: 'Försörjningsstöd Nord' },
      { id: unitSyd, municipality_code: '2281', name: 'Försörjningsstöd Syd' },
      { id: uid(3), municipality_code: '0180', name: 'Annan enhet' },
    ])
    .execute();
  const staff: [string, StaffRole, string[], string?][] = [
    ['nord', 'caseWorker', [unitNord]],
    ['syd', 'caseWorker', [unitSyd]],
    ['chef', 'unitManager', [unitNord, unitSyd]],
    ['admin', 'systemAdministrator', []],
    ['kassa', 'cashier', [unitNord]],
    ['annan', 'caseWorker', [uid(3)], '0180'],
  ];
  const users: Record<string, string> = {};
  let n = 100;
  for (const [username, role, units, municipality] of staff) {
    const id = uid(n++);
    users[username] = id;
    await db
      .insertInto('staff_users')
      .values({ id, municipality_code: municipality ?? '2281', username, display_name: `Test ${username}`, role, password_hash: hash, employed_since: '2020-01-01' })
      .execute();
    for (const unit of units) await db.insertInto('staff_units').values({ user_id: id, unit_id: unit }).execute();
  }

  const pnr = {
    nord: makePersonnummer('1985-04-12', 123),
    syd: makePersonnummer('1990-11-30', 456),
    protected: makePersonnummer('1978-02-02', 782),
    child: makePersonnummer('2015-06-01', 222),
  };
  const person = async (id: string, p: string, first: string, last: string, prot = false) => {
    await db
      .insertInto('persons')
      .values({
        id,
        personnummer: p,
        first_name: first,
        last_name: last,
        sex: 'K',
        birth_date: `${p.slice(0, 4)}-${p.slice(4, 6)}-${p.slice(6, 8)}`,
        address_line: 'Storgatan 1',
        postal_code: '85230',
        city: 'Vägby',
        protected_identity: prot,
        phone: null,
        email: null,
      })
      .execute();
  };
  const personNord = uid(200),
    personSyd = uid(201),
    personProtected = uid(202),
    child = uid(203),
    personAcross = uid(204);
  await person(personNord, pnr.nord, 'Nora', 'Nordin');
  await person(personSyd, pnr.syd, 'Sara', 'Sydberg');
  await person(personProtected, pnr.protected, 'Hemlig', 'Hemligsson', true);
  await person(child, pnr.child, 'Kim', 'Nordin');
  await person(personAcross, makePersonnummer('1970-01-01', 333), 'Tvär', 'Tvärsson');
  await db.insertInto('protected_access').values({ person_id: personProtected, user_id: users.nord! }).execute();

  const caseRow = async (n: number, unit: string, worker: string, members: [string, 'applicant' | 'coApplicant' | 'child'][]) => {
    const householdId = uid(300 + n),
      caseId = uid(400 + n);
    await db.insertInto('households').values({ id: householdId, municipality_code: '2281' }).execute();
    for (const [pid, role] of members) await db.insertInto('household_members').values({ household_id: householdId, person_id: pid, role, days_at_home: null }).execute();
    const at = '2026-01-05T10:00:00.000Z';
    await db
      .insertInto('cases')
      .values({
        id: caseId,
        case_number: `EB-2026-00000${n}`,
        municipality_code: '2281',
        unit_id: unit,
        household_id: householdId,
        responsible_worker_id: worker,
        second_worker_id: null,
        status: 'active',
        opened_at: at,
        closed_at: null,
        closure_reason: null,
        updated_at: at,
      })
      .execute();
    await db.insertInto('case_status_history').values({ case_id: caseId, from_status: null, to_status: 'active', actor_kind: 'staff', actor_id: worker, reason: null, at }).execute();
    return caseId;
  };
  const caseNord = await caseRow(1, unitNord, users.nord!, [
    [personNord, 'applicant'],
    [child, 'child'],
  ]);
  const caseSyd = await caseRow(2, unitSyd, users.syd!, [[personSyd, 'applicant']]);
  const caseProtected = await caseRow(3, unitNord, users.nord!, [[personProtected, 'applicant']]);
  // A Syd case whose responsible worker is the Nord worker: assigned cases are visible across units.
  const caseAssignedAcross = await caseRow(4, unitSyd, users.nord!, [[personAcross, 'applicant']]);

  const app = await buildApp(deps, { checkResponses: { requireDeclared: true } });
  return {
    app,
    handle,
    deps,
    clock,
    ids: { unitNord, unitSyd, users, caseNord, caseSyd, caseProtected, caseAssignedAcross, personNord, personSyd, personProtected },
    pnr,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(world: World, username: string, password = PASSWORD): Promise<Session> {
  const res = await world.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res), csrf: res.json().csrfToken };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'vagen_session' || x.name === '__Host-vagen_session');
  if (!c) throw new Error('no session cookie');
  return `${c.name}=${c.value}`;
}

/**
 * Goes through a sign-in at the local provider as a browser would: Vägen's start URL, the provider's page, back to
 * Vägen's callback with the sign-in cookie. Returns the callback's response.
 */
export async function signInThroughProvider(world: World, startUrl: string, who: SignInAs): Promise<LightMyRequestResponse> {
  const start = await world.app.inject({ method: 'GET', url: startUrl });
  if (start.statusCode !== 302) throw new Error(`start: ${start.statusCode} ${start.body}`);
  const flow = start.cookies.find((c) => c.name.endsWith('vagen_signin'));
  const back = await signInAtProvider(start.headers.location as string, who);
  return world.app.inject({ method: 'GET', url: back.pathname + back.search, headers: flow ? { cookie: `${flow.name}=${flow.value}` } : {} });
}

/** Signs a client in through the whole e-ID flow at the local OpenID Connect provider. */
export async function clientLogin(world: World, personnummer: string): Promise<Session> {
  const callback = await signInThroughProvider(world, '/api/v1/client-auth/start', { personnummer });
  if (callback.headers.location !== '/mina-sidor') throw new Error(`callback went to ${callback.headers.location}`);
  const cookie = sessionCookie(callback);
  const session = await world.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
  return { cookie, csrf: session.json().csrfToken };
}

export function as(world: World, s: Session) {
  return {
    get: (url: string) => world.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } }),
    post: (url: string, payload?: unknown) => world.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } }),
    patch: (url: string, payload?: unknown) => world.app.inject({ method: 'PATCH', url, payload: payload as never, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } }),
  };
}

export async function auditCount(world: World, where: { action?: string; caseId?: string; outcome?: 'success' | 'denied' | 'failed' } = {}): Promise<number> {
  let q = world.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
  if (where.action) q = q.where('action', '=', where.action);
  if (where.caseId) q = q.where('case_id', '=', where.caseId);
  if (where.outcome) q = q.where('outcome', '=', where.outcome);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
