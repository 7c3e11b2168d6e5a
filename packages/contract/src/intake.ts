/** The intake area (mottagning): first contacts, the queue, interview, preliminary calculation, booking and hand-over. */
import { Type, type Static } from '@sinclair/typebox';
import {
  INTAKE_CHECKLIST_STAGES,
  INTAKE_INTERVIEW_COST_TYPES,
  INTAKE_INTERVIEW_INCOME_TYPES,
  INTAKE_INTERVIEW_PERSONS,
  INTAKE_RESPONSIBILITY_ANSWERS,
  INTAKE_RESPONSIBILITY_BASES,
  INTAKE_STATUSES,
  INTAKE_TENURE_TYPES,
  INTAKE_TRACKS,
  MAX_AMOUNT_ORE,
} from '@vagen/domain';
import { PersonInput, NamedRef, StaffRef } from './cases.ts';
import { Instant, IsoDate, Nullable, Text, Uuid, literals } from './common.ts';
import { NormCalculationBody, NormResult } from './norm.ts';

const Amount = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_ORE, description: 'Belopp i hela ören per månad.' });

export const IntakeParams = Type.Object({ id: Uuid });
export type IntakeParams = Static<typeof IntakeParams>;

export const IntakeStatusCode = literals(INTAKE_STATUSES);
export const IntakeTrackCode = literals(INTAKE_TRACKS);

// ---------------------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------------------

export const RegisterIntakeBody = Type.Object(
  {
    unitId: Uuid,
    channel: literals(['phone', 'paper', 'walkIn'] as const, 'Telefon, brev (papper) eller besök. E-tjänsten registrerar sina ansökningar själv.'),
    track: literals(INTAKE_TRACKS, 'Akut (frist 2 dagar) eller ordinarie.'),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'När kontakten kom in; standard nu. Får vara tidigare (brev), aldrig senare.' })),
    periodMonth: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'Månaden som ansökan gäller, ÅÅÅÅ-MM.' })),
    need: Type.Optional(Text(2000)),
    applicant: PersonInput,
    coApplicant: Type.Optional(PersonInput),
    children: Type.Optional(Type.Array(PersonInput, { maxItems: 15 })),
  },
  { additionalProperties: false },
);
export type RegisterIntakeBody = Static<typeof RegisterIntakeBody>;

export const IntakeQueueQuery = Type.Object(
  {
    status: Type.Optional(literals(['open', 'all', ...INTAKE_STATUSES] as const)),
    track: Type.Optional(literals(INTAKE_TRACKS)),
    unitId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type IntakeQueueQuery = Static<typeof IntakeQueueQuery>;

export const IntakeInterviewBody = Type.Object(
  {
    need: Type.String({ minLength: 1, maxLength: 4000 }),
    ownEfforts: Type.Optional(Text(4000)),
    address: Type.Optional(Type.Object({ line: Text(200), postalCode: Text(10), city: Text(100) }, { additionalProperties: false })),
    housing: Type.Object({ tenure: literals(INTAKE_TENURE_TYPES), monthlyCost: Amount, note: Type.Optional(Text(1000)) }, { additionalProperties: false }),
    household: Type.Object(
      {
        coApplicant: Type.Boolean(),
        children: Type.Array(
          Type.Object(
            {
              birthDate: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'ÅÅÅÅ-MM-DD' }),
              daysAtHome: Type.Optional(Type.Integer({ minimum: 0, maximum: 31 })),
              lunchAtPreschool: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          { maxItems: 15 },
        ),
      },
      { additionalProperties: false },
    ),
    family: Type.Optional(Text(4000)),
    otherPersonsAtAddress: Type.Optional(Type.Object({ present: Type.Boolean(), note: Type.Optional(Text(1000)) }, { additionalProperties: false })),
    ownership: Type.Optional(Type.Object({ car: Type.Boolean(), company: Type.Boolean(), tenantOwnedFlat: Type.Boolean(), note: Type.Optional(Text(1000)) }, { additionalProperties: false })),
    earlierAssistance: Type.Optional(Type.Object({ received: Type.Boolean(), where: Type.Optional(Text(200)), when: Type.Optional(Text(200)) }, { additionalProperties: false })),
    incomes: Type.Optional(
      Type.Array(Type.Object({ type: literals(INTAKE_INTERVIEW_INCOME_TYPES), person: literals(INTAKE_INTERVIEW_PERSONS), amount: Amount }, { additionalProperties: false }), { maxItems: 20 }),
    ),
    otherCosts: Type.Optional(Type.Array(Type.Object({ type: literals(INTAKE_INTERVIEW_COST_TYPES), amount: Amount }, { additionalProperties: false }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type IntakeInterviewBody = Static<typeof IntakeInterviewBody>;

export const IntakeResponsibilityBody = Type.Object(
  {
    municipalityResponsible: literals(INTAKE_RESPONSIBILITY_ANSWERS, 'Är kommunen ansvarig (folkbokföring eller vistelse)?'),
    basis: Type.Optional(literals(INTAKE_RESPONSIBILITY_BASES)),
    rightInstance: literals(INTAKE_RESPONSIBILITY_ANSWERS, 'Är ekonomiskt bistånd rätt instans (andra ersättningar först)?'),
    otherBenefits: Type.Optional(Text(1000)),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type IntakeResponsibilityBody = Static<typeof IntakeResponsibilityBody>;

export const IntakeChecklistBody = Type.Object(
  {
    stage: literals(INTAKE_CHECKLIST_STAGES),
    key: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'En punkt i checklistan …' })),
    keys: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 40, description: '… eller flera punkter på en gång (antingen key eller keys).' })),
    checked: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type IntakeChecklistBody = Static<typeof IntakeChecklistBody>;

export const IntakeBookingBody = Type.Object(
  {
    visitAt: Type.String({ format: 'date-time', description: 'Tidpunkt för nybesöket (vardag 08–17 svensk tid).' }),
    place: Type.String({ minLength: 1, maxLength: 200 }),
    workerId: Uuid,
    documents: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 40 }),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type IntakeBookingBody = Static<typeof IntakeBookingBody>;

export const IntakeWorkersQuery = Type.Object({ unitId: Uuid }, { additionalProperties: false });
export type IntakeWorkersQuery = Static<typeof IntakeWorkersQuery>;

export const IntakeAssignBody = Type.Object(
  {
    workerId: Uuid,
    secondWorkerId: Type.Optional(Uuid),
    note: Type.Optional(Text(2000)),
    confirmHeavyForNewStaff: Type.Optional(Type.Boolean({ description: 'Bekräftar att ett tungt ärende ändå ges till nyanställd.' })),
  },
  { additionalProperties: false },
);
export type IntakeAssignBody = Static<typeof IntakeAssignBody>;

export const IntakeReferBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export type IntakeReferBody = Static<typeof IntakeReferBody>;

// ---------------------------------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------------------------------

/** A file answered as it is (not JSON), e.g. a letter as PDF. */
export const PdfFile = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'PDF (application/pdf)' });

export const RegisterIntakeResult = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  applicationId: Uuid,
  status: IntakeStatusCode,
  reopened: Type.Boolean(),
  deadlineAt: Instant,
  message: Type.String(),
});
export type RegisterIntakeResult = Static<typeof RegisterIntakeResult>;

export const IntakeQueueItem = Type.Object({
  /** The contact's id; null for a case in intake without a registered contact (opened through the case). */
  id: Nullable(Uuid),
  caseId: Uuid,
  caseNumber: Type.String(),
  applicantName: Type.String(),
  protectedIdentity: Type.Boolean(),
  status: Type.String(),
  statusLabel: Type.String(),
  track: Type.String(),
  trackLabel: Type.String(),
  channel: Type.String(),
  channelLabel: Type.String(),
  unit: NamedRef,
  receivedAt: Instant,
  deadlineAt: Instant,
  minutesSinceReceipt: Type.Integer(),
  overdue: Type.Boolean(),
  reopened: Type.Boolean(),
  interviewedAt: Nullable(Instant),
  bookedAt: Nullable(Instant),
  visitAt: Nullable(Instant),
  visitWorkerName: Nullable(Type.String()),
  handedOverAt: Nullable(Instant),
  assignedWorkerName: Nullable(Type.String()),
});
export type IntakeQueueItem = Static<typeof IntakeQueueItem>;

export const IntakeQueue = Type.Object({ total: Type.Integer({ minimum: 0 }), items: Type.Array(IntakeQueueItem) });
export type IntakeQueue = Static<typeof IntakeQueue>;

/** One contact of a case, for the case page. */
export const CaseIntake = Type.Object({
  id: Uuid,
  status: Type.String(),
  statusLabel: Type.String(),
  track: Type.String(),
  trackLabel: Type.String(),
  channelLabel: Type.String(),
  receivedAt: Instant,
  deadlineAt: Instant,
  overdue: Type.Boolean(),
  visitAt: Nullable(Instant),
  handedOverAt: Nullable(Instant),
  assignedWorkerName: Nullable(Type.String()),
  reopened: Type.Boolean(),
});
export type CaseIntake = Static<typeof CaseIntake>;

export const CaseIntakes = Type.Object({ items: Type.Array(CaseIntake) });
export type CaseIntakes = Static<typeof CaseIntakes>;

export const HeavyCase = Type.Object({
  heavy: Type.Boolean(),
  reasons: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
});
export type HeavyCase = Static<typeof HeavyCase>;

export const UnitWorkers = Type.Object({
  unitId: Uuid,
  heavyCaseRule: Type.String(),
  newStaffMonths: Type.Integer(),
  workers: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      role: Type.String(),
      roleLabel: Type.String(),
      activeCases: Type.Integer(),
      responsibleCases: Type.Integer(),
      heavyCases: Type.Integer(),
      employedSince: IsoDate,
      yearsOfExperience: Type.Number(),
      newStaff: Type.Boolean(),
    }),
  ),
});
export type UnitWorkers = Static<typeof UnitWorkers>;

/** The saved telephone interview (every text field present, empty when not given). */
export const IntakeInterview = Type.Object({
  need: Type.String(),
  ownEfforts: Type.String(),
  address: Type.Object({ line: Type.String(), postalCode: Type.String(), city: Type.String() }),
  housing: Type.Object({ tenure: literals(INTAKE_TENURE_TYPES), monthlyCost: Amount, note: Type.String() }),
  household: Type.Object({
    coApplicant: Type.Boolean(),
    children: Type.Array(
      Type.Object({
        birthDate: IsoDate,
        daysAtHome: Type.Optional(Type.Integer()),
        lunchAtPreschool: Type.Optional(Type.Boolean()),
      }),
    ),
  }),
  family: Type.String(),
  otherPersonsAtAddress: Type.Object({ present: Type.Boolean(), note: Type.String() }),
  ownership: Type.Object({ car: Type.Boolean(), company: Type.Boolean(), tenantOwnedFlat: Type.Boolean(), note: Type.String() }),
  earlierAssistance: Type.Object({ received: Type.Boolean(), where: Type.String(), when: Type.String() }),
  incomes: Type.Array(Type.Object({ type: literals(INTAKE_INTERVIEW_INCOME_TYPES), person: literals(INTAKE_INTERVIEW_PERSONS), amount: Amount })),
  otherCosts: Type.Array(Type.Object({ type: literals(INTAKE_INTERVIEW_COST_TYPES), amount: Amount })),
});
export type IntakeInterview = Static<typeof IntakeInterview>;

/** A preliminary norm calculation from the interview: never a decision. */
export const PreliminaryCalculation = Type.Object({
  preliminary: Type.Literal(true),
  label: Type.String(),
  calculatedAt: Instant,
  /** Absent in the answer to the calculation itself (the caller made it). */
  calculatedByName: Type.Optional(Nullable(Type.String())),
  input: NormCalculationBody,
  result: NormResult,
});
export type PreliminaryCalculation = Static<typeof PreliminaryCalculation>;

export const IntakeChecklist = Type.Object({
  stage: literals(INTAKE_CHECKLIST_STAGES),
  label: Type.String(),
  complete: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      required: Type.Boolean(),
      checked: Type.Boolean(),
      checkedAt: Nullable(Instant),
      checkedByName: Nullable(Type.String()),
      /**
       * A point the system reads from the case ("Hämtas från ärendet"): the fact behind it, whether it holds and
       * since when. Such a point is done when the fact holds and cannot be ticked by hand. Null for judgements.
       */
      derived: Nullable(Type.Object({ fact: Type.String(), label: Type.String(), met: Type.Boolean(), at: Nullable(Instant) })),
    }),
  ),
});
export type IntakeChecklist = Static<typeof IntakeChecklist>;

const Option = Type.Object({ value: Type.String(), label: Type.String() });

export const IntakeDetail = Type.Object({
  id: Uuid,
  status: IntakeStatusCode,
  statusLabel: Type.String(),
  track: Type.String(),
  trackLabel: Type.String(),
  channel: Type.String(),
  channelLabel: Type.String(),
  reopened: Type.Boolean(),
  receivedAt: Instant,
  deadlineAt: Instant,
  overdue: Type.Boolean(),
  minutesSinceReceipt: Type.Integer(),
  needSummary: Type.String(),
  case: Type.Object({
    id: Uuid,
    caseNumber: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    unit: NamedRef,
    responsibleWorker: Nullable(StaffRef),
    secondWorker: Nullable(StaffRef),
  }),
  application: Type.Object({ id: Uuid, periodMonth: Type.String({ description: 'ÅÅÅÅ-MM' }), status: Type.String() }),
  people: Type.Array(
    Type.Object({
      personId: Uuid,
      role: Type.String(),
      roleLabel: Type.String(),
      firstName: Type.String(),
      lastName: Type.String(),
      personnummer: Type.String(),
      birthDate: IsoDate,
      protectedIdentity: Type.Boolean(),
      /** Never sent for a protected identity. */
      address: Nullable(Type.Object({ line: Type.String(), postalCode: Nullable(Type.String()), city: Nullable(Type.String()) })),
      phone: Nullable(Type.String()),
    }),
  ),
  interview: Nullable(IntakeInterview),
  interviewedAt: Nullable(Instant),
  interviewedByName: Nullable(Type.String()),
  preliminary: Nullable(PreliminaryCalculation),
  responsibility: Nullable(
    Type.Object({
      municipalityResponsible: literals(INTAKE_RESPONSIBILITY_ANSWERS),
      basis: Nullable(literals(INTAKE_RESPONSIBILITY_BASES)),
      rightInstance: literals(INTAKE_RESPONSIBILITY_ANSWERS),
      otherBenefits: Type.String(),
      note: Type.String(),
      municipalityResponsibleLabel: Type.String(),
      rightInstanceLabel: Type.String(),
      basisLabel: Nullable(Type.String()),
      checkedAt: Nullable(Instant),
      checkedByName: Nullable(Type.String()),
    }),
  ),
  checklists: Type.Array(IntakeChecklist),
  booking: Nullable(
    Type.Object({
      visitAt: Instant,
      place: Nullable(Type.String()),
      worker: Nullable(StaffRef),
      documents: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
      bookedAt: Nullable(Instant),
      bookedByName: Nullable(Type.String()),
      letterDocumentId: Nullable(Uuid),
      letterUrl: Nullable(Type.String()),
    }),
  ),
  handover: Nullable(Type.Object({ at: Instant, byName: Nullable(Type.String()), worker: Nullable(StaffRef) })),
  referral: Nullable(Type.Object({ at: Instant, byName: Nullable(Type.String()), reason: Nullable(Type.String()) })),
  timestamps: Type.Object({
    receivedAt: Instant,
    registeredAt: Instant,
    interviewedAt: Nullable(Instant),
    calculatedAt: Nullable(Instant),
    bookedAt: Nullable(Instant),
    handedOverAt: Nullable(Instant),
    referredAt: Nullable(Instant),
  }),
  leadTimesMinutes: Type.Object({
    toInterview: Nullable(Type.Integer()),
    toBooking: Nullable(Type.Integer()),
    toHandover: Nullable(Type.Integer()),
  }),
  heavyCase: HeavyCase,
  history: Type.Array(
    Type.Object({
      kind: Type.String(),
      label: Type.String(),
      fromStatus: Nullable(Type.String()),
      toStatus: Nullable(Type.String()),
      toStatusLabel: Nullable(Type.String()),
      at: Instant,
      actorName: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
  options: Type.Object({
    documentOptions: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
    tenureTypes: Type.Array(Option),
    incomeTypes: Type.Array(Option),
    costTypes: Type.Array(Option),
    visitHours: Type.Object({ timeZone: Type.String(), weekdays: Type.Array(Type.Integer()), from: Type.String(), to: Type.String() }),
  }),
  permissions: Type.Object({ canHandle: Type.Boolean(), canAssign: Type.Boolean() }),
});
export type IntakeDetail = Static<typeof IntakeDetail>;

/** The hand-over: who took the case, its new status, the weight and any warnings, and the intake after it. */
export const IntakeAssignResult = Type.Object({
  caseId: Uuid,
  caseStatus: Type.String(),
  workerId: Uuid,
  secondWorkerId: Nullable(Uuid),
  heavyCase: HeavyCase,
  warnings: Type.Array(Type.String()),
  intake: IntakeDetail,
});
export type IntakeAssignResult = Static<typeof IntakeAssignResult>;
