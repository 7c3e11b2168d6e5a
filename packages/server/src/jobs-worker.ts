import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { claimJobs, completeJob, enqueueJob, failJob, releaseStaleJobs } from '@vagen/db';
import type { AppDeps } from './context.ts';
import { ensureCurrentRules } from './rules/live.ts';
import { AUTO_CLOSE_JOB, autoCloseJob, nextAutoCloseRun } from './lifecycle/auto-close.ts';

export type JobHandler = (payload: unknown, deps: AppDeps) => Promise<void>;

/** Recurring housekeeping: expired sessions and abandoned sign-ins. Reschedules itself. */
const CLEANUP_EVERY_MS = 15 * 60_000;
export const builtinJobs: Record<string, JobHandler> = {
  'sessions.cleanup': async (_payload, deps) => {
    const now = deps.now();
    const idleCutoff = new Date(now.getTime() - deps.settings.idleTimeoutMinutes * 60_000).toISOString();
    await deps.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleCutoff)]))
      .execute();
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    await deps.db.deleteFrom('sign_in_flows').where('created_at', '<', hourAgo).execute();
    await enqueueJob(deps.db, 'sessions.cleanup', {}, now, { runAt: new Date(now.getTime() + CLEANUP_EVERY_MS), uniqueKey: 'sessions.cleanup:next' });
  },
  // Daily closure of cases without applications (caseLifecycle configuration); reschedules itself.
  [AUTO_CLOSE_JOB]: autoCloseJob,
};

/**
 * Polls the jobs table. Any number of server processes can run one each: claims use FOR UPDATE SKIP LOCKED.
 * Returns a stop function that waits for the job in hand to finish (graceful shutdown).
 */
export function startJobWorker(deps: AppDeps, log: FastifyBaseLogger, handlers: Record<string, JobHandler> = builtinJobs, pollMs = 2000) {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    const now = deps.now();
    await releaseStaleJobs(deps.db, now);
    const jobs = await claimJobs(deps.db, Object.keys(handlers), workerId, now, 5);
    for (const job of jobs) {
      try {
        // A job reads the rules in force too (e.g. the case life cycle for auto-close), as a request does.
        await ensureCurrentRules(deps.db);
        await handlers[job.queue]!(job.payload, deps);
        await completeJob(deps.db, job.id, deps.now());
      } catch (err) {
        log.warn({ job: job.id, queue: job.queue }, 'job failed');
        await failJob(deps.db, job, err instanceof Error ? err.message : String(err), deps.now());
      }
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((err) => log.error({ err: String(err) }, 'job poll failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, pollMs);
      });
  };
  const seed = async () => {
    await enqueueJob(deps.db, 'sessions.cleanup', {}, deps.now(), { uniqueKey: 'sessions.cleanup:next' });
    if (handlers[AUTO_CLOSE_JOB]) await enqueueJob(deps.db, AUTO_CLOSE_JOB, {}, deps.now(), { runAt: nextAutoCloseRun(deps.now()), uniqueKey: `${AUTO_CLOSE_JOB}:next` });
  };
  void seed().then(loop, loop);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
