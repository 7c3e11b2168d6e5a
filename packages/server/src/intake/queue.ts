/** The intake queue: open first contacts of the user's units, acute first, then by deadline. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { INTAKE_CHANNEL_LABELS, INTAKE_STATUS_LABELS, INTAKE_TRACK_LABELS, OPEN_INTAKE_STATUSES, intakeMinutesSince, isIntakeOverdue, labelOf, type Actor } from '@vagen/domain';
import { visibleCasesCondition } from '../cases/access.ts';

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
  return {
    total: rows.length,
    items: rows.map((r) => {
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
