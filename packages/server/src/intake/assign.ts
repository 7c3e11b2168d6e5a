/**
 * Assignment / hand-over by the coordinator or manager (capability case.assign): the responsible worker (and an
 * optional second worker) take over, the case goes from intake to investigation, the intake's work item closes and
 * the new worker gets an assessment item for the application.
 */
import { swedishDate, heavyForNewStaffWarning, intakeChecklistGateMessage, isNewStaff, missingIntakeChecklistItems } from '@vagen/domain';
import type { AppDeps, RequestActor } from '../context.ts';
import { conflict, HttpProblem, ValidationFailure, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { changeCaseStatus, changeIntakeStatus } from '../status/change.ts';
import { closeWorkItems, openWorkItem, PRIORITY } from '../queue/work-items.ts';
import { changeIntake } from './actions.ts';
import { intakeConfig } from './config.ts';
import type { IntakeAssignBody } from '@vagen/contract';
import { ASSIGNABLE_ROLES, caseWeightOf } from './workers.ts';

type Staff = Extract<RequestActor, { kind: 'staff' }>;

export async function assignIntake(deps: AppDeps, actor: Staff, id: string, body: IntakeAssignBody) {
  return changeIntake(deps, actor, id, 'handOver', 'intake.assign', async (tx, intake, now) => {
    const today = swedishDate(now);
    const config = intakeConfig(intake.municipality_code, today);
    const errors: FieldError[] = [];
    const findWorker = (workerId: string) =>
      tx
        .selectFrom('staff_users as s')
        .innerJoin('staff_units as su', 'su.user_id', 's.id')
        .select(['s.id', 's.display_name', 's.employed_since'])
        .where('s.id', '=', workerId)
        .where('su.unit_id', '=', intake.unit_id)
        .where('s.active', '=', true)
        .where('s.role', 'in', [...ASSIGNABLE_ROLES])
        .executeTakeFirst();
    const worker = await findWorker(body.workerId);
    if (!worker) errors.push({ path: '/body/workerId', message: 'Handläggaren finns inte i enheten eller kan inte ta emot ärenden.' });
    const second = body.secondWorkerId ? await findWorker(body.secondWorkerId) : undefined;
    if (body.secondWorkerId && !second) errors.push({ path: '/body/secondWorkerId', message: 'Den andra handläggaren finns inte i enheten eller kan inte ta emot ärenden.' });
    if (body.secondWorkerId && body.secondWorkerId === body.workerId) errors.push({ path: '/body/secondWorkerId', message: 'Välj en annan person än den ansvariga handläggaren.' });
    if (errors.length) throw new ValidationFailure(errors);

    const missing = missingIntakeChecklistItems(config.checklists, 'beforeHandover', intake.ticks);
    if (missing.length) throw conflict(intakeChecklistGateMessage('beforeHandover', missing));

    // New staff should not get the heaviest cases: assigning one needs an explicit confirmation.
    const weight = await caseWeightOf(tx, intake.case_id, config.settings.heavyCase, today);
    const warnings: string[] = [];
    for (const w of [worker!, ...(second ? [second] : [])]) {
      if (weight.heavy && isNewStaff(w.employed_since, today, config.settings.newStaffMonths)) warnings.push(heavyForNewStaffWarning(w.display_name));
    }
    if (warnings.length && !body.confirmHeavyForNewStaff) throw new HttpProblem(409, 'HEAVY_CASE_NEW_STAFF', warnings.join(' '));

    const c = await tx.selectFrom('cases').select(['status', 'case_number']).where('id', '=', intake.case_id).forUpdate().executeTakeFirstOrThrow();
    await tx
      .updateTable('cases')
      .set({ responsible_worker_id: worker!.id, second_worker_id: second?.id ?? null, updated_at: now.toISOString() })
      .where('id', '=', intake.case_id)
      .execute();
    const note = body.note?.trim() || null;
    // A case still in the intake goes to investigation; a reopened or already assigned case keeps its status.
    if (c.status === 'intake') {
      await changeCaseStatus(tx, intake.case_id, 'investigation', {
        actor: { kind: 'staff', id: actor.userId },
        at: now,
        reason: `Överlämnat från mottagningen till ${worker!.display_name}${note ? `: ${note}` : ''}`,
      });
    }
    await changeIntakeStatus(tx, id, 'handedOver', {
      actorId: actor.userId,
      kind: 'handedOver',
      at: now,
      set: { handed_over_at: now.toISOString(), handed_over_by: actor.userId, assigned_worker_id: worker!.id },
      note: `Till ${worker!.display_name}${second ? ` och ${second.display_name}` : ''}${note ? `. ${note}` : ''}`,
      data: { workerId: worker!.id, secondWorkerId: second?.id ?? null, heavy: weight.heavy, warnings },
    });
    await tx
      .insertInto('journal_entries')
      .values({
        id: newId(),
        case_id: intake.case_id,
        author_id: actor.userId,
        event_date: today,
        title: 'Ärendet överlämnat från mottagningen',
        body: `Ärendet är fördelat till ${worker!.display_name}${second ? ` (andra handläggare ${second.display_name})` : ''}.${note ? `\n${note}` : ''}`,
        received_orally_from: null,
        received_orally_at: null,
        corrects_entry_id: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        signed_at: null,
        signed_by: null,
        step: 'intake',
      })
      .execute();
    await closeWorkItems(tx, { refType: 'intake', refId: id, kind: 'intake' }, actor.userId, now);
    await openWorkItem(
      tx,
      {
        municipality: intake.municipality_code,
        unitId: intake.unit_id,
        caseId: intake.case_id,
        kind: 'assessment',
        ref: { type: 'application', id: intake.application_id },
        title: `Utred ansökan ${c.case_number}`,
        priority: intake.track === 'acute' ? PRIORITY.acute : PRIORITY.deadline,
        receivedAt: new Date(intake.received_at),
        dueAt: intake.track === 'acute' ? new Date(intake.deadline_at) : null,
        assignedTo: worker!.id,
      },
      now,
    );
    return { caseId: intake.case_id, caseStatus: c.status === 'intake' ? 'investigation' : c.status, workerId: worker!.id, secondWorkerId: second?.id ?? null, heavyCase: weight, warnings };
  });
}
