/** Booking the first visit (nybesök): checks, the letter PDF, the journal entry and the visiting worker's work item. */
import { swedishDate, checkVisitTime, formatVisitTime, intakeChecklistGateMessage, missingIntakeChecklistItems } from '@vagen/domain';
import { factValues, intakeChecklistFacts } from './checklist-facts.ts';
import type { AppDeps, RequestActor } from '../context.ts';
import { storeDocument } from '../documents/store.ts';
import { conflict, ValidationFailure, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { renderLetterPdf } from '../letters/render.ts';
import { changeIntakeStatus } from '../status/change.ts';
import { closeWorkItems, openWorkItem, PRIORITY } from '../queue/work-items.ts';
import { changeIntake } from './actions.ts';
import { intakeConfig } from './config.ts';
import { buildFirstVisitLetter } from './letter.ts';
import type { IntakeBookingBody } from '@vagen/contract';
import { ASSIGNABLE_ROLES } from './workers.ts';

type Staff = Extract<RequestActor, { kind: 'staff' }>;

export async function bookFirstVisit(deps: AppDeps, actor: Staff, id: string, body: IntakeBookingBody) {
  const now = deps.now();
  const config = intakeConfig(actor.municipality, swedishDate(now));
  const errors: FieldError[] = [];
  const visitAt = new Date(body.visitAt);
  const timeProblem = checkVisitTime(visitAt, now, config.settings.visitHours);
  if (timeProblem) errors.push({ path: '/body/visitAt', message: timeProblem });
  const place = body.place.trim();
  if (!place) errors.push({ path: '/body/place', message: 'Ange var besöket äger rum.' });
  const known = new Map(config.letter.documentOptions.map((d) => [d.key, d.label]));
  body.documents.forEach((key, i) => {
    if (!known.has(key)) errors.push({ path: `/body/documents/${i}`, message: 'Handlingen finns inte i listan.' });
  });
  const documents = [...new Set(body.documents)];

  return changeIntake(deps, actor, id, 'book', 'intake.book', async (tx, intake, at) => {
    const worker = await tx
      .selectFrom('staff_users as s')
      .innerJoin('staff_units as su', 'su.user_id', 's.id')
      .select(['s.id', 's.display_name'])
      .where('s.id', '=', body.workerId)
      .where('su.unit_id', '=', intake.unit_id)
      .where('s.active', '=', true)
      .where('s.role', 'in', [...ASSIGNABLE_ROLES])
      .executeTakeFirst();
    if (!worker) errors.push({ path: '/body/workerId', message: 'Handläggaren finns inte i enheten.' });
    if (errors.length) throw new ValidationFailure(errors);
    const missing = missingIntakeChecklistItems(config.checklists, 'beforeBooking', intake.ticks, factValues(intakeChecklistFacts(intake)));
    if (missing.length) throw conflict(intakeChecklistGateMessage('beforeBooking', missing));

    const facts = await tx
      .selectFrom('cases as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .innerJoin('municipalities as m', 'm.code', 'c.municipality_code')
      .innerJoin('persons as p', (j) => j.on('p.id', '=', intake.applicant_person_id))
      .select([
        'c.case_number',
        'u.name as unit_name',
        'u.contact_phone',
        'u.postal_address',
        'u.e_service_url',
        'u.visiting_address',
        'm.name as municipality_name',
        'p.first_name',
        'p.last_name',
        'p.address_line',
        'p.postal_code',
        'p.city',
        'p.protected_identity',
      ])
      .where('c.id', '=', intake.case_id)
      .executeTakeFirstOrThrow();
    const postal = facts.postal_code ? `${facts.postal_code.replace(/^(\d{3})(\d{2})$/, '$1 $2')} ${facts.city ?? ''}`.trim() : facts.city;
    const letter = buildFirstVisitLetter(config.letter, {
      municipalityName: facts.municipality_name,
      unitName: facts.unit_name,
      unitContact: { phone: facts.contact_phone, postalAddress: facts.postal_address, eServiceUrl: facts.e_service_url, visitingAddress: facts.visiting_address },
      caseNumber: facts.case_number,
      // A protected address never goes into a document.
      recipient: { firstName: facts.first_name, lastName: facts.last_name, addressLines: facts.protected_identity ? null : [facts.address_line, postal].filter((x): x is string => !!x) },
      visitAt,
      timeZone: config.settings.visitHours.timeZone,
      place,
      workerName: worker!.display_name,
      documents: documents.map((k) => known.get(k)!),
      today: at,
    });
    const pdf = await renderLetterPdf(letter);
    const documentId = await storeDocument(
      tx,
      {
        caseId: intake.case_id,
        municipality: intake.municipality_code,
        kind: 'firstVisitLetter',
        title: `Kallelse till nybesök ${facts.case_number}`,
        mimeType: 'application/pdf',
        content: pdf,
        visibleToClient: true,
        related: { type: 'intake', id },
        createdBy: actor.userId,
        locked: true,
      },
      at,
    );

    const visit = formatVisitTime(visitAt, config.settings.visitHours.timeZone);
    await changeIntakeStatus(tx, id, 'booked', {
      actorId: actor.userId,
      kind: 'booked',
      at,
      set: {
        booked_at: intake.booked_at ?? at.toISOString(),
        booked_by: actor.userId,
        visit_at: visitAt.toISOString(),
        visit_place: place,
        visit_worker_id: worker!.id,
        visit_documents: JSON.stringify(documents),
        letter_document_id: documentId,
      },
      note: `${visit.weekday} ${visit.date} kl. ${visit.time}, ${place}, hos ${worker!.display_name}`,
      data: { visitAt: visitAt.toISOString(), place, workerId: worker!.id, documents, documentId },
    });
    const bodyText = [
      `Nybesök bokat ${visit.weekday} ${visit.date} kl. ${visit.time} hos ${worker!.display_name}. Plats: ${place}.`,
      `Kallelse skickad med handlingar att ta med: ${documents.length ? documents.map((k) => known.get(k)).join(', ') : 'inga särskilda'}.`,
      body.note?.trim() ? body.note.trim() : null,
    ]
      .filter(Boolean)
      .join('\n');
    await tx
      .insertInto('journal_entries')
      .values({
        id: newId(),
        case_id: intake.case_id,
        author_id: actor.userId,
        event_date: swedishDate(at),
        title: 'Nybesök bokat',
        body: bodyText,
        received_orally_from: null,
        received_orally_at: null,
        corrects_entry_id: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
        signed_at: null,
        signed_by: null,
        step: 'intake',
      })
      .execute();
    // A new booking replaces the earlier one: its work item closes.
    await closeWorkItems(tx, { refType: 'intake', refId: id, kind: 'firstVisit' }, actor.userId, at);
    await openWorkItem(
      tx,
      {
        municipality: intake.municipality_code,
        unitId: intake.unit_id,
        caseId: intake.case_id,
        kind: 'firstVisit',
        ref: { type: 'intake', id },
        title: `Nybesök ${facts.case_number}`,
        priority: intake.track === 'acute' ? PRIORITY.acute : PRIORITY.deadline,
        receivedAt: new Date(intake.received_at),
        dueAt: visitAt,
        assignedTo: worker!.id,
      },
      at,
    );
    return { documentId, letterUrl: `/api/v1/intake/${id}/booking-letter` };
  });
}
