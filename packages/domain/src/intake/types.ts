/**
 * Intake (mottagning): first contacts before a case goes to a caseworker. Codes in English, labels in Swedish.
 * The process: the first call goes to intake, which checks that the municipality is responsible, interviews by
 * phone, makes a preliminary calculation, books the first visit with a standard letter, and hands the case to a
 * worker; acute cases are decided within 1–2 days.
 */

/** How the first contact came in. `web` is the coming e-application; `paper` is a letter. */
export const INTAKE_CHANNELS = ['phone', 'paper', 'walkIn', 'web'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export const INTAKE_CHANNEL_LABELS: Record<IntakeChannel, string> = {
  phone: 'Telefon',
  paper: 'Brev',
  walkIn: 'Besök',
  web: 'E-tjänst',
};

export const INTAKE_TRACKS = ['acute', 'ordinary'] as const;
export type IntakeTrack = (typeof INTAKE_TRACKS)[number];
export const INTAKE_TRACK_LABELS: Record<IntakeTrack, string> = {
  acute: 'Akut',
  ordinary: 'Ordinarie',
};

/**
 * registered → interviewed → booked → handedOver; any open contact may instead be referred (the municipality is not
 * responsible, or ekonomiskt bistånd is not the right instance).
 */
export const INTAKE_STATUSES = ['registered', 'interviewed', 'booked', 'handedOver', 'referred'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
export const INTAKE_STATUS_LABELS: Record<IntakeStatus, string> = {
  registered: 'Registrerad',
  interviewed: 'Intervjuad',
  booked: 'Nybesök bokat',
  handedOver: 'Överlämnad',
  referred: 'Hänvisad',
};
export const OPEN_INTAKE_STATUSES: readonly IntakeStatus[] = ['registered', 'interviewed', 'booked'];

/** Answer of the responsibility check: yes, no, or not yet clear (then a note says what is missing). */
export const INTAKE_RESPONSIBILITY_ANSWERS = ['yes', 'no', 'unclear'] as const;
export type IntakeResponsibilityAnswer = (typeof INTAKE_RESPONSIBILITY_ANSWERS)[number];
export const INTAKE_RESPONSIBILITY_ANSWER_LABELS: Record<IntakeResponsibilityAnswer, string> = { yes: 'Ja', no: 'Nej', unclear: 'Oklart' };

/** Why the municipality is responsible (SoL: folkbokföring or vistelse). */
export const INTAKE_RESPONSIBILITY_BASES = ['registered', 'staying', 'other'] as const;
export type IntakeResponsibilityBasis = (typeof INTAKE_RESPONSIBILITY_BASES)[number];
export const INTAKE_RESPONSIBILITY_BASIS_LABELS: Record<IntakeResponsibilityBasis, string> = {
  registered: 'Folkbokförd i kommunen',
  staying: 'Vistas i kommunen',
  other: 'Annat skäl',
};

export const INTAKE_CHECKLIST_STAGES = ['beforeBooking', 'beforeHandover'] as const;
export type IntakeChecklistStage = (typeof INTAKE_CHECKLIST_STAGES)[number];
export const INTAKE_CHECKLIST_STAGE_LABELS: Record<IntakeChecklistStage, string> = {
  beforeBooking: 'Innan nybesök bokas',
  beforeHandover: 'Innan ärendet lämnas över',
};

/** Facts about an intake the system knows from its data; a checklist point may follow one (derivedFrom). */
export const INTAKE_CHECKLIST_FACTS = ['responsibilityChecked', 'rightInstanceChecked', 'interviewSaved', 'preliminaryCalculated', 'firstVisitBooked', 'visitDocumentsMarked'] as const;
export type IntakeChecklistFact = (typeof INTAKE_CHECKLIST_FACTS)[number];
/** What the fact says, when it holds and when it does not yet (shown with the point: "Hämtas från ärendet"). */
export const INTAKE_CHECKLIST_FACT_LABELS: Record<IntakeChecklistFact, { met: string; unmet: string }> = {
  responsibilityChecked: { met: 'Ansvarsprövningen är sparad', unmet: 'Ansvarsprövningen är inte sparad' },
  rightInstanceChecked: { met: 'Ansvarsprövningen har svar om rätt instans', unmet: 'Ansvarsprövningen med svar om rätt instans är inte sparad' },
  interviewSaved: { met: 'Telefonintervjun är sparad', unmet: 'Telefonintervjun är inte sparad' },
  preliminaryCalculated: { met: 'Preliminär beräkning är gjord', unmet: 'Ingen preliminär beräkning är gjord' },
  firstVisitBooked: { met: 'Nybesöket är bokat', unmet: 'Inget nybesök är bokat' },
  visitDocumentsMarked: { met: 'Kallelsen anger handlingar att ta med', unmet: 'Ingen kallelse med handlingar att ta med' },
};
export function isIntakeChecklistFact(value: string): value is IntakeChecklistFact {
  return (INTAKE_CHECKLIST_FACTS as readonly string[]).includes(value);
}

/** Kinds of rows in the intake's history (every step with actor and time). */
export const INTAKE_EVENT_KINDS = [
  'registered',
  'reopened',
  'interviewSaved',
  'preliminaryCalculated',
  'responsibilityChecked',
  'checklistTicked',
  'checklistUnticked',
  'booked',
  'handedOver',
  'referred',
] as const;
export type IntakeEventKind = (typeof INTAKE_EVENT_KINDS)[number];
export const INTAKE_EVENT_LABELS: Record<IntakeEventKind, string> = {
  registered: 'Kontakten registrerad',
  reopened: 'Tidigare ärende återaktualiserat',
  interviewSaved: 'Telefonintervju sparad',
  preliminaryCalculated: 'Preliminär beräkning gjord',
  responsibilityChecked: 'Ansvarsprövning registrerad',
  checklistTicked: 'Kontrollpunkt markerad',
  checklistUnticked: 'Markering borttagen',
  booked: 'Nybesök bokat',
  handedOver: 'Överlämnat till handläggare',
  referred: 'Hänvisad',
};

export function isIntakeStatus(v: unknown): v is IntakeStatus {
  return typeof v === 'string' && (INTAKE_STATUSES as readonly string[]).includes(v);
}
