/**
 * Submitting, returning and making a decision. Each action loads what it needs, asks the domain (status machine,
 * delegation, four eyes, completeness, the calculation, kommunicering, what the decision does to the application and
 * the case), and writes in one transaction with its audit record; statuses of the application and the case change
 * through the status machine (../status/change.ts). The routes (finalize.ts) only check access and call these.
 *
 * Making the decision checks, in order: status; delegation (403 naming who may decide); four-eyes on decisions (the
 * decision-maker is not the presenting officer); completeness (400 with paths under /decision); the calculation is the
 * current one and, with four-eyes on calculations, approved (409); kommunicering for a decision against the person
 * (409). Then, in one transaction: status decided, application decided, case investigation → active on the first
 * decision that grants assistance (status history), journal entry (step decision), work items closed, the letter PDF
 * stored, audit.
 */
import {
  swedishDate,
  checkCalculationForDecision,
  checkDecisionTransition,
  checkFourEyesDecider,
  checkReadyToDecide,
  communicationBlocks,
  DECISION_OUTCOME_LABELS,
  delegationCovering,
  effectsOfDecision,
  isStaffRole,
  noDelegationMessage,
  rolesThatMayDecide,
  ROLE_LABELS,
  type DecisionStatus,
} from '@vagen/domain';
import type { AppDeps, RequestActor } from '../context.ts';
import { audit, auditDenied } from '../audit/log.ts';
import { storeDocument } from '../documents/store.ts';
import { conflict, forbidden, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { formatKronor } from '@vagen/domain/money.ts';
import { changeApplicationStatus, changeCaseStatus } from '../status/change.ts';
import { closeWorkItems, openWorkItem, PRIORITY } from '../queue/work-items.ts';
import { delegation, fourEyes } from './config.ts';
import { caseRow, currentCalculation, recordEvent } from '../assessment/store.ts';
import { draftContext } from './drafts.ts';
import { buildDecisionLetter } from './letter.ts';
import { communicationState, currentCommunication, draftOf, periodText, toDecision, type DecisionRecord } from './store.ts';

type Staff = Extract<RequestActor, { kind: 'staff' }>;
/** Who acts, and the person the case is about (for the audit record). */
export interface DecisionActor {
  actor: Staff;
  personId: string | null;
}

function allow(from: string, to: DecisionStatus): void {
  const check = checkDecisionTransition(from, to);
  if (!check.ok) throw conflict(check.message);
}

/** To the decision-maker: the draft must be complete; a work item goes to the first role with delegation. */
export async function submitDecision(deps: AppDeps, { actor, personId }: DecisionActor, d: DecisionRecord): Promise<void> {
  allow(d.status, 'awaitingApproval');
  const now = deps.now();
  const date = swedishDate(now);
  const c = await caseRow(deps.db, d.caseId);
  const { ctx } = await draftContext(deps.db, d, c.municipality_code);
  const errors = checkReadyToDecide(draftOf(d), ctx);
  if (errors.length)
    throw new ValidationFailure(
      errors.map((e) => ({ path: `/decision${e.path}`, message: e.message })),
      'Beslutsutkastet är inte färdigt.',
    );
  const roles = rolesThatMayDecide(delegation(c.municipality_code, date).rows, d.outcome, d.amount, date);
  const role = roles[0] ?? 'unitManager';
  await deps.db.transaction().execute(async (tx) => {
    const locked = await tx.selectFrom('decisions').select('status').where('id', '=', d.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'draft') throw conflict('Beslutet har redan skickats eller fattats.');
    await tx.updateTable('decisions').set({ status: 'awaitingApproval', presenting_officer: actor.userId, updated_at: now.toISOString() }).where('id', '=', d.id).execute();
    await openWorkItem(
      tx,
      {
        municipality: c.municipality_code,
        unitId: c.unit_id,
        caseId: d.caseId,
        kind: 'decisionApproval',
        ref: { type: 'decision', id: d.id },
        title: `Fatta beslut: ${DECISION_OUTCOME_LABELS[d.outcome].toLowerCase()} ${formatKronor(d.amount)} (${c.case_number})`,
        priority: PRIORITY.deadline,
        receivedAt: now,
        assignedRole: role,
      },
      now,
    );
    await recordEvent(tx, {
      caseId: d.caseId,
      objectType: 'decision',
      objectId: d.id,
      event: 'submitted',
      from: 'draft',
      to: 'awaitingApproval',
      actorId: actor.userId,
      note: `Till ${ROLE_LABELS[role]}`,
      at: now,
    });
    await audit(tx, actor, now, { action: 'decision.submit', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId, outcome: 'success' });
  });
}

/** Back to the presenting officer with the decision-maker's comment. */
export async function returnDecision(deps: AppDeps, { actor, personId }: DecisionActor, d: DecisionRecord, note: string): Promise<void> {
  allow(d.status, 'draft');
  const now = deps.now();
  const c = await caseRow(deps.db, d.caseId);
  await deps.db.transaction().execute(async (tx) => {
    const locked = await tx.selectFrom('decisions').select('status').where('id', '=', d.id).forUpdate().executeTakeFirstOrThrow();
    allow(locked.status, 'draft');
    await tx.updateTable('decisions').set({ status: 'draft', updated_at: now.toISOString() }).where('id', '=', d.id).execute();
    await closeWorkItems(tx, { refType: 'decision', refId: d.id, kind: 'decisionApproval' }, actor.userId, now);
    await openWorkItem(
      tx,
      {
        municipality: c.municipality_code,
        unitId: c.unit_id,
        caseId: d.caseId,
        kind: 'decisionReturned',
        ref: { type: 'decision', id: d.id },
        title: `Beslutsutkast tillbaka från beslutsfattare (${c.case_number})`,
        priority: PRIORITY.deadline,
        receivedAt: now,
        assignedTo: d.presentingOfficer,
      },
      now,
    );
    await recordEvent(tx, { caseId: d.caseId, objectType: 'decision', objectId: d.id, event: 'returned', from: 'awaitingApproval', to: 'draft', actorId: actor.userId, note: note.trim(), at: now });
    await audit(tx, actor, now, { action: 'decision.return', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId, outcome: 'success' });
  });
}

/** Makes the decision (see the order of checks above). */
export async function makeDecision(deps: AppDeps, { actor, personId }: DecisionActor, d: DecisionRecord): Promise<void> {
  allow(d.status, 'decided');
  const now = deps.now();
  const date = swedishDate(now);
  const c = await caseRow(deps.db, d.caseId);
  const rows = delegation(c.municipality_code, date).rows;
  if (!delegationCovering(rows, actor.role, d.outcome, d.amount, date)) {
    await auditDenied(deps.db, actor, now, { action: 'decision.decide', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId, purpose: 'noDelegation' });
    throw forbidden(noDelegationMessage(rows, actor.role, d.outcome, d.amount, date));
  }
  const eyes = fourEyes(c.municipality_code, date);
  const decider = checkFourEyesDecider(eyes.decision, d.presentingOfficer, actor.userId);
  if (!decider.ok) {
    await auditDenied(deps.db, actor, now, { action: 'decision.decide', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId, purpose: 'fourEyes' });
    throw forbidden(decider.message);
  }
  const { ctx, content, application } = await draftContext(deps.db, d, c.municipality_code);
  const errors = checkReadyToDecide(draftOf(d), ctx);
  if (errors.length)
    throw new ValidationFailure(
      errors.map((e) => ({ path: `/decision${e.path}`, message: e.message })),
      'Beslutet är inte färdigt.',
    );
  const calc = await currentCalculation(deps.db, application.id);
  const calcCheck = checkCalculationForDecision({
    draftCalculationId: d.calculationId,
    current: calc,
    applicationUpdatedAt: application.updatedAt,
    fourEyesOnCalculation: eyes.calculation,
  });
  if (!calcCheck.ok) throw conflict(calcCheck.message);
  const comm = await currentCommunication(deps.db, d.id);
  const blocked = communicationBlocks(d.outcome, communicationState(comm), now.toISOString());
  if (blocked) throw conflict(blocked);

  const decided = { ...d, status: 'decided' as const, decidedBy: actor.userId, decidedAt: now.toISOString() };
  const letter = await buildDecisionLetter(deps.db, decided, c, content);
  const staff = { kind: 'staff' as const, id: actor.userId };
  await deps.db.transaction().execute(async (tx) => {
    const locked = toDecision(await tx.selectFrom('decisions').selectAll().where('id', '=', d.id).forUpdate().executeTakeFirstOrThrow());
    allow(locked.status, 'decided');
    if (locked.updatedAt !== d.updatedAt) throw conflict('Beslutsutkastet ändrades medan du fattade beslutet. Läs in det igen.');
    const app0 = await tx.selectFrom('applications').select('status').where('id', '=', application.id).forUpdate().executeTakeFirstOrThrow();
    const cs = await tx.selectFrom('cases').select('status').where('id', '=', d.caseId).forUpdate().executeTakeFirstOrThrow();
    const effects = effectsOfDecision(d, { applicationStatus: app0.status, caseStatus: cs.status });
    if (!effects.ok) throw conflict(effects.message);

    const letterId = await storeDocument(
      tx,
      {
        caseId: d.caseId,
        municipality: c.municipality_code,
        kind: 'decisionLetter',
        title: `Beslut om ekonomiskt bistånd ${periodText(d.periodStart, d.periodEnd)}`,
        mimeType: 'application/pdf',
        content: letter,
        visibleToClient: true,
        related: { type: 'decision', id: d.id },
        createdBy: actor.userId,
        locked: true,
      },
      now,
    );
    const second = d.presentingOfficer && d.presentingOfficer !== actor.userId;
    await tx
      .updateTable('decisions')
      .set({
        status: 'decided',
        decided_by: actor.userId,
        decided_at: now.toISOString(),
        letter_document_id: letterId,
        updated_at: now.toISOString(),
        approved_by: second ? actor.userId : null,
        approved_at: second ? now.toISOString() : null,
      })
      .where('id', '=', d.id)
      .execute();
    await recordEvent(tx, {
      caseId: d.caseId,
      objectType: 'decision',
      objectId: d.id,
      event: 'decided',
      from: locked.status,
      to: 'decided',
      actorId: actor.userId,
      note: `${DECISION_OUTCOME_LABELS[d.outcome]} ${formatKronor(d.amount)}`,
      at: now,
    });
    await changeApplicationStatus(tx, application.id, effects.application, { actor: staff, event: 'decided', at: now });
    if (effects.case) {
      await changeCaseStatus(tx, d.caseId, effects.case, { actor: staff, at: now, reason: `Beslut om ekonomiskt bistånd (${DECISION_OUTCOME_LABELS[d.outcome].toLowerCase()})` });
    } else {
      await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', d.caseId).execute();
    }
    const refused = d.items.filter((i) => i.refused > 0).map((i) => `${i.label}: ${formatKronor(i.refused)} beviljas inte. ${i.reason}`);
    await tx
      .insertInto('journal_entries')
      .values({
        id: newId(),
        case_id: d.caseId,
        author_id: actor.userId,
        event_date: date,
        step: 'decision',
        title: `Beslut: ${DECISION_OUTCOME_LABELS[d.outcome]} ${formatKronor(d.amount)}, ${periodText(d.periodStart, d.periodEnd)}`,
        body: [
          `Beslut om ekonomiskt bistånd: ${DECISION_OUTCOME_LABELS[d.outcome].toLowerCase()}, ${formatKronor(d.amount)} för ${periodText(d.periodStart, d.periodEnd)}.`,
          ...refused,
          `Lagrum: ${d.legalBasis.map((l) => l.text).join('; ')}.`,
          `Beslutsfattare: ${actor.displayName} (${isStaffRole(actor.role) ? ROLE_LABELS[actor.role].toLowerCase() : actor.role}).`,
          'Beslutsbrevet finns bland ärendets dokument.',
        ].join('\n'),
        received_orally_from: null,
        received_orally_at: null,
        corrects_entry_id: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        signed_at: now.toISOString(),
        signed_by: actor.userId,
      })
      .execute();
    await closeWorkItems(tx, { refType: 'decision', refId: d.id }, actor.userId, now);
    await audit(tx, actor, now, { action: 'decision.decide', targetType: 'decision', targetId: d.id, caseId: d.caseId, personId, outcome: 'success' });
  });
}
