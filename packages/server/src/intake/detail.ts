/** The whole intake page in one read (the caller has checked access and written the audit record). */
import type { Kysely } from 'kysely';
import type { IntakeDetail, IntakeInterview, PreliminaryCalculation } from '@vagen/contract';
import type { Database } from '@vagen/db';
import {
  CASE_STATUS_LABELS,
  COST_TYPE_LABELS,
  HOUSEHOLD_ROLE_LABELS,
  INCOME_TYPE_LABELS,
  INTAKE_CHANNEL_LABELS,
  INTAKE_CHECKLIST_FACT_LABELS,
  INTAKE_CHECKLIST_STAGE_LABELS,
  INTAKE_CHECKLIST_STAGES,
  INTAKE_EVENT_LABELS,
  INTAKE_INTERVIEW_COST_TYPES,
  INTAKE_INTERVIEW_INCOME_TYPES,
  INTAKE_RESPONSIBILITY_ANSWER_LABELS,
  INTAKE_RESPONSIBILITY_BASIS_LABELS,
  INTAKE_STATUS_LABELS,
  INTAKE_TENURE_LABELS,
  INTAKE_TENURE_TYPES,
  INTAKE_TRACK_LABELS,
  OPEN_INTAKE_STATUSES,
  formatPersonnummer,
  hasCapability,
  intakeMinutesSince,
  isCaseStatus,
  isIntakeOverdue,
  labelOf,
  missingIntakeChecklistItems,
  type Actor,
  type IntakeChecklistTicks,
  type IntakeStatus,
} from '@vagen/domain';
import { factValues, intakeChecklistFacts } from './checklist-facts.ts';
import type { IntakeConfig } from './config.ts';
import { caseWeightOf } from './workers.ts';

const minutesBetween = (from: string, to: string | null) => (to ? Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000)) : null);

export async function loadIntakeDetail(db: Kysely<Database>, id: string, actor: Extract<Actor, { kind: 'staff' }>, config: IntakeConfig, now: Date, today: string): Promise<IntakeDetail> {
  const i = await db
    .selectFrom('intakes as i')
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .leftJoin('staff_users as rw', 'rw.id', 'c.responsible_worker_id')
    .leftJoin('staff_users as sw', 'sw.id', 'c.second_worker_id')
    .selectAll('i')
    .select([
      'c.case_number',
      'c.status as case_status',
      'c.household_id',
      'u.name as unit_name',
      'a.period_month',
      'a.status as application_status',
      'rw.id as rw_id',
      'rw.display_name as rw_name',
      'sw.id as sw_id',
      'sw.display_name as sw_name',
    ])
    .where('i.id', '=', id)
    .executeTakeFirstOrThrow();

  const staffIds = [i.registered_by, i.interviewed_by, i.calculated_by, i.responsibility_checked_by, i.booked_by, i.visit_worker_id, i.handed_over_by, i.assigned_worker_id, i.referred_by].filter(
    (x): x is string => !!x,
  );
  const ticks = (i.checklist ?? {}) as IntakeChecklistTicks;
  for (const stage of INTAKE_CHECKLIST_STAGES) for (const t of Object.values(ticks[stage] ?? {})) staffIds.push(t.by);

  const [members, events, weight] = await Promise.all([
    db
      .selectFrom('household_members as hm')
      .innerJoin('persons as p', 'p.id', 'hm.person_id')
      .select(['p.id', 'hm.role', 'p.first_name', 'p.last_name', 'p.personnummer', 'p.birth_date', 'p.protected_identity', 'p.address_line', 'p.postal_code', 'p.city', 'p.phone'])
      .where('hm.household_id', '=', i.household_id)
      .execute(),
    db
      .selectFrom('intake_events as e')
      .select(['e.kind', 'e.from_status', 'e.to_status', 'e.actor_id', 'e.at', 'e.note'])
      .where('e.intake_id', '=', id)
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .execute(),
    caseWeightOf(db, i.case_id, config.settings.heavyCase, today),
  ]);
  const facts = intakeChecklistFacts(i);
  for (const e of events) if (e.actor_id) staffIds.push(e.actor_id);
  const names = new Map<string, string>();
  const unique = [...new Set(staffIds)];
  if (unique.length) {
    for (const s of await db.selectFrom('staff_users').select(['id', 'display_name']).where('id', 'in', unique).execute()) names.set(s.id, s.display_name);
  }
  const nameOf = (userId: string | null) => (userId ? (names.get(userId) ?? null) : null);

  const roleOrder = ['applicant', 'coApplicant', 'otherAdult', 'child'];
  members.sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.birth_date.localeCompare(b.birth_date));
  const status = i.status as IntakeStatus;
  const open = OPEN_INTAKE_STATUSES.includes(status);
  const documentLabels = new Map(config.letter.documentOptions.map((d) => [d.key, d.label]));
  // jsonb columns, written by actions.ts in these shapes.
  const preliminary = i.preliminary as Pick<PreliminaryCalculation, 'input' | 'result'> | null;
  const responsibility = i.responsibility as Omit<NonNullable<IntakeDetail['responsibility']>, `${string}Label` | 'checkedAt' | 'checkedByName'> | null;

  return {
    id: i.id,
    status,
    statusLabel: labelOf(INTAKE_STATUS_LABELS, status),
    track: i.track,
    trackLabel: labelOf(INTAKE_TRACK_LABELS, i.track),
    channel: i.channel,
    channelLabel: labelOf(INTAKE_CHANNEL_LABELS, i.channel),
    reopened: i.reopened,
    receivedAt: i.received_at,
    deadlineAt: i.deadline_at,
    overdue: isIntakeOverdue(new Date(i.deadline_at), now, !open),
    minutesSinceReceipt: intakeMinutesSince(new Date(i.received_at), now),
    needSummary: i.need_summary,
    case: {
      id: i.case_id,
      caseNumber: i.case_number,
      status: i.case_status,
      statusLabel: isCaseStatus(i.case_status) ? CASE_STATUS_LABELS[i.case_status] : i.case_status,
      unit: { id: i.unit_id, name: i.unit_name },
      responsibleWorker: i.rw_id ? { id: i.rw_id, name: i.rw_name } : null,
      secondWorker: i.sw_id ? { id: i.sw_id, name: i.sw_name } : null,
    },
    application: { id: i.application_id, periodMonth: i.period_month.slice(0, 7), status: i.application_status },
    people: members.map((m) => ({
      personId: m.id,
      role: m.role,
      roleLabel: labelOf(HOUSEHOLD_ROLE_LABELS, m.role),
      firstName: m.first_name,
      lastName: m.last_name,
      personnummer: formatPersonnummer(m.personnummer),
      birthDate: m.birth_date,
      protectedIdentity: m.protected_identity,
      // A protected address is never sent.
      address: m.protected_identity || !m.address_line ? null : { line: m.address_line, postalCode: m.postal_code, city: m.city },
      phone: m.protected_identity ? null : m.phone,
    })),
    interview: i.interview as IntakeInterview | null,
    interviewedAt: i.interviewed_at,
    interviewedByName: nameOf(i.interviewed_by),
    preliminary: preliminary
      ? {
          preliminary: true as const,
          label: 'Preliminär beräkning – inte ett beslut',
          calculatedAt: i.calculated_at!,
          calculatedByName: nameOf(i.calculated_by),
          input: preliminary.input,
          result: preliminary.result,
        }
      : null,
    responsibility: responsibility
      ? {
          ...responsibility,
          municipalityResponsibleLabel: labelOf(INTAKE_RESPONSIBILITY_ANSWER_LABELS, responsibility.municipalityResponsible),
          rightInstanceLabel: labelOf(INTAKE_RESPONSIBILITY_ANSWER_LABELS, responsibility.rightInstance),
          basisLabel: responsibility.basis ? labelOf(INTAKE_RESPONSIBILITY_BASIS_LABELS, responsibility.basis) : null,
          checkedAt: i.responsibility_checked_at,
          checkedByName: nameOf(i.responsibility_checked_by),
        }
      : null,
    checklists: INTAKE_CHECKLIST_STAGES.map((stage) => ({
      stage,
      label: INTAKE_CHECKLIST_STAGE_LABELS[stage],
      complete: missingIntakeChecklistItems(config.checklists, stage, ticks, factValues(facts)).length === 0,
      items: config.checklists.stages[stage].map((item) => {
        if (item.derivedFrom) {
          const f = facts[item.derivedFrom];
          const label = INTAKE_CHECKLIST_FACT_LABELS[item.derivedFrom][f.met ? 'met' : 'unmet'];
          return { key: item.key, label: item.label, required: item.required, checked: f.met, checkedAt: null, checkedByName: null, derived: { fact: item.derivedFrom, label, met: f.met, at: f.at } };
        }
        const t = ticks[stage]?.[item.key];
        return { key: item.key, label: item.label, required: item.required, checked: !!t, checkedAt: t?.at ?? null, checkedByName: t ? nameOf(t.by) : null, derived: null };
      }),
    })),
    booking: i.visit_at
      ? {
          visitAt: i.visit_at,
          place: i.visit_place,
          worker: i.visit_worker_id ? { id: i.visit_worker_id, name: nameOf(i.visit_worker_id) } : null,
          documents: ((i.visit_documents ?? []) as string[]).map((key) => ({ key, label: documentLabels.get(key) ?? key })),
          bookedAt: i.booked_at,
          bookedByName: nameOf(i.booked_by),
          letterDocumentId: i.letter_document_id,
          letterUrl: i.letter_document_id ? `/api/v1/intake/${i.id}/booking-letter` : null,
        }
      : null,
    handover: i.handed_over_at
      ? { at: i.handed_over_at, byName: nameOf(i.handed_over_by), worker: i.assigned_worker_id ? { id: i.assigned_worker_id, name: nameOf(i.assigned_worker_id) } : null }
      : null,
    referral: i.referred_at ? { at: i.referred_at, byName: nameOf(i.referred_by), reason: i.referral_reason } : null,
    // Every step's time, and minutes from receipt, so lead times and waits can be followed.
    timestamps: {
      receivedAt: i.received_at,
      registeredAt: i.registered_at,
      interviewedAt: i.interviewed_at,
      calculatedAt: i.calculated_at,
      bookedAt: i.booked_at,
      handedOverAt: i.handed_over_at,
      referredAt: i.referred_at,
    },
    leadTimesMinutes: {
      toInterview: minutesBetween(i.received_at, i.interviewed_at),
      toBooking: minutesBetween(i.received_at, i.booked_at),
      toHandover: minutesBetween(i.received_at, i.handed_over_at),
    },
    heavyCase: weight,
    history: events.map((e) => ({
      kind: e.kind,
      label: labelOf(INTAKE_EVENT_LABELS, e.kind),
      fromStatus: e.from_status,
      toStatus: e.to_status,
      toStatusLabel: e.to_status ? labelOf(INTAKE_STATUS_LABELS, e.to_status) : null,
      at: e.at,
      actorName: nameOf(e.actor_id),
      note: e.note,
    })),
    options: {
      documentOptions: config.letter.documentOptions,
      tenureTypes: INTAKE_TENURE_TYPES.map((value) => ({ value, label: INTAKE_TENURE_LABELS[value] })),
      incomeTypes: INTAKE_INTERVIEW_INCOME_TYPES.map((value) => ({ value, label: labelOf(INCOME_TYPE_LABELS, value) })),
      costTypes: INTAKE_INTERVIEW_COST_TYPES.map((value) => ({ value, label: labelOf(COST_TYPE_LABELS, value) })),
      visitHours: config.settings.visitHours,
    },
    permissions: {
      canHandle: open && hasCapability(actor.role, 'intake.handle'),
      canAssign: open && hasCapability(actor.role, 'case.assign'),
    },
  };
}
