/**
 * One state machine: the status of a case, an application or an intake contact is written only by
 * src/status/change.ts, which asks the domain first and writes the history row. The scan below fails, naming file
 * and line, when any other source file writes such a status or a case's status history; the behaviour tests check
 * that an allowed move writes exactly one history row and a refused one answers 409 and changes nothing.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { HttpProblem } from '../src/errors.ts';
import { changeApplicationStatus, changeCaseStatus, openCase } from '../src/status/change.ts';
import { as, auditCount, createWorld, login, type World } from './harness.ts';

const repo = new URL('../../../', import.meta.url).pathname;
const STATE_MACHINE = 'packages/server/src/status/change.ts';
const SCANNED = ['packages/server/src', 'tools/src'];

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });

/** The text of a call's argument list starting at the "(" at `open`, up to its matching ")". */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

const STATUS_KEY = /(?:^|[{,(\s])(?:status|'status'|"status")\s*:|[{,]\s*status\s*[,}]/;

/** Direct status writes in one source text: [line, what] for each. */
function directStatusWrites(text: string): [number, string][] {
  const found: [number, string][] = [];
  const lineOf = (i: number) => text.slice(0, i).split('\n').length;
  for (const m of text.matchAll(/insertInto\(\s*['"`](case_status_history|cases)\b[^'"`]*['"`]\s*\)/g)) {
    found.push([lineOf(m.index), m[1] === 'cases' ? 'a new case (openCase writes it with its first history row)' : 'a status-history row']);
  }
  for (const m of text.matchAll(/updateTable\(\s*['"`](cases|applications|intakes)\b[^'"`]*['"`]\s*\)/g)) {
    // The update's own chain: up to the end of the statement.
    const end = text.indexOf(';', m.index);
    const chain = text.slice(m.index, end === -1 ? undefined : end);
    const set = chain.indexOf('.set(');
    if (set !== -1 && STATUS_KEY.test(argumentsAt(chain, set + 4))) found.push([lineOf(m.index), `the status of ${m[1]}`]);
  }
  for (const m of text.matchAll(/\b(?:update\s+(cases|applications|intakes)\b[^;`]*?\bset\b[^;`]*?\bstatus\s*=|insert\s+into\s+(case_status_history)\b)/gi)) {
    found.push([lineOf(m.index), `SQL: ${m[0].split(/\s+/).slice(0, 3).join(' ')}`]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

test('the scan finds every kind of direct status write', () => {
  const sample = [
    "await tx.updateTable('cases').set({ status: 'closed', updated_at: x }).where('id', '=', id).execute();",
    "await tx.updateTable('applications').set({\n  content: c,\n  status,\n}).where('id', '=', id).execute();",
    "await tx.updateTable('intakes as i').set({ ...(a ? { status: 'booked' } : {}) }).execute();",
    "await tx.insertInto('case_status_history').values({}).execute();",
    "await tx.insertInto('cases').values({}).execute();",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a sample of source code that the scan must flag
    'await sql`update cases set status = ${s} where id = ${id}`.execute(db);',
    // Not status writes:
    "await tx.updateTable('cases').set({ updated_at: now }).where('status', '=', 'active').execute();",
    "await tx.updateTable('payments').set({ status: 'sent' }).execute();",
    "await tx.selectFrom('case_status_history').selectAll().execute();",
  ].join('\n');
  assert.deepEqual(
    directStatusWrites(sample).map(([line]) => line),
    [1, 2, 6, 7, 8, 9],
  );
});

test('no source file outside the state machine writes a case, application or intake status or a status-history row', () => {
  const offenders: string[] = [];
  for (const dir of SCANNED) {
    for (const file of files(join(repo, dir))) {
      const rel = relative(repo, file);
      if (rel === STATE_MACHINE) continue;
      for (const [line, what] of directStatusWrites(readFileSync(file, 'utf8'))) offenders.push(`${rel}:${line}: ${what}`);
    }
  }
  assert.deepEqual(offenders, [], `Change statuses through ${STATE_MACHINE}:\n${offenders.join('\n')}`);
});

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

const history = (caseId: string) => w.handle.db.selectFrom('case_status_history').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
const caseStatus = async (caseId: string) => await w.handle.db.selectFrom('cases').select(['status', 'closed_at', 'closure_reason', 'updated_at']).where('id', '=', caseId).executeTakeFirstOrThrow();

test('an allowed move writes the status and exactly one history row with actor and reason', async () => {
  w.clock.now = new Date('2026-03-11T08:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const before = await history(w.ids.caseNord);
  const res = await nord.post(`/api/v1/cases/${w.ids.caseNord}/status`, { status: 'monitoring', reason: 'Väntar på besked från a-kassan' });
  assert.equal(res.statusCode, 200, res.body);
  const after = await history(w.ids.caseNord);
  assert.equal(after.length, before.length + 1);
  const row = after.at(-1)!;
  assert.deepEqual(
    [row.from_status, row.to_status, row.actor_kind, row.actor_id, row.reason, row.at],
    ['active', 'monitoring', 'staff', w.ids.users.nord, 'Väntar på besked från a-kassan', '2026-03-11T08:00:00.000Z'],
  );
  assert.equal((await caseStatus(w.ids.caseNord)).status, 'monitoring');
});

test('a forbidden move answers 409 in Swedish and changes nothing: no status, no history row, no audit record', async () => {
  w.clock.now = new Date('2026-03-12T08:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const closed = await nord.post(`/api/v1/cases/${w.ids.caseProtected}/status`, { status: 'closed', closureReason: 'moved', reason: 'Flyttat' });
  assert.equal(closed.statusCode, 200, closed.body);
  const before = { history: await history(w.ids.caseProtected), row: await caseStatus(w.ids.caseProtected), audits: await auditCount(w, { action: 'case.changeStatus', outcome: 'success' }) };
  w.clock.now = new Date('2026-03-12T08:05:00Z');
  for (const to of ['active', 'monitoring', 'closed']) {
    const res = await nord.post(`/api/v1/cases/${w.ids.caseProtected}/status`, to === 'closed' ? { status: to, closureReason: 'work' } : { status: to });
    assert.equal(res.statusCode, 409, `${to}: ${res.body}`);
    assert.match(res.json().message, to === 'closed' ? /Ärendet har redan status ”Avslutat”/ : /kan inte gå från status ”Avslutat”.*Tillåtet från ”Avslutat”: ”Utredning”/);
  }
  assert.deepEqual(await history(w.ids.caseProtected), before.history);
  assert.deepEqual(await caseStatus(w.ids.caseProtected), before.row);
  assert.equal(await auditCount(w, { action: 'case.changeStatus', outcome: 'success' }), before.audits);
});

test('a refused move inside a larger change rolls the whole transaction back', async () => {
  const db = w.handle.db;
  const before = { history: await history(w.ids.caseSyd), row: await caseStatus(w.ids.caseSyd) };
  const at = new Date('2026-03-12T09:00:00Z');
  await assert.rejects(
    db.transaction().execute(async (tx) => {
      await tx.updateTable('cases').set({ updated_at: at.toISOString() }).where('id', '=', w.ids.caseSyd).execute();
      await changeCaseStatus(tx, w.ids.caseSyd, 'intake', { actor: { kind: 'system' }, reason: 'test', at });
    }),
    (err: unknown) => err instanceof HttpProblem && err.statusCode === 409 && /från status ”Aktuellt” till ”Mottagning”/.test(err.message),
  );
  assert.deepEqual(await history(w.ids.caseSyd), before.history);
  assert.deepEqual(await caseStatus(w.ids.caseSyd), before.row);
});

test('closing and reopening through the function: closing time and reason set and cleared, system actor without id', async () => {
  const db = w.handle.db;
  const at = new Date('2026-03-13T02:30:00Z');
  await db.transaction().execute((tx) => changeCaseStatus(tx, w.ids.caseSyd, 'closed', { actor: { kind: 'system' }, reason: 'Ingen ny ansökan', closureReason: 'noApplication', at }));
  assert.deepEqual(await caseStatus(w.ids.caseSyd), { status: 'closed', closed_at: at.toISOString(), closure_reason: 'noApplication', updated_at: at.toISOString() });
  const row = (await history(w.ids.caseSyd)).at(-1)!;
  assert.deepEqual([row.from_status, row.to_status, row.actor_kind, row.actor_id, row.reason], ['active', 'closed', 'system', null, 'Ingen ny ansökan']);
  const later = new Date('2026-03-14T10:00:00Z');
  const moved = await db.transaction().execute((tx) => changeCaseStatus(tx, w.ids.caseSyd, 'investigation', { actor: { kind: 'staff', id: w.ids.users.syd! }, reason: 'Ny ansökan', at: later }));
  assert.deepEqual(moved, { from: 'closed', to: 'investigation' });
  assert.deepEqual(await caseStatus(w.ids.caseSyd), { status: 'investigation', closed_at: null, closure_reason: null, updated_at: later.toISOString() });
});

test('a new case starts only in an opening status, with its first history row from no status', async () => {
  const db = w.handle.db;
  const householdId = crypto.randomUUID();
  await db.insertInto('households').values({ id: householdId, municipality_code: '2281' }).execute();
  const row = (id: string, n: string) => ({
    id,
    case_number: `EB-2026-9${n}`,
    municipality_code: '2281',
    unit_id: w.ids.unitNord,
    household_id: householdId,
    responsible_worker_id: null,
    second_worker_id: null,
  });
  const at = new Date('2026-03-15T10:00:00Z');
  const refused = crypto.randomUUID();
  await assert.rejects(
    db.transaction().execute((tx) => openCase(tx, row(refused, '00001'), { status: 'active', actor: { kind: 'staff', id: w.ids.users.nord! }, reason: 'x', at })),
    (err: unknown) => err instanceof HttpProblem && err.statusCode === 409 && /kan inte börja i status ”Aktuellt”/.test(err.message),
  );
  assert.equal(await db.selectFrom('cases').select('id').where('id', '=', refused).executeTakeFirst(), undefined);
  const opened = crypto.randomUUID();
  await db.transaction().execute((tx) => openCase(tx, row(opened, '00002'), { status: 'intake', actor: { kind: 'staff', id: w.ids.users.nord! }, reason: 'Ärendet öppnat', at }));
  const rows = await history(opened);
  assert.deepEqual(
    rows.map((h) => [h.from_status, h.to_status, h.actor_kind, h.actor_id, h.reason, h.at]),
    [[null, 'intake', 'staff', w.ids.users.nord, 'Ärendet öppnat', at.toISOString()]],
  );
});

test('an application: an allowed move writes one event with from and to; a decided application does not move', async () => {
  const db = w.handle.db;
  const id = crypto.randomUUID();
  await db
    .insertInto('applications')
    .values({
      id,
      case_id: w.ids.caseNord,
      kind: 'renewal',
      period_month: '2026-04-01',
      channel: 'web',
      submitted_at: '2026-03-10T08:00:00.000Z',
      status: 'registered',
    })
    .execute();
  const events = () => db.selectFrom('assessment_events').selectAll().where('object_id', '=', id).orderBy('id').execute();
  const at = new Date('2026-03-16T10:00:00Z');
  await db.transaction().execute((tx) => changeApplicationStatus(tx, id, 'decided', { actor: { kind: 'staff', id: w.ids.users.chef! }, event: 'decided', at }));
  const written = await events();
  assert.deepEqual(
    written.map((e) => [e.event, e.from_status, e.to_status, e.actor_kind, e.actor_id, e.at]),
    [['decided', 'registered', 'decided', 'staff', w.ids.users.chef, at.toISOString()]],
  );
  await assert.rejects(
    db.transaction().execute((tx) => changeApplicationStatus(tx, id, 'inAssessment', { actor: { kind: 'staff', id: w.ids.users.nord! }, event: 'contentReplaced', at, set: { content: '{}' } })),
    (err: unknown) => err instanceof HttpProblem && err.statusCode === 409 && /Ansökan kan inte gå från status ”Beslutad” till ”Under utredning”/.test(err.message),
  );
  assert.equal((await db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'decided');
  assert.equal((await events()).length, 1);
});
