/**
 * The facts a checklist point may follow (derivedFrom in the checklist configuration): read from the intake's own
 * data, never ticked by hand. Each fact comes with when it became true, when known. (Whether the journal tells of the
 * first contact stays a judgement: the booking writes a journal entry of its own, so "an entry exists" would not say it.)
 */
import { INTAKE_CHECKLIST_FACTS, type IntakeChecklistFact, type IntakeChecklistFacts } from '@vagen/domain';

export interface IntakeFactSource {
  responsibility: unknown;
  responsibility_checked_at: string | null;
  interviewed_at: string | null;
  calculated_at: string | null;
  visit_at: string | null;
  booked_at: string | null;
  visit_documents: unknown;
}

export type IntakeFactDetails = Record<IntakeChecklistFact, { met: boolean; at: string | null }>;

export function intakeChecklistFacts(i: IntakeFactSource): IntakeFactDetails {
  const answeredRightInstance = !!(i.responsibility && typeof i.responsibility === 'object' && (i.responsibility as { rightInstance?: unknown }).rightInstance);
  const documents = Array.isArray(i.visit_documents) ? i.visit_documents : [];
  const fact = (met: boolean, at: string | null | undefined) => ({ met, at: met ? (at ?? null) : null });
  const facts: IntakeFactDetails = {
    responsibilityChecked: fact(!!i.responsibility_checked_at, i.responsibility_checked_at),
    rightInstanceChecked: fact(answeredRightInstance, i.responsibility_checked_at),
    interviewSaved: fact(!!i.interviewed_at, i.interviewed_at),
    preliminaryCalculated: fact(!!i.calculated_at, i.calculated_at),
    firstVisitBooked: fact(!!i.visit_at, i.booked_at),
    visitDocumentsMarked: fact(!!i.visit_at && documents.length > 0, i.booked_at),
  };
  return facts;
}

/** Only whether each fact holds, for the domain's gate. */
export function factValues(details: IntakeFactDetails): IntakeChecklistFacts {
  return Object.fromEntries(INTAKE_CHECKLIST_FACTS.map((f) => [f, details[f].met])) as IntakeChecklistFacts;
}
