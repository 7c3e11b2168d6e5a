/**
 * Job `cases.autoClose` (daily): closes active or monitored cases that have had no application for
 * `closeAfterMonthsWithoutApplication` months (caseLifecycle configuration). Which cases and why is decided by the
 * domain rule (autoCloseVerdict); here: load the facts, and close each case in its own transaction with a status
 * history row (actor kind 'system'), a signed journal entry and an audit record.
 * Open work items stay: a watch (e.g. follow-up after closure) or a payment check still needs doing.
 */
import { enqueueJob } from '@vagen/db';
import { addDaysIso, autoCloseVerdict, CLOSURE_REASON_LABELS, swedishDate, swedishInstant, type CaseLifecycleRule } from '@vagen/domain';
import type { AppDeps } from '../context.ts';
import { getCaseworkRules, type CaseworkDocument } from '../rules/casework-rules.ts';
import { newId } from '../ids.ts';
import { changeCaseStatus } from '../status/change.ts';
import { auditSystem, systemUserId } from './system-user.ts';

export const AUTO_CLOSE_JOB = 'cases.autoClose';
type LifecycleDoc = CaseworkDocument & CaseLifecycleRule;

/** The next 02:30 Swedish time after `now` (the job runs at night, once a day). */
export function nextAutoCloseRun(now: Date): Date {
  const today = swedishInstant(swedishDate(now), 2, 30);
  return today.getTime() > now.getTime() ? today : swedishInstant(addDaysIso(swedishDate(now), 1), 2, 30);
}

/** Runs once and schedules the next run for 02:30 Swedish time the next day. Returns the ids of the closed cases. */
export async function runAutoClose(_payload: unknown, deps: AppDeps): Promise<string[]> {
  const now = deps.now();
  const today = swedishDate(now);
  const { db } = deps;
  const candidates = await db
    .selectFrom('cases')
    .select((eb) => [
      'cases.id',
      'cases.status',
      'cases.opened_at',
      'cases.municipality_code',
      'cases.closed_at',
      eb
        .selectFrom('applications')
        .select((e) => e.fn.max('submitted_at').as('m'))
        .whereRef('applications.case_id', '=', 'cases.id')
        .as('last_application_at'),
      eb
        .selectFrom('case_status_history as h')
        .select((e) => e.fn.max('at').as('m'))
        .whereRef('h.case_id', '=', 'cases.id')
        .where('h.from_status', '=', 'closed')
        .as('last_reopened_at'),
      eb
        .selectFrom('appeals')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('appeals.case_id', '=', 'cases.id')
        .where('appeals.status', 'in', ['registered', 'reconsidered'])
        .as('open_appeals'),
    ])
    .where('cases.status', 'in', ['active', 'monitoring'])
    .execute();
  const rules = getCaseworkRules();
  const closed: string[] = [];
  for (const c of candidates) {
    const rule = rules.find<LifecycleDoc>('caseLifecycle', c.municipality_code, today);
    if (!rule) continue;
    const verdict = autoCloseVerdict(
      {
        id: c.id,
        status: c.status,
        openedOn: swedishDate(c.opened_at),
        lastApplicationOn: c.last_application_at ? swedishDate(String(c.last_application_at)) : null,
        lastReopenedOn: c.last_reopened_at ? swedishDate(String(c.last_reopened_at)) : null,
        openAppeals: Number(c.open_appeals ?? 0),
      },
      today,
      rule,
    );
    if (!verdict.close) continue;
    const author = await systemUserId(db, c.municipality_code, today);
    const done = await db.transaction().execute(async (tx) => {
      const current = await tx.selectFrom('cases').select('status').where('id', '=', c.id).forUpdate().executeTakeFirstOrThrow();
      if (current.status !== c.status) return false; // changed by someone meanwhile: leave it for the next run
      const at = now.toISOString();
      const reason = `${verdict.reason} Regel: ${rule.id}.`;
      await changeCaseStatus(tx, c.id, 'closed', { actor: { kind: 'system' }, reason, closureReason: 'noApplication', at: now });
      await tx
        .insertInto('journal_entries')
        .values({
          id: newId(),
          case_id: c.id,
          author_id: author,
          event_date: today,
          title: `Ärendet avslutat automatiskt: ${CLOSURE_REASON_LABELS.noApplication.toLowerCase()}`,
          body: `${verdict.reason} Ärendet avslutades av Vägen enligt kommunens regel (${rule.source}). En ny ansökan inom ${rule.reopenWithinMonths} månader återaktualiserar ärendet hos samma handläggare.`,
          received_orally_from: null,
          received_orally_at: null,
          corrects_entry_id: null,
          created_at: at,
          updated_at: at,
          signed_at: at,
          signed_by: author,
          step: 'followUp',
        })
        .execute();
      await auditSystem(tx, now, { action: 'case.autoClose', targetType: 'case', targetId: c.id, caseId: c.id, purpose: 'noApplication' });
      return true;
    });
    if (done) closed.push(c.id);
  }
  await enqueueJob(db, AUTO_CLOSE_JOB, {}, now, { runAt: nextAutoCloseRun(now), uniqueKey: `${AUTO_CLOSE_JOB}:next` });
  return closed;
}

export async function autoCloseJob(payload: unknown, deps: AppDeps): Promise<void> {
  await runAutoClose(payload, deps);
}
