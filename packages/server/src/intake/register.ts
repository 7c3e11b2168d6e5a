/**
 * Registering a first contact: validate everything first, then in one transaction create the case (or reopen a
 * recently closed one), the application, the intake with its history, the work item and the audit record.
 */
import { monthBounds, swedishDate, INTAKE_TRACK_LABELS, intakeDeadline, isWithinReopenPeriod, type IntakeChannel, type IntakeTrack } from '@vagen/domain';
import type { AppDeps, RequestActor } from '../context.ts';
import { audit } from '../audit/log.ts';
import { visibleCasesCondition } from '../cases/access.ts';
import { createCaseWithHousehold } from '../cases/create.ts';
import { conflict, ValidationFailure, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { changeCaseStatus } from '../status/change.ts';
import { openWorkItem, PRIORITY } from '../queue/work-items.ts';
import { intakeConfig } from './config.ts';
import { parsePeople } from './people.ts';
import type { RegisterIntakeBody, RegisterIntakeResult } from '@vagen/contract';
import { recordIntakeEvent } from './store.ts';

type Staff = Extract<RequestActor, { kind: 'staff' }>;

/** What registering answers (the API contract's RegisterIntakeResult). */
export type RegisterResult = RegisterIntakeResult;

export async function registerIntake(deps: AppDeps, actor: Staff, body: RegisterIntakeBody): Promise<RegisterResult> {
  const now = deps.now();
  const today = swedishDate(now);
  const errors: FieldError[] = [];

  const unit = actor.unitIds.includes(body.unitId)
    ? await deps.db.selectFrom('units').select(['id', 'name']).where('id', '=', body.unitId).where('municipality_code', '=', actor.municipality).executeTakeFirst()
    : undefined;
  if (!unit) errors.push({ path: '/body/unitId', message: 'Enheten finns inte, eller så hör du inte till den.' });

  const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 60_000) errors.push({ path: '/body/receivedAt', message: 'Tidpunkten då kontakten kom in kan inte vara i framtiden.' });
  const people = parsePeople(body, today, errors);
  if (errors.length) throw new ValidationFailure(errors);

  const config = intakeConfig(actor.municipality, today);
  const track = body.track as IntakeTrack;
  const channel = body.channel as IntakeChannel;
  const deadlineAt = intakeDeadline(receivedAt, track, config.settings);
  const periodMonth = body.periodMonth ?? swedishDate(receivedAt).slice(0, 7);
  const need = body.need?.trim() ?? '';
  const applicant = people.find((p) => p.role === 'applicant')!;

  return deps.db.transaction().execute(async (tx) => {
    // A visible case where the applicant is a party: an open one stops the registration, a recently closed one is reopened.
    const earlier = await tx
      .selectFrom('cases')
      .where(visibleCasesCondition(actor))
      .innerJoin('household_members as hm', 'hm.household_id', 'cases.household_id')
      .innerJoin('persons as p', 'p.id', 'hm.person_id')
      .leftJoin('staff_users as rw', 'rw.id', 'cases.responsible_worker_id')
      .select([
        'cases.id',
        'cases.case_number',
        'cases.status',
        'cases.closed_at',
        'cases.unit_id',
        'cases.responsible_worker_id',
        'rw.display_name as worker_name',
        'rw.active as worker_active',
        'p.id as person_id',
      ])
      .where('p.personnummer', '=', applicant.personnummer.value)
      .where('hm.role', 'in', ['applicant', 'coApplicant'])
      .orderBy('cases.opened_at', 'desc')
      .execute();
    const open = earlier.find((c) => c.status !== 'closed');
    if (open) {
      throw conflict(`Personen har redan ett pågående ärende (${open.case_number}). Registrera ansökan i det ärendet i stället.`);
    }
    const reopenable = earlier
      .filter((c) => c.closed_at && c.responsible_worker_id && c.worker_active && isWithinReopenPeriod(new Date(c.closed_at), now, config.reopenWithinMonths))
      .sort((a, b) => b.closed_at!.localeCompare(a.closed_at!))[0];

    const intakeId = newId();
    const applicationId = newId();
    let caseId: string, caseNumber: string, unitId: string, personId: string;
    if (reopenable) {
      caseId = reopenable.id;
      caseNumber = reopenable.case_number;
      unitId = reopenable.unit_id;
      personId = reopenable.person_id;
      await changeCaseStatus(tx, caseId, 'investigation', {
        actor: { kind: 'staff', id: actor.userId },
        at: now,
        reason: `Återaktualiserat: ny ansökan inom ${config.reopenWithinMonths} månader efter avslut. Ärendet går tillbaka till samma handläggare.`,
      });
    } else {
      const created = await createCaseWithHousehold(
        tx,
        {
          municipality: actor.municipality,
          unitId: body.unitId,
          responsibleWorkerId: null,
          actorId: actor.userId,
          people: people.map((p) => ({ role: p.role, personnummer: p.personnummer, input: p.input })),
          status: 'intake',
          reason: 'Första kontakt registrerad i mottagningen',
        },
        now,
      );
      caseId = created.id;
      caseNumber = created.caseNumber;
      unitId = body.unitId;
      personId = created.personIds[0]!;
    }

    await tx
      .insertInto('applications')
      .values({
        id: applicationId,
        case_id: caseId,
        kind: 'new',
        period_month: `${periodMonth}-01`,
        channel,
        submitted_at: receivedAt.toISOString(),
        status: 'registered',
        period_start: monthBounds(periodMonth).first,
        period_end: monthBounds(periodMonth).last,
        content: JSON.stringify({ source: 'intake', intakeId, need, track }),
        updated_at: now.toISOString(),
      })
      .execute();

    const status = reopenable ? 'handedOver' : 'registered';
    await tx
      .insertInto('intakes')
      .values({
        id: intakeId,
        municipality_code: actor.municipality,
        unit_id: unitId,
        case_id: caseId,
        application_id: applicationId,
        applicant_person_id: personId,
        channel,
        track,
        status,
        reopened: !!reopenable,
        received_at: receivedAt.toISOString(),
        deadline_at: deadlineAt.toISOString(),
        registered_at: now.toISOString(),
        registered_by: actor.userId,
        need_summary: need,
        checklist: '{}',
        updated_at: now.toISOString(),
        ...(reopenable ? { handed_over_at: now.toISOString(), handed_over_by: actor.userId, assigned_worker_id: reopenable.responsible_worker_id } : {}),
      })
      .execute();
    await recordIntakeEvent(tx, { intakeId, kind: 'registered', to: 'registered', actorId: actor.userId, at: now, note: `${INTAKE_TRACK_LABELS[track]} kontakt` });

    if (reopenable) {
      await recordIntakeEvent(tx, {
        intakeId,
        kind: 'reopened',
        from: 'registered',
        to: 'handedOver',
        actorId: actor.userId,
        at: now,
        note: `Återaktualiserat hos ${reopenable.worker_name ?? 'ansvarig handläggare'}`,
      });
      await openWorkItem(
        tx,
        {
          municipality: actor.municipality,
          unitId,
          caseId,
          kind: 'assessment',
          ref: { type: 'application', id: applicationId },
          title: `Ny ansökan (återaktualiserat) ${caseNumber}`,
          priority: track === 'acute' ? PRIORITY.acute : PRIORITY.deadline,
          receivedAt,
          dueAt: deadlineAt,
          assignedTo: reopenable.responsible_worker_id,
        },
        now,
      );
      await audit(tx, actor, now, { action: 'case.reopen', targetType: 'case', targetId: caseId, caseId, personId, outcome: 'success' });
    } else {
      await openWorkItem(
        tx,
        {
          municipality: actor.municipality,
          unitId,
          caseId,
          kind: 'intake',
          ref: { type: 'intake', id: intakeId },
          title: `${track === 'acute' ? 'Akut kontakt' : 'Ny kontakt'} ${caseNumber}`,
          priority: track === 'acute' ? PRIORITY.acute : PRIORITY.deadline,
          receivedAt,
          dueAt: deadlineAt,
          assignedRole: 'intakeWorker',
        },
        now,
      );
    }
    await audit(tx, actor, now, { action: 'intake.register', targetType: 'intake', targetId: intakeId, caseId, personId, outcome: 'success' });

    return {
      id: intakeId,
      caseId,
      caseNumber,
      applicationId,
      status,
      reopened: !!reopenable,
      deadlineAt: deadlineAt.toISOString(),
      message: reopenable
        ? `Personen hade ett ärende som avslutades för mindre än ${config.reopenWithinMonths} månader sedan. Ärendet ${caseNumber} är återaktualiserat hos ${reopenable.worker_name ?? 'samma handläggare'}.`
        : `Kontakten är registrerad i ärende ${caseNumber}.`,
    };
  });
}
