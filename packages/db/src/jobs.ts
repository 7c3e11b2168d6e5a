import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** At most one pending or running job per key (e.g. a recurring job). */
  uniqueKey?: string;
}

export interface ClaimedJob {
  id: number;
  queue: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** Adds a job; with a uniqueKey that is already pending, nothing is added and null is returned. */
export async function enqueueJob(db: Kysely<Database>, queue: string, payload: unknown, now: Date, options: EnqueueOptions = {}): Promise<number | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      queue,
      payload: JSON.stringify(payload ?? {}),
      run_at: (options.runAt ?? now).toISOString(),
      max_attempts: options.maxAttempts ?? 5,
      unique_key: options.uniqueKey ?? null,
      created_at: now.toISOString(),
      locked_by: null,
      locked_at: null,
      last_error: null,
      finished_at: null,
    })
    // The partial unique index's predicate as literals: a prepared statement's generic plan cannot infer the index
    // from parameters.
    .onConflict((oc) => oc.column('unique_key').where(sql<boolean>`status in ('pending', 'running')`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Claims up to `limit` due jobs of the given queues for one worker. FOR UPDATE SKIP LOCKED lets any number of
 * server processes poll the same table without taking the same job twice.
 */
export async function claimJobs(db: Kysely<Database>, queues: readonly string[], workerId: string, now: Date, limit = 1): Promise<ClaimedJob[]> {
  if (queues.length === 0) return [];
  const rows = await db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'pending')
      .where('run_at', '<=', now.toISOString())
      .where('queue', 'in', queues)
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return tx
      .updateTable('jobs')
      .set({ status: 'running', locked_by: workerId, locked_at: now.toISOString(), attempts: sql`attempts + 1` })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .returning(['id', 'queue', 'payload', 'attempts', 'max_attempts'])
      .execute();
  });
  return rows.map((r) => ({ id: r.id, queue: r.queue, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts }));
}

export async function completeJob(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db.updateTable('jobs').set({ status: 'done', finished_at: now.toISOString(), locked_by: null }).where('id', '=', id).execute();
}

/** A failed attempt is retried with exponential backoff until max_attempts; then the job stays as 'failed'. */
export async function failJob(db: Kysely<Database>, job: ClaimedJob, error: string, now: Date): Promise<void> {
  const final = job.attempts >= job.maxAttempts;
  const retryAt = new Date(now.getTime() + Math.min(3_600_000, 1000 * 2 ** job.attempts));
  await db
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'pending',
      last_error: error.slice(0, 2000),
      run_at: final ? undefined : retryAt.toISOString(),
      finished_at: final ? now.toISOString() : null,
      locked_by: null,
    })
    .where('id', '=', job.id)
    .execute();
}

/** Jobs left 'running' by a process that died are handed back after `staleAfterMs`. */
export async function releaseStaleJobs(db: Kysely<Database>, now: Date, staleAfterMs = 10 * 60_000): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'pending', locked_by: null })
    .where('status', '=', 'running')
    .where('locked_at', '<', new Date(now.getTime() - staleAfterMs).toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
