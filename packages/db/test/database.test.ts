import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { claimJobs, completeJob, createTestDatabase, enqueueJob, failJob, type DatabaseHandle } from '../src/index.ts';

let h: DatabaseHandle;
before(async () => {
  h = await createTestDatabase();
});
after(async () => {
  await h.close();
});

const now = new Date('2026-03-01T08:00:00Z');

test('timestamps, dates and bigint amounts come back as the same JS values on both backends', async () => {
  await h.db.insertInto('municipalities').values({ code: '9001', name: 'Testkommun' }).execute();
  const row = await sql<{ ts: string; d: string; n: number }>`select '2026-03-01 09:00:00+01'::timestamptz as ts, '2026-02-28'::date as d, 12345678901::bigint as n`.execute(h.db);
  assert.deepEqual(row.rows[0], { ts: '2026-03-01T08:00:00.000Z', d: '2026-02-28', n: 12345678901 });
});

test('the audit log refuses updates and deletes', async () => {
  await h.db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      actor_kind: 'system',
      actor_id: null,
      actor_role: null,
      action: 'test',
      target_type: 'x',
      target_id: null,
      case_id: null,
      person_id: null,
      purpose: null,
      outcome: 'success',
    })
    .execute();
  await assert.rejects(h.db.updateTable('audit_log').set({ action: 'changed' }).execute(), /endast för tillägg/);
  await assert.rejects(h.db.deleteFrom('audit_log').execute(), /endast för tillägg/);
});

test('a job is claimed by exactly one of several concurrent workers', async () => {
  const ids = [];
  for (let i = 0; i < 10; i++) ids.push(await enqueueJob(h.db, 'demo', { i }, now));
  const claims = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((w) => claimJobs(h.db, ['demo'], w, now, 4)));
  const claimed = claims
    .flat()
    .map((j) => j.id)
    .sort((a, b) => a - b);
  assert.equal(claimed.length, 10);
  assert.equal(new Set(claimed).size, 10, 'no job handed out twice');
  for (const id of claimed) await completeJob(h.db, id, now);
  assert.deepEqual(await claimJobs(h.db, ['demo'], 'w1', now, 10), []);
});

test('a unique job key allows one pending job; a failed job is retried later, then given up', async () => {
  const first = await enqueueJob(h.db, 'cleanup', {}, now, { uniqueKey: 'cleanup', maxAttempts: 2 });
  const second = await enqueueJob(h.db, 'cleanup', {}, now, { uniqueKey: 'cleanup' });
  assert.ok(first);
  assert.equal(second, null);
  const [job] = await claimJobs(h.db, ['cleanup'], 'w1', now);
  assert.ok(job);
  await failJob(h.db, job, 'boom', now);
  assert.deepEqual(await claimJobs(h.db, ['cleanup'], 'w1', now), [], 'not due again at once');
  const later = new Date(now.getTime() + 60_000);
  const [again] = await claimJobs(h.db, ['cleanup'], 'w1', later);
  assert.equal(again?.attempts, 2);
  await failJob(h.db, again!, 'boom again', later);
  const row = await h.db.selectFrom('jobs').select(['status', 'last_error']).where('id', '=', first).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'failed', last_error: 'boom again' });
});
