import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { builtinJobs } from '../src/jobs-worker.ts';
import { AUTO_CLOSE_JOB, nextAutoCloseRun, runAutoClose } from '../src/lifecycle/auto-close.ts';
import { as, createWorld, login, type World } from './harness.ts';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

async function application(caseId: string, submittedAt: string) {
  await w.handle.db
    .insertInto('applications')
    .values({
      id: crypto.randomUUID(),
      case_id: caseId,
      kind: 'renewal',
      period_month: `${submittedAt.slice(0, 7)}-01`,
      channel: 'web',
      submitted_at: submittedAt,
      status: 'decided',
    })
    .execute();
}

test('cases.autoClose closes a case without an application for a month and leaves one with a recent application', async () => {
  const db = w.handle.db;
  await application(w.ids.caseNord, '2026-01-20T10:00:00.000Z'); // more than a month before 10 March
  await application(w.ids.caseSyd, '2026-03-01T10:00:00.000Z'); // recent
  await application(w.ids.caseProtected, '2026-02-10T10:00:00.000Z'); // exactly one month ago: not yet
  // caseAssignedAcross: opened 5 January, never an application → closes.
  assert.equal(typeof builtinJobs[AUTO_CLOSE_JOB], 'function', 'registered with the job worker');

  w.clock.now = new Date('2026-03-10T09:00:00Z');
  const closed = await runAutoClose({}, w.deps);
  assert.deepEqual(closed.sort(), [w.ids.caseNord, w.ids.caseAssignedAcross].sort());

  const c = await db.selectFrom('cases').selectAll().where('id', '=', w.ids.caseNord).executeTakeFirstOrThrow();
  assert.equal(c.status, 'closed');
  assert.equal(c.closure_reason, 'noApplication');
  assert.equal(c.closed_at, '2026-03-10T09:00:00.000Z');
  for (const id of [w.ids.caseSyd, w.ids.caseProtected]) {
    assert.equal((await db.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'active');
  }
  const history = await db.selectFrom('case_status_history').selectAll().where('case_id', '=', w.ids.caseNord).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.deepEqual([history.from_status, history.to_status, history.actor_kind, history.actor_id], ['active', 'closed', 'system', null]);
  assert.match(history.reason!, /Ingen ny ansökan på en månad \(senaste ansökan 2026-01-20\)/);
  const auditRow = await db.selectFrom('audit_log').selectAll().where('action', '=', 'case.autoClose').where('case_id', '=', w.ids.caseNord).executeTakeFirstOrThrow();
  assert.equal(auditRow.actor_kind, 'system');
  assert.equal(auditRow.outcome, 'success');

  // The case page shows the closure and the journal entry written by Vägen.
  const nord = as(w, await login(w, 'nord'));
  const page = (await nord.get(`/api/v1/cases/${w.ids.caseNord}`)).json();
  assert.equal(page.status, 'closed');
  assert.equal(page.statusHistory[0].actorName, 'Vägen (automatiskt)');
  const entry = page.journal.find((j: { title: string }) => /avslutat automatiskt/.test(j.title));
  assert.equal(entry.authorName, 'Vägen (automatiskt)');
  assert.ok(entry.signedAt, 'locked at once');
  assert.equal(entry.step, 'followUp');
  assert.equal(entry.canEdit, false);
  // The system account can never sign in.
  const sys = await db.selectFrom('staff_users').selectAll().where('username', '=', 'system-2281').executeTakeFirstOrThrow();
  assert.equal(sys.active, false);
  assert.equal(sys.password_hash, null);

  // The next run is scheduled once, for 02:30 Swedish time the next day.
  const jobs = await db.selectFrom('jobs').selectAll().where('queue', '=', AUTO_CLOSE_JOB).where('status', '=', 'pending').execute();
  assert.equal(jobs.length, 1);
  assert.equal(jobs[0]!.run_at, '2026-03-11T01:30:00.000Z');

  // A day later: the case with its application on 10 February closes; running twice changes nothing more.
  w.clock.now = new Date('2026-03-11T01:30:00Z');
  assert.deepEqual(await runAutoClose({}, w.deps), [w.ids.caseProtected]);
  assert.deepEqual(await runAutoClose({}, w.deps), []);
  assert.equal((await db.selectFrom('jobs').select('id').where('queue', '=', AUTO_CLOSE_JOB).where('status', '=', 'pending').execute()).length, 1);
  assert.equal((await db.selectFrom('staff_users').select('id').where('username', '=', 'system-2281').execute()).length, 1);
});

test('an open appeal keeps a case open', async () => {
  const db = w.handle.db;
  w.clock.now = new Date('2026-05-01T09:00:00Z');
  const decisionId = crypto.randomUUID();
  await db
    .insertInto('decisions')
    .values({
      id: decisionId,
      case_id: w.ids.caseSyd,
      application_id: null,
      outcome: 'refused',
      period_start: '2026-03-01',
      period_end: '2026-03-31',
      amount: 0,
      decided_by: w.ids.users.syd!,
      decided_at: '2026-03-05T10:00:00.000Z',
      status: 'decided',
    })
    .execute();
  const syd = as(w, await login(w, 'syd'));
  const a = await syd.post(`/api/v1/decisions/${decisionId}/appeals`, { receivedOn: '2026-03-20', channel: 'email', text: 'Jag överklagar.' });
  assert.equal(a.statusCode, 201, a.body);
  assert.deepEqual(await runAutoClose({}, w.deps), []);
  assert.equal((await db.selectFrom('cases').select('status').where('id', '=', w.ids.caseSyd).executeTakeFirstOrThrow()).status, 'active');
});

test('the nightly run time follows Swedish time across summer time', () => {
  assert.equal(nextAutoCloseRun(new Date('2026-03-10T09:00:00Z')).toISOString(), '2026-03-11T01:30:00.000Z');
  assert.equal(nextAutoCloseRun(new Date('2026-03-10T01:00:00Z')).toISOString(), '2026-03-10T01:30:00.000Z');
  assert.equal(nextAutoCloseRun(new Date('2026-07-01T12:00:00Z')).toISOString(), '2026-07-02T00:30:00.000Z');
});
