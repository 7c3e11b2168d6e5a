/** Interview, preliminary calculation, responsibility check, checklist ticks and referral of an open intake. */
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import {
  swedishDate,
  NormInputError,
  calculateNorm,
  canDoIntakeAction,
  findIntakeChecklistItem,
  intakeStatusAfter,
  interviewToNormInput,
  validateIntakeInterview,
  type IntakeAction,
  type IntakeInterview,
} from '@vagen/domain';
import type { AppDeps, RequestActor } from '../context.ts';
import { audit } from '../audit/log.ts';
import { conflict, ValidationFailure } from '../errors.ts';
import { getNormRuleSet } from '../rules/norm-rules.ts';
import { changeApplicationStatus, changeCaseStatus, changeIntakeStatus } from '../status/change.ts';
import { closeWorkItems } from '../queue/work-items.ts';
import { intakeConfig } from './config.ts';
import type { IntakeChecklistBody, IntakeInterviewBody, IntakeReferBody, IntakeResponsibilityBody } from '@vagen/contract';
import { lockIntake, recordIntakeEvent, type LockedIntake } from './store.ts';

type Staff = Extract<RequestActor, { kind: 'staff' }>;

/** Runs a change on a locked, open intake in one transaction with its audit record. */
export async function changeIntake<T>(
  deps: AppDeps,
  actor: Staff,
  id: string,
  action: IntakeAction,
  auditAction: string,
  work: (tx: Kysely<Database>, intake: LockedIntake, now: Date) => Promise<T>,
): Promise<T> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const intake = await lockIntake(tx, id);
    const allowed = canDoIntakeAction(intake.status, action);
    if (!allowed.ok) throw conflict(allowed.message);
    const result = await work(tx, intake, now);
    await audit(tx, actor, now, { action: auditAction, targetType: 'intake', targetId: id, caseId: intake.case_id, personId: intake.applicant_person_id, outcome: 'success' });
    return result;
  });
}

export function normalizeInterview(b: IntakeInterviewBody): IntakeInterview {
  return {
    need: b.need.trim(),
    ownEfforts: b.ownEfforts?.trim() ?? '',
    address: { line: b.address?.line.trim() ?? '', postalCode: b.address?.postalCode.trim() ?? '', city: b.address?.city.trim() ?? '' },
    housing: { tenure: b.housing.tenure, monthlyCost: b.housing.monthlyCost, note: b.housing.note?.trim() ?? '' },
    household: { coApplicant: b.household.coApplicant, children: b.household.children },
    family: b.family?.trim() ?? '',
    otherPersonsAtAddress: { present: b.otherPersonsAtAddress?.present ?? false, note: b.otherPersonsAtAddress?.note?.trim() ?? '' },
    ownership: {
      car: b.ownership?.car ?? false,
      company: b.ownership?.company ?? false,
      tenantOwnedFlat: b.ownership?.tenantOwnedFlat ?? false,
      note: b.ownership?.note?.trim() ?? '',
    },
    earlierAssistance: { received: b.earlierAssistance?.received ?? false, where: b.earlierAssistance?.where?.trim() ?? '', when: b.earlierAssistance?.when?.trim() ?? '' },
    incomes: b.incomes ?? [],
    otherCosts: b.otherCosts ?? [],
  };
}

export async function saveInterview(deps: AppDeps, actor: Staff, id: string, body: IntakeInterviewBody) {
  const interview = normalizeInterview(body);
  const errors = validateIntakeInterview(interview, swedishDate(deps.now()));
  if (errors.length) throw new ValidationFailure(errors.map((e) => ({ path: `/body${e.path}`, message: e.message })));
  await changeIntake(deps, actor, id, 'interview', 'intake.interview', async (tx, intake, now) => {
    // Each saved version is kept in the history.
    await changeIntakeStatus(tx, id, intakeStatusAfter(intake.status, 'interview'), {
      actorId: actor.userId,
      kind: 'interviewSaved',
      at: now,
      data: interview,
      set: { interview: JSON.stringify(interview), interviewed_at: intake.interviewed_at ?? now.toISOString(), interviewed_by: intake.interviewed_by ?? actor.userId },
    });
  });
}

/** Preliminary norm calculation from the saved interview; stored with the engine's whole result. */
export async function calculatePreliminary(deps: AppDeps, actor: Staff, id: string) {
  return changeIntake(deps, actor, id, 'calculate', 'intake.calculate', async (tx, intake, now) => {
    if (!intake.interview) throw conflict('Gör och spara telefonintervjun först. Den preliminära beräkningen bygger på intervjun.');
    const app = await tx.selectFrom('applications').select('period_month').where('id', '=', intake.application_id).executeTakeFirstOrThrow();
    const input = interviewToNormInput(intake.interview as IntakeInterview, app.period_month.slice(0, 7), intake.municipality_code);
    let result: ReturnType<typeof calculateNorm>;
    try {
      result = calculateNorm(getNormRuleSet(), input);
    } catch (err) {
      if (err instanceof NormInputError) {
        throw new ValidationFailure(
          err.fields.map((f) => ({ path: `/interview${f.path}`, message: f.message })),
          `Beräkningen kunde inte göras: ${err.message}`,
        );
      }
      throw err;
    }
    await tx
      .updateTable('intakes')
      .set({
        preliminary: JSON.stringify({ input, result }),
        calculated_at: now.toISOString(),
        calculated_by: actor.userId,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordIntakeEvent(tx, {
      intakeId: id,
      kind: 'preliminaryCalculated',
      actorId: actor.userId,
      at: now,
      note: `Preliminärt bistånd ${(result.totals.assistance / 100).toFixed(0)} kr`,
      data: { totals: result.totals },
    });
    return { preliminary: true as const, label: 'Preliminär beräkning – inte ett beslut', calculatedAt: now.toISOString(), input, result };
  });
}

export async function checkResponsibility(deps: AppDeps, actor: Staff, id: string, body: IntakeResponsibilityBody) {
  const note = body.note?.trim() ?? '';
  const errors = [];
  if (body.municipalityResponsible !== 'yes' && !note) errors.push({ path: '/body/note', message: 'Skriv varför kommunen inte är ansvarig eller vad som är oklart.' });
  if (body.municipalityResponsible === 'yes' && !body.basis) errors.push({ path: '/body/basis', message: 'Ange om personen är folkbokförd eller vistas i kommunen.' });
  if (body.rightInstance !== 'yes' && !body.otherBenefits?.trim() && !note)
    errors.push({ path: '/body/otherBenefits', message: 'Skriv vilka andra ersättningar som ska sökas först, eller vad som är oklart.' });
  if (errors.length) throw new ValidationFailure(errors);
  const value = { municipalityResponsible: body.municipalityResponsible, basis: body.basis ?? null, rightInstance: body.rightInstance, otherBenefits: body.otherBenefits?.trim() ?? '', note };
  await changeIntake(deps, actor, id, 'checkResponsibility', 'intake.responsibility', async (tx, _intake, now) => {
    await tx
      .updateTable('intakes')
      .set({
        responsibility: JSON.stringify(value),
        responsibility_checked_at: now.toISOString(),
        responsibility_checked_by: actor.userId,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordIntakeEvent(tx, { intakeId: id, kind: 'responsibilityChecked', actorId: actor.userId, at: now, data: value });
  });
}

export async function tickChecklist(deps: AppDeps, actor: Staff, id: string, body: IntakeChecklistBody) {
  if ((body.key === undefined) === (body.keys === undefined)) {
    throw new ValidationFailure([{ path: '/body/key', message: 'Ange antingen en punkt (key) eller flera (keys).' }]);
  }
  const keys = [...new Set(body.keys ?? [body.key!])];
  await changeIntake(deps, actor, id, 'tick', 'intake.checklist', async (tx, intake, now) => {
    const config = intakeConfig(intake.municipality_code, swedishDate(now));
    const items = keys.map((key) => findIntakeChecklistItem(config.checklists, body.stage, key));
    const unknown = items.map((item, i) => (item ? null : { path: body.keys ? `/body/keys/${i}` : '/body/key', message: 'Punkten finns inte i checklistan.' })).filter((e) => e !== null);
    if (unknown.length) throw new ValidationFailure(unknown);
    const ticks = { ...intake.ticks, [body.stage]: { ...(intake.ticks[body.stage] ?? {}) } };
    for (const item of items) {
      if (body.checked) ticks[body.stage]![item!.key] = { by: actor.userId, at: now.toISOString() };
      else delete ticks[body.stage]![item!.key];
      await recordIntakeEvent(tx, {
        intakeId: id,
        kind: body.checked ? 'checklistTicked' : 'checklistUnticked',
        actorId: actor.userId,
        at: now,
        note: item!.label,
        data: { stage: body.stage, key: item!.key },
      });
    }
    await tx
      .updateTable('intakes')
      .set({ checklist: JSON.stringify(ticks), updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  });
}

/** Closes the contact as referred: the municipality is not responsible, or another instance comes first. */
export async function referIntake(deps: AppDeps, actor: Staff, id: string, body: IntakeReferBody) {
  const reason = body.reason.trim();
  if (!reason) throw new ValidationFailure([{ path: '/body/reason', message: 'Skriv vart personen hänvisas och varför.' }]);
  await changeIntake(deps, actor, id, 'refer', 'intake.refer', async (tx, intake, now) => {
    const r = intake.responsibility as { municipalityResponsible?: string; rightInstance?: string } | null;
    if (!r || (r.municipalityResponsible !== 'no' && r.rightInstance !== 'no')) {
      throw conflict('Kontakten kan bara hänvisas när ansvarsprövningen visar att kommunen inte är ansvarig eller att ekonomiskt bistånd inte är rätt instans.');
    }
    await changeIntakeStatus(tx, id, 'referred', {
      actorId: actor.userId,
      kind: 'referred',
      at: now,
      note: reason,
      set: { referred_at: now.toISOString(), referred_by: actor.userId, referral_reason: reason },
    });
    await changeApplicationStatus(tx, intake.application_id, 'referred', { actor: { kind: 'staff', id: actor.userId }, event: 'referred', note: reason, at: now });
    await closeWorkItems(tx, { refType: 'intake', refId: id }, actor.userId, now);
    // The case opened for the contact is closed; no decision is needed (no application was tried).
    const c = await tx.selectFrom('cases').select('status').where('id', '=', intake.case_id).forUpdate().executeTakeFirstOrThrow();
    if (c.status === 'intake') {
      await changeCaseStatus(tx, intake.case_id, 'closed', {
        actor: { kind: 'staff', id: actor.userId },
        at: now,
        reason: `Hänvisad från mottagningen: ${reason}`,
        closureReason: r.rightInstance === 'no' ? 'otherBenefit' : 'unknown',
      });
    }
  });
}
