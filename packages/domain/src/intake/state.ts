import { checkTransition, type StatusMachine, type TransitionCheck } from '../status-machine.ts';
import { INTAKE_STATUS_LABELS, OPEN_INTAKE_STATUSES, type IntakeStatus } from './types.ts';

/**
 * registered → interviewed (the interview is saved) → booked (the first visit is booked) → handedOver; an open contact
 * may be booked before the interview, handed over at any point (the checklist gates that) or referred. A contact that
 * reopens a recently closed case is created handed over. Saving the interview again, or booking again, is an event
 * in the contact's history with the status unchanged.
 */
export const INTAKE_STATUS_MACHINE: StatusMachine<IntakeStatus> = {
  subject: 'Kontakten',
  labels: INTAKE_STATUS_LABELS,
  initial: ['registered', 'handedOver'],
  transitions: {
    registered: ['interviewed', 'booked', 'handedOver', 'referred'],
    interviewed: ['booked', 'handedOver', 'referred'],
    booked: ['handedOver', 'referred'],
    handedOver: [],
    referred: [],
  },
  staysAllowed: true,
};

export function checkIntakeTransition(from: string | null, to: IntakeStatus): TransitionCheck {
  return checkTransition(INTAKE_STATUS_MACHINE, from, to);
}

export type IntakeAction = 'interview' | 'calculate' | 'checkResponsibility' | 'tick' | 'book' | 'handOver' | 'refer';

export type IntakeCheck = { ok: true } | { ok: false; message: string };

/** Every action works only on an open contact; a handed-over or referred contact is read-only. */
export function canDoIntakeAction(status: IntakeStatus, action: IntakeAction): IntakeCheck {
  if (OPEN_INTAKE_STATUSES.includes(status)) return { ok: true };
  const what = status === 'handedOver' ? 'redan överlämnad till en handläggare' : 'avslutad som hänvisad';
  const verb: Record<IntakeAction, string> = {
    interview: 'Intervjun kan inte ändras',
    calculate: 'En ny preliminär beräkning kan inte göras',
    checkResponsibility: 'Ansvarsprövningen kan inte ändras',
    tick: 'Checklistan kan inte ändras',
    book: 'Nybesök kan inte bokas',
    handOver: 'Kontakten kan inte lämnas över igen',
    refer: 'Kontakten kan inte hänvisas',
  };
  return { ok: false, message: `${verb[action]}: kontakten är ${what} (${INTAKE_STATUS_LABELS[status]}).` };
}

/** The status after an action: saving the interview moves a new contact forward; booking marks it booked. */
export function intakeStatusAfter(status: IntakeStatus, action: IntakeAction): IntakeStatus {
  switch (action) {
    case 'interview':
      return status === 'registered' ? 'interviewed' : status;
    case 'book':
      return 'booked';
    case 'handOver':
      return 'handedOver';
    case 'refer':
      return 'referred';
    default:
      return status;
  }
}
