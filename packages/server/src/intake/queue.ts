/** The intake queue: open first contacts of the user's units, acute first, then by deadline. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { INTAKE_CHANNEL_LABELS, INTAKE_STATUS_LABELS, INTAKE_TRACK_LABELS, OPEN_INTAKE_STATUSES, intakeMinutesSince, isIntakeOverdue, labelOf, type Actor } from '@vagen/domain';
import { visibleCasesCondition } from '../cases/access.ts';
import { listWaitingItems } from '../queue/waiting.ts';

export interface QueueFilter {
  status?: string | undefined;
  track?: string | undefined;
  unitIds: readonly string[];
}

export async function listIntakeQueue(db: Kysely<Database>, actor: Extract<Actor, { kind: 'staff' }>, filter: QueueFilter, now: Date) {
  if (!filter.unitIds.length) return { items: [], total: 0 };
  let q = db
    .selectFrom('cases')
    .where(visibleCasesCondition(actor))
    .innerJoin('intakes as i', 'i.case_id', 'cases.id')
    .innerJoin('persons as p', 'p.id', 'i.applicant_person_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .leftJoin('staff_users as vw', 'vw.id', 'i.visit_worker_id')
    .leftJoin('staff_users as aw', 'aw.id', 'i.assigned_worker_id')
    .where('i.unit_id', 'in', [...filter.unitIds]);
  const status = filter.status ?? 'open';
  if (status === 'open') q = q.where('i.status', 'in', [...OPEN_INTAKE_STATUSES]);
  else if (status !== 'all') q = q.where('i.status', '=', status);
  if (filter.track) q = q.where('i.track', '=', filter.track);
  const rows = await q
    .select([
      'i.id',
      'i.case_id',
      'cases.case_number',
      'i.status',
      'i.track',
      'i.channel',
      'i.received_at',
      'i.deadline_at',
      'i.visit_at',
      'i.reopened',
      'i.interviewed_at',
      'i.booked_at',
      'i.handed_over_at',
      'u.id as unit_id',
      'u.name as unit_name',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
      'vw.display_name as visit_worker_name',
      'aw.display_name as assigned_worker_name',
    ])
    .orderBy(sql`case when i.track = 'acute' then 0 else 1 end`)
    .orderBy('i.deadline_at')
    .orderBy('i.received_at')
    .orderBy('i.id')
    .limit(500)
    .execute();
  // Waiting items of the intake queue that have no open first contact: cases in intake that came in another way,
  // and open applications nobody is responsible for (the data says they wait; see queue/waiting.ts).
  const unregistered = status === 'open' && filter.track !== 'acute' ? (await listWaitingItems(db, actor, now, { unitIds: filter.unitIds })).filter((w) => w.queue === 'intake' && !w.intakeId) : [];
  const extra = unregistered.length
    ? await db
        .selectFrom('cases')
        .innerJoin('units as u', 'u.id', 'cases.unit_id')
        .leftJoin('staff_users as aw', 'aw.id', 'cases.responsible_worker_id')
        .select(['cases.id', 'cases.protected_identity', 'u.name as unit_name', 'aw.display_name as worker_name'])
        .where(
          'cases.id',
          'in',
          unregistered.map((w) => w.caseId),
        )
        .execute()
    : [];
  const channels = unregistered.length
    ? await db
        .selectFrom('applications')
        .select(['case_id', 'channel', 'submitted_at'])
        .where(
          'case_id',
          'in',
          unregistered.map((w) => w.caseId),
        )
        .orderBy('submitted_at', 'desc')
        .execute()
    : [];
  const extraItems = unregistered.map((w) => {
    const c = extra.find((x) => x.id === w.caseId);
    const channel = channels.find((x) => x.case_id === w.caseId)?.channel ?? 'unknown';
    return {
      id: null,
      caseId: w.caseId,
      caseNumber: w.caseNumber,
      applicantName: w.applicantName ?? '–',
      protectedIdentity: c?.protected_identity ?? false,
      status: 'unregistered',
      statusLabel: w.kind === 'intake' ? 'Ingen kontakt registrerad' : 'Ansökan utan ansvarig handläggare',
      track: 'ordinary',
      trackLabel: labelOf(INTAKE_TRACK_LABELS, 'ordinary'),
      channel,
      channelLabel: labelOf(INTAKE_CHANNEL_LABELS, channel),
      unit: { id: w.unitId, name: c?.unit_name ?? '' },
      receivedAt: w.receivedAt,
      deadlineAt: w.dueAt ?? w.receivedAt,
      minutesSinceReceipt: intakeMinutesSince(new Date(w.receivedAt), now),
      overdue: w.dueAt ? isIntakeOverdue(new Date(w.dueAt), now, false) : false,
      reopened: false,
      interviewedAt: null,
      bookedAt: null,
      visitAt: null,
      visitWorkerName: null,
      handedOverAt: null,
      assignedWorkerName: c?.worker_name ?? null,
    };
  });
  return {
    total: rows.length + extraItems.length,
    items: [
      ...extraItems,
      ...rows.map((r) => {
        const done = r.status === 'handedOver' || r.status === 'referred';
        return {
          id: r.id,
          caseId: r.case_id,
          caseNumber: r.case_number,
          applicantName: `${r.first_name} ${r.last_name}`,
          protectedIdentity: r.protected_identity,
          status: r.status,
          statusLabel: labelOf(INTAKE_STATUS_LABELS, r.status),
          track: r.track,
          trackLabel: labelOf(INTAKE_TRACK_LABELS, r.track),
          channel: r.channel,
          channelLabel: labelOf(INTAKE_CHANNEL_LABELS, r.channel),
          unit: { id: r.unit_id, name: r.unit_name },
          receivedAt: r.received_at,
          deadlineAt: r.deadline_at,
          minutesSinceReceipt: intakeMinutesSince(new Date(r.received_at), now),
          overdue: isIntakeOverdue(new Date(r.deadline_at), now, done),
          reopened: r.reopened,
          interviewedAt: r.interviewed_at,
          bookedAt: r.booked_at,
          visitAt: r.visit_at,
          visitWorkerName: r.visit_worker_name,
          handedOverAt: r.handed_over_at,
          assignedWorkerName: r.assigned_worker_name,
        };
      }),
    ].sort((a, b) => Number(b.track === 'acute') - Number(a.track === 'acute') || new Date(a.deadlineAt).getTime() - new Date(b.deadlineAt).getTime()),
  };
}

/** The intakes of one case, newest first (the caller has checked access and audited). */
export async function listCaseIntakes(db: Kysely<Database>, caseId: string, now: Date) {
  const rows = await db
    .selectFrom('intakes as i')
    .leftJoin('staff_users as aw', 'aw.id', 'i.assigned_worker_id')
    .select(['i.id', 'i.status', 'i.track', 'i.channel', 'i.received_at', 'i.deadline_at', 'i.visit_at', 'i.handed_over_at', 'i.reopened', 'aw.display_name as assigned_worker_name'])
    .where('i.case_id', '=', caseId)
    .orderBy('i.received_at', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      statusLabel: labelOf(INTAKE_STATUS_LABELS, r.status),
      track: r.track,
      trackLabel: labelOf(INTAKE_TRACK_LABELS, r.track),
      channelLabel: labelOf(INTAKE_CHANNEL_LABELS, r.channel),
      receivedAt: r.received_at,
      deadlineAt: r.deadline_at,
      overdue: isIntakeOverdue(new Date(r.deadline_at), now, !(OPEN_INTAKE_STATUSES as readonly string[]).includes(r.status)),
      visitAt: r.visit_at,
      handedOverAt: r.handed_over_at,
      assignedWorkerName: r.assigned_worker_name,
      reopened: r.reopened,
    })),
  };
}
