import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { CASE_READ_POLICY, canReadCase, isRelated, type Actor, type CaseReadPolicy, type CaseRelation, type StaffRole } from '@vagen/domain';
import { loadCaseAccessFacts, visibleCasesCondition } from '../src/cases/access.ts';
import { countedRelations, listCases, staffCaseListJson } from '../src/cases/list.ts';
import { as, auditCount, clientLogin, createWorld, login, type World } from './harness.ts';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

describe('staff see the cases of their units and cases assigned to them', () => {
  test('a Nord caseworker reads a Nord case', async () => {
    const res = await as(w, await login(w, 'nord')).get(`/api/v1/cases/${w.ids.caseNord}`);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.caseNumber, 'EB-2026-000001');
    assert.deepEqual(
      body.household.members.map((m: { firstName: string; roleLabel: string }) => [m.firstName, m.roleLabel]),
      [
        ['Nora', 'Sökande'],
        ['Kim', 'Barn'],
      ],
    );
    assert.equal(body.statusHistory.length, 1);
  });

  test('a Nord caseworker cannot read a Syd case: 404 and nothing of its content', async () => {
    const res = await as(w, await login(w, 'nord')).get(`/api/v1/cases/${w.ids.caseSyd}`);
    assert.equal(res.statusCode, 404);
    assert.doesNotMatch(res.body, /Sydberg|Sara|EB-2026-000002/);
  });

  test('the answer for a case one may not see is the same as for a case that does not exist', async () => {
    const s = await login(w, 'nord');
    const hidden = await as(w, s).get(`/api/v1/cases/${w.ids.caseSyd}`);
    const missing = await as(w, s).get('/api/v1/cases/00000000-0000-4000-8000-999999999999');
    assert.equal(hidden.statusCode, missing.statusCode);
    assert.deepEqual(hidden.json(), { ...missing.json() });
  });

  test('a case assigned to the worker is visible even in another unit', async () => {
    const res = await as(w, await login(w, 'nord')).get(`/api/v1/cases/${w.ids.caseAssignedAcross}`);
    assert.equal(res.statusCode, 200);
  });

  test('the case list holds only visible cases', async () => {
    const syd = await as(w, await login(w, 'syd')).get('/api/v1/cases');
    assert.equal(syd.statusCode, 200);
    const numbers = syd
      .json()
      .items.map((c: { caseNumber: string }) => c.caseNumber)
      .sort();
    assert.deepEqual(numbers, ['EB-2026-000002', 'EB-2026-000004']);
    const nord = await as(w, await login(w, 'nord')).get('/api/v1/cases');
    assert.deepEqual(
      nord
        .json()
        .items.map((c: { caseNumber: string }) => c.caseNumber)
        .sort(),
      ['EB-2026-000001', 'EB-2026-000003', 'EB-2026-000004'],
    );
    const chef = await as(w, await login(w, 'chef')).get('/api/v1/cases');
    assert.deepEqual(
      chef
        .json()
        .items.map((c: { caseNumber: string }) => c.caseNumber)
        .sort(),
      ['EB-2026-000001', 'EB-2026-000002', 'EB-2026-000004'],
    );
  });

  test('staff of another municipality see nothing of ours', async () => {
    const s = await login(w, 'annan');
    assert.equal((await as(w, s).get('/api/v1/cases')).json().total, 0);
    assert.equal((await as(w, s).get(`/api/v1/cases/${w.ids.caseNord}`)).statusCode, 404);
  });

  test('a system administrator has no access to cases', async () => {
    const s = await login(w, 'admin');
    assert.equal((await as(w, s).get('/api/v1/cases')).json().total, 0);
    assert.equal((await as(w, s).get(`/api/v1/cases/${w.ids.caseNord}`)).statusCode, 404);
  });

  test('without a session the case API answers 401', async () => {
    const res = await w.app.inject({ method: 'GET', url: `/api/v1/cases/${w.ids.caseNord}` });
    assert.equal(res.statusCode, 401);
    assert.match(res.json().message, /logga in/i);
  });
});

describe('protected identity (skyddade personuppgifter)', () => {
  test('the named worker sees the case but never the address', async () => {
    const res = await as(w, await login(w, 'nord')).get(`/api/v1/cases/${w.ids.caseProtected}`);
    assert.equal(res.statusCode, 200);
    const member = res.json().household.members[0];
    assert.equal(member.address, null);
    assert.doesNotMatch(res.body, /Storgatan/);
  });

  test('a manager of the unit neither finds nor opens it, and the status does not leak', async () => {
    const s = await login(w, 'chef');
    const list = await as(w, s).get('/api/v1/cases');
    assert.doesNotMatch(list.body, /Hemlig|EB-2026-000003/);
    const search = await as(w, s).post('/api/v1/cases/search', { query: w.pnr.protected });
    assert.equal(search.statusCode, 200);
    assert.deepEqual(search.json(), { total: 0, items: [] });
    const byName = await as(w, s).post('/api/v1/cases/search', { query: 'Hemligsson' });
    assert.equal(byName.json().total, 0);
    const direct = await as(w, s).get(`/api/v1/cases/${w.ids.caseProtected}`);
    assert.equal(direct.statusCode, 404);
    assert.doesNotMatch(direct.body, /skydd|protected/i);
  });

  test('search by personnummer in the body finds a visible case', async () => {
    const res = await as(w, await login(w, 'nord')).post('/api/v1/cases/search', { query: w.pnr.nord });
    assert.deepEqual(
      res.json().items.map((c: { caseNumber: string }) => c.caseNumber),
      ['EB-2026-000001'],
    );
  });
});

describe('clients see only their own household', () => {
  test('Mina sidor lists the own case only', async () => {
    const s = await clientLogin(w, w.pnr.nord);
    const res = await as(w, s).get('/api/v1/me/cases');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res.json().items.map((c: { caseNumber: string }) => c.caseNumber),
      ['EB-2026-000001'],
    );
  });

  test("a client cannot read another household's case, nor the staff case API", async () => {
    const s = await clientLogin(w, w.pnr.nord);
    const other = await as(w, s).get(`/api/v1/cases/${w.ids.caseSyd}`);
    assert.equal(other.statusCode, 403);
    assert.doesNotMatch(other.body, /Sydberg/);
    assert.equal((await as(w, s).get('/api/v1/cases')).statusCode, 403);
  });

  test('Mina sidor shows decided decisions only, never drafts', async () => {
    const base = {
      case_id: w.ids.caseNord,
      application_id: null,
      outcome: 'granted' as const,
      period_start: '2026-03-01',
      period_end: '2026-03-31',
      decided_by: w.ids.users.nord!,
      decided_at: '2026-03-05T10:00:00.000Z',
    };
    await w.handle.db
      .insertInto('decisions')
      .values([
        { ...base, id: '00000000-0000-4000-8000-000000000901', amount: 512300, status: 'decided' },
        { ...base, id: '00000000-0000-4000-8000-000000000902', amount: 999900, status: 'draft' },
      ])
      .execute();
    const s = await clientLogin(w, w.pnr.nord);
    const amounts = (await as(w, s).get('/api/v1/me/cases')).json().items[0].decisions.map((d: { amount: number }) => d.amount);
    assert.deepEqual(amounts, [512300]);
    const staffView = (await as(w, await login(w, 'nord')).get(`/api/v1/cases/${w.ids.caseNord}`)).json();
    assert.deepEqual(
      staffView.decisions.map((d: { amount: number }) => d.amount),
      [512300],
    );
  });

  test('a child in the household is not a party and cannot sign in to see the case', async () => {
    const s = await clientLogin(w, w.pnr.child);
    assert.deepEqual((await as(w, s).get('/api/v1/me/cases')).json().items, []);
  });

  test('staff cannot use the client API', async () => {
    assert.equal((await as(w, await login(w, 'nord')).get('/api/v1/me/cases')).statusCode, 403);
  });
});

describe('audit log', () => {
  test('every successful read of a case adds exactly one audit record', async () => {
    const s = await login(w, 'nord');
    const before = await auditCount(w, { caseId: w.ids.caseNord });
    await as(w, s).get(`/api/v1/cases/${w.ids.caseNord}`);
    assert.equal(await auditCount(w, { caseId: w.ids.caseNord }), before + 1);
    const row = await w.handle.db.selectFrom('audit_log').selectAll().where('case_id', '=', w.ids.caseNord).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(row.action, 'case.read');
    assert.equal(row.actor_id, w.ids.users.nord);
    assert.equal(row.actor_role, 'caseWorker');
    assert.equal(row.person_id, w.ids.personNord);
    assert.equal(row.outcome, 'success');
  });

  test('a denied read is logged as denied', async () => {
    const s = await login(w, 'syd');
    await as(w, s).get(`/api/v1/cases/${w.ids.caseNord}`);
    const row = await w.handle.db.selectFrom('audit_log').selectAll().where('actor_id', '=', w.ids.users.syd!).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(row.outcome, 'denied');
  });

  test('managers search the log by person; caseworkers may not', async () => {
    const chef = await login(w, 'chef');
    await as(w, await login(w, 'nord')).get(`/api/v1/cases/${w.ids.caseNord}`);
    const res = await as(w, chef).post('/api/v1/audit/search', { personnummer: w.pnr.nord });
    assert.equal(res.statusCode, 200);
    const reads = res.json().items.filter((i: { action: string; actorName: string }) => i.action === 'case.read' && i.actorName === 'Test nord');
    assert.ok(reads.length >= 1);
    assert.equal((await as(w, await login(w, 'nord')).post('/api/v1/audit/search', {})).statusCode, 403);
    const bad = await as(w, chef).post('/api/v1/audit/search', { personnummer: '19850412-1235' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().fields[0].path, '/body/personnummer');
  });

  test('concurrent reads each add exactly their own record, written together', async () => {
    const nord = await login(w, 'nord');
    const syd = await login(w, 'syd');
    const before = await auditCount(w, { action: 'case.read', outcome: 'success' });
    const firstId = Number(
      (
        await w.handle.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m,
    );
    const reads = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? as(w, nord).get(`/api/v1/cases/${w.ids.caseNord}`) : as(w, syd).get(`/api/v1/cases/${w.ids.caseSyd}`))));
    assert.deepEqual(new Set(reads.map((r) => r.statusCode)), new Set([200]));
    assert.equal(await auditCount(w, { action: 'case.read', outcome: 'success' }), before + 30);
    const rows = await w.handle.db.selectFrom('audit_log').selectAll().where('id', '>', firstId).where('action', '=', 'case.read').execute();
    assert.equal(rows.filter((r) => r.actor_id === w.ids.users.nord && r.case_id === w.ids.caseNord && r.person_id === w.ids.personNord).length, 15);
    assert.equal(rows.filter((r) => r.actor_id === w.ids.users.syd && r.case_id === w.ids.caseSyd && r.actor_role === 'caseWorker').length, 15);
    assert.ok(rows.every((r) => r.purpose === null && r.target_type === 'case' && typeof r.at === 'string'));
  });

  test('the application cannot change the log', async () => {
    await assert.rejects(w.handle.db.deleteFrom('audit_log').execute());
  });

  test('with the audit table unwritable, case reads fail closed and writes change nothing', async () => {
    const s = await login(w, 'nord');
    await sql`create function block_audit() returns trigger language plpgsql as $$ begin raise exception 'audit blocked'; end $$`.execute(w.handle.db);
    await sql`create trigger block_audit before insert on audit_log for each row execute function block_audit()`.execute(w.handle.db);
    try {
      const read = await as(w, s).get(`/api/v1/cases/${w.ids.caseNord}`);
      assert.equal(read.statusCode, 503);
      assert.equal(read.json().error, 'AUDIT_UNAVAILABLE');
      assert.doesNotMatch(read.body, /Nordin|Nora/);
      const list = await as(w, s).get('/api/v1/cases');
      assert.equal(list.statusCode, 503);
      const concurrent = await Promise.all(Array.from({ length: 10 }, () => as(w, s).get(`/api/v1/cases/${w.ids.caseNord}`)));
      assert.deepEqual(
        concurrent.map((r) => r.statusCode),
        Array(10).fill(503),
        'a batch that cannot be written refuses every read in it',
      );
      const entries = await w.handle.db.selectFrom('journal_entries').select('id').execute();
      const write = await as(w, s).post(`/api/v1/cases/${w.ids.caseNord}/journal`, { eventDate: '2026-03-10', title: 'Test', body: 'Text' });
      assert.equal(write.statusCode, 503);
      assert.equal((await w.handle.db.selectFrom('journal_entries').select('id').execute()).length, entries.length, 'nothing written');
    } finally {
      await sql`drop trigger block_audit on audit_log`.execute(w.handle.db);
      await sql`drop function block_audit()`.execute(w.handle.db);
    }
    assert.equal((await as(w, s).get(`/api/v1/cases/${w.ids.caseNord}`)).statusCode, 200);
  });
});

type ListPage = { total: number; items: { id: string }[] };

// One sign-in per user for the tests below (sign-ins are rate limited).
const sessions = new Map<string, Awaited<ReturnType<typeof login>>>();
async function sessionOf(username: string) {
  if (!sessions.has(username)) sessions.set(username, await login(w, username));
  return sessions.get(username)!;
}
/** The user as an actor, read from the database as a session would be (without signing in). */
async function actorOf(username: string): Promise<Extract<Actor, { kind: 'staff' }>> {
  const u = await w.handle.db.selectFrom('staff_users').select(['id', 'role', 'municipality_code']).where('username', '=', username).executeTakeFirstOrThrow();
  const units = await w.handle.db.selectFrom('staff_units').select('unit_id').where('user_id', '=', u.id).orderBy('unit_id').execute();
  return { kind: 'staff', userId: u.id, role: u.role as StaffRole, municipality: u.municipality_code, unitIds: units.map((x) => x.unit_id) };
}

test('the list PostgreSQL writes as JSON has the same items, field by field, as the generic list', async () => {
  const { loadActor } = await import('../src/auth/sessions.ts');
  // A case without a responsible worker, and one with a status other than active, so nulls and labels are compared.
  const nordCase = await w.handle.db.selectFrom('cases').selectAll().where('id', '=', w.ids.caseNord).executeTakeFirstOrThrow();
  await w.handle.db
    .insertInto('cases')
    .values({
      ...nordCase,
      id: '00000000-0000-4000-8000-000000000051',
      case_number: 'EB-2026-000051',
      responsible_worker_id: null,
      status: 'closed',
      opened_at: '2025-12-31T23:59:59.999Z',
      updated_at: '2026-02-03T04:05:06.789Z',
    } as never)
    .execute();
  try {
    for (const username of ['nord', 'chef']) {
      const s = await sessionOf(username);
      const actor = (await loadActor(w.deps, decodeURIComponent(s.cookie.split('=')[1]!)))!;
      const res = await as(w, s).get('/api/v1/cases?limit=50');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const generic = JSON.parse(JSON.stringify(await listCases(w.handle.db, actor, { limit: 50, offset: 0 })));
      assert.deepEqual(res.json(), generic, username);
      if (username === 'nord') {
        const added = res.json().items.find((c: { caseNumber: string }) => c.caseNumber === 'EB-2026-000051');
        assert.deepEqual(
          [added.responsibleWorkerName, added.status, added.statusLabel, added.openedAt, added.updatedAt],
          [null, 'closed', 'Avslutat', '2025-12-31T23:59:59.999Z', '2026-02-03T04:05:06.789Z'],
        );
      }
    }
  } finally {
    await w.handle.db.deleteFrom('cases').where('id', '=', '00000000-0000-4000-8000-000000000051').execute();
  }
});

/** Every case with what the pure check (canReadCase over the facts loaded for it) says of it, in list order. */
async function casesByCheck(actor: Actor, policy: CaseReadPolicy) {
  const rows = await w.handle.db.selectFrom('cases').select(['id', 'status']).orderBy('updated_at', 'desc').orderBy('id').execute();
  const out: { id: string; status: string; mine: boolean }[] = [];
  for (const row of rows) {
    const facts = (await loadCaseAccessFacts(w.handle.db, row.id, policy))!;
    if (!canReadCase(actor, facts, policy)) continue;
    out.push({ ...row, mine: policy.relations.some((r) => r.assigned && isRelated(actor, r, facts)) });
  }
  return out;
}

/**
 * For each user: the SQL condition finds exactly the cases the pure check lets them read, and every status, "mine"
 * and page of the case list (and of the generic list used by searches) is the same as the pure check's.
 */
async function assertListsFollowPolicy(
  policy: CaseReadPolicy,
  list: (username: string, actor: Extract<Actor, { kind: 'staff' }>, filter: { limit: number; offset: number; status?: string; mine: boolean }) => Promise<ListPage>,
) {
  for (const username of ['nord', 'syd', 'chef', 'annan', 'kassa', 'admin']) {
    const actor = await actorOf(username);
    const readable = await casesByCheck(actor, policy);
    const bySql = await w.handle.db.selectFrom('cases').select('cases.id').where(visibleCasesCondition(actor, policy)).orderBy('cases.updated_at', 'desc').orderBy('cases.id').execute();
    assert.deepEqual(
      bySql.map((r) => r.id),
      readable.map((r) => r.id),
      `${username}: SQL condition and pure check`,
    );
    for (const status of [undefined, 'active', 'closed']) {
      for (const mine of [false, true]) {
        const expected = readable.filter((c) => (!status || c.status === status) && (!mine || c.mine)).map((c) => c.id);
        for (const [limit, offset] of [
          [50, 0],
          [1, 0],
          [1, 1],
          [2, 1],
        ] as const) {
          const label = `${username} ${status} ${mine} ${limit}/${offset}`;
          const res = await list(username, actor, { limit, offset, mine, ...(status ? { status } : {}) });
          assert.deepEqual(
            res.items.map((c) => c.id),
            expected.slice(offset, offset + limit),
            label,
          );
          assert.equal(res.total, expected.length, label);
          const generic = await listCases(w.handle.db, actor, { limit, offset, mine, status }, policy);
          assert.deepEqual(
            generic.items.map((c) => c.id),
            expected.slice(offset, offset + limit),
            `generic ${label}`,
          );
          assert.equal(generic.total, expected.length, `generic ${label}`);
        }
      }
    }
  }
}

describe('the index-ordered case list gives the same pages as the access rule itself', () => {
  test('every user, status, "mine" and page', async () => {
    // Second-worker relations across units, which the counts treat as their own disjoint parts.
    const sydCase = await w.handle.db.selectFrom('cases').selectAll().where('id', '=', w.ids.caseSyd).executeTakeFirstOrThrow();
    const extra = [
      { n: 7, unit: w.ids.unitSyd, responsible: w.ids.users.syd!, second: w.ids.users.nord!, status: 'active' },
      { n: 8, unit: w.ids.unitSyd, responsible: w.ids.users.nord!, second: w.ids.users.nord!, status: 'closed' },
      { n: 9, unit: w.ids.unitNord, responsible: null, second: w.ids.users.syd!, status: 'active' },
    ];
    for (const e of extra) {
      await w.handle.db
        .insertInto('cases')
        .values({
          ...sydCase,
          id: `00000000-0000-4000-8000-00000000000${e.n}`,
          case_number: `EB-2026-00009${e.n}`,
          unit_id: e.unit,
          responsible_worker_id: e.responsible,
          second_worker_id: e.second,
          status: e.status,
          updated_at: `2026-01-0${e.n}T10:00:00.000Z`,
        } as never)
        .execute();
    }
    await assertListsFollowPolicy(CASE_READ_POLICY, async (username, _actor, filter) => {
      const qs = new URLSearchParams({ limit: String(filter.limit), offset: String(filter.offset), mine: String(filter.mine), ...(filter.status ? { status: filter.status } : {}) });
      return (await as(w, await sessionOf(username)).get(`/api/v1/cases?${qs}`)).json() as ListPage;
    });
  });
});

describe('a new way of seeing a case is one more relation in the policy', () => {
  // Two relations the real policy does not have, kept in tables made for this test: a mentor named per case in a
  // table of its own (a path, not opening protected cases), and a FUT investigator in a column of the case (opening
  // protected cases, and making the case the investigator's own).
  const mentor: CaseRelation = {
    name: 'mentor',
    actor: 'staff',
    match: 'userId',
    opensProtected: false,
    assigned: false,
    path: { column: 'id', steps: [{ table: 'test_case_mentors', from: 'case_id', to: 'user_id' }] },
  };
  const investigator: CaseRelation = {
    name: 'futInvestigator',
    actor: 'staff',
    match: 'userId',
    opensProtected: true,
    assigned: true,
    path: { column: 'test_fut_investigator_id', steps: [] },
  };
  const policy: CaseReadPolicy = { ...CASE_READ_POLICY, relations: [...CASE_READ_POLICY.relations, mentor, investigator] };

  test('the pure check, the SQL condition, the case list and its total all follow', async () => {
    const db = w.handle.db;
    await sql`create table test_case_mentors (case_id uuid not null references cases(id), user_id uuid not null references staff_users(id))`.execute(db);
    await sql`alter table cases add column test_fut_investigator_id uuid references staff_users(id)`.execute(db);
    try {
      await sql`insert into test_case_mentors values
        (${w.ids.caseNord}, ${w.ids.users.syd}), (${w.ids.caseProtected}, ${w.ids.users.syd}), (${w.ids.caseNord}, ${w.ids.users.annan})`.execute(db);
      await sql`update cases set test_fut_investigator_id = ${w.ids.users.chef} where id in (${w.ids.caseProtected}, ${w.ids.caseSyd})`.execute(db);
      const syd = await actorOf('syd');
      const chef = await actorOf('chef');
      const annan = await actorOf('annan');
      const sees = async (actor: Extract<Actor, { kind: 'staff' }>, caseId: string, p: CaseReadPolicy) => {
        const check = canReadCase(actor, (await loadCaseAccessFacts(db, caseId, p))!, p);
        const bySql = (await db.selectFrom('cases').select('id').where('id', '=', caseId).where(visibleCasesCondition(actor, p)).execute()).length === 1;
        const inList = (JSON.parse(await staffCaseListJson(db, actor, { limit: 50, offset: 0 }, p)) as ListPage).items.some((c) => c.id === caseId);
        assert.equal(bySql, check, 'SQL condition and pure check');
        assert.equal(inList, check, 'case list and pure check');
        return check;
      };
      assert.equal(await sees(syd, w.ids.caseNord, CASE_READ_POLICY), false, 'without the relation the mentor sees nothing');
      assert.equal(await sees(syd, w.ids.caseNord, policy), true, 'the mentor sees the case');
      assert.equal(await sees(syd, w.ids.caseProtected, policy), false, 'a mentor does not open protected identity');
      assert.equal(await sees(annan, w.ids.caseNord, policy), false, 'nor another municipality');
      assert.equal(await sees(chef, w.ids.caseProtected, CASE_READ_POLICY), false);
      assert.equal(await sees(chef, w.ids.caseProtected, policy), true, 'the investigator opens protected identity');
      const chefMine = JSON.parse(await staffCaseListJson(db, chef, { limit: 50, offset: 0, mine: true }, policy)) as ListPage;
      assert.deepEqual(chefMine.items.map((c) => c.id).sort(), [w.ids.caseSyd, w.ids.caseProtected].sort(), "the investigator's cases are the investigator's own");
      assert.equal(chefMine.total, 2);
      await assertListsFollowPolicy(policy, async (_username, actor, filter) => JSON.parse(await staffCaseListJson(db, actor, filter, policy)) as ListPage);
    } finally {
      await sql`drop table test_case_mentors`.execute(db);
      await sql`alter table cases drop column test_fut_investigator_id`.execute(db);
    }
  });

  test("the relations the case list counts from counters are all of the real policy's column relations", () => {
    // Otherwise the list is still right, but counts that relation's cases one by one.
    const columns = CASE_READ_POLICY.relations.filter((r) => r.actor === 'staff' && !r.opensProtected && !r.path.steps.length);
    assert.deepEqual(countedRelations(CASE_READ_POLICY), columns);
    assert.deepEqual(countedRelations(policy), columns, 'a new column is not in the counters until a migration adds it');
  });
});
