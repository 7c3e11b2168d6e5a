/** The cases area: the staff case list and search, one case's page, opening a case and changing its status. */
import { Type, type Static } from '@sinclair/typebox';
import { CASE_STATUSES, CLOSURE_REASONS } from '@vagen/domain';
import { Instant, IsoDate, Nullable, Ore, Uuid, literals } from './common.ts';
import { JournalEntry } from './journal.ts';

export const CaseParams = Type.Object({ id: Uuid });
export type CaseParams = Static<typeof CaseParams>;

export const CaseStatusCode = literals(CASE_STATUSES, 'Ärendets status');
export const ClosureReasonCode = literals(CLOSURE_REASONS, 'Varför ärendet avslutades');

// ---------------------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------------------

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(CaseStatusCode),
    mine: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

export const CaseSearchBody = Type.Object(
  {
    query: Type.String({ minLength: 2, maxLength: 100 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type CaseSearchBody = Static<typeof CaseSearchBody>;

/** A person of a new household (opening a case, registering a first contact). */
export const PersonInput = Type.Object(
  {
    personnummer: Type.String({ minLength: 1, maxLength: 20, description: 'ÅÅÅÅMMDD-NNNN' }),
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    addressLine: Type.Optional(Type.String({ maxLength: 200 })),
    postalCode: Type.Optional(Type.String({ pattern: '^[0-9]{3} ?[0-9]{2}$' })),
    city: Type.Optional(Type.String({ maxLength: 100 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInput>;

export const CreateCaseBody = Type.Object(
  {
    unitId: Uuid,
    applicant: PersonInput,
    coApplicant: Type.Optional(PersonInput),
    children: Type.Optional(Type.Array(PersonInput, { maxItems: 15 })),
  },
  { additionalProperties: false },
);
export type CreateCaseBody = Static<typeof CreateCaseBody>;

export const CaseStatusBody = Type.Object(
  {
    status: CaseStatusCode,
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    closureReason: Type.Optional(ClosureReasonCode),
  },
  { additionalProperties: false },
);
export type CaseStatusBody = Static<typeof CaseStatusBody>;

// ---------------------------------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------------------------------

/** One row of the case list. */
export const CaseSummary = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  applicantName: Nullable(Type.String()),
  unitName: Type.String(),
  responsibleWorkerName: Nullable(Type.String()),
  openedAt: Instant,
  updatedAt: Instant,
});
export type CaseSummary = Static<typeof CaseSummary>;

/** A case list page (GET /cases sends JSON that PostgreSQL writes in this shape; search serialises with it). */
export const CaseListPage = Type.Object({
  total: Type.Integer({ minimum: 0, description: 'Hur många ärenden urvalet har, alla sidor' }),
  items: Type.Array(CaseSummary),
});
export type CaseListPage = Static<typeof CaseListPage>;

export const CreatedCase = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  householdId: Uuid,
  personIds: Type.Array(Uuid),
});
export type CreatedCase = Static<typeof CreatedCase>;

export const NamedRef = Type.Object({ id: Uuid, name: Type.String() });
/** A staff member by id and name; the name is null when the user is not known any more. */
export const StaffRef = Type.Object({ id: Uuid, name: Nullable(Type.String()) });

export const Address = Type.Object({ line: Type.String(), postalCode: Nullable(Type.String()), city: Nullable(Type.String()) });
export type Address = Static<typeof Address>;

export const HouseholdMember = Type.Object({
  personId: Uuid,
  role: Type.String(),
  roleLabel: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  personnummer: Type.String(),
  birthDate: IsoDate,
  sex: Type.String(),
  sexLabel: Type.String(),
  daysAtHome: Nullable(Type.Integer()),
  /** Null when unknown and always for a protected identity. */
  address: Nullable(Address),
  protectedIdentity: Type.Boolean(),
});
export type HouseholdMember = Static<typeof HouseholdMember>;

export const StatusHistoryItem = Type.Object({
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  toLabel: Type.String(),
  at: Instant,
  actorName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export type StatusHistoryItem = Static<typeof StatusHistoryItem>;

/** A journal entry as the case page shows it, with what the user may do with it. */
export const CaseJournalEntry = Type.Composite([Type.Omit(JournalEntry, ['caseId']), Type.Object({ canEdit: Type.Boolean(), canSign: Type.Boolean(), canCorrect: Type.Boolean() })]);
export type CaseJournalEntry = Static<typeof CaseJournalEntry>;

export const CaseApplication = Type.Object({
  id: Uuid,
  kind: Type.String(),
  kindLabel: Type.String(),
  periodMonth: Type.String({ description: 'ÅÅÅÅ-MM' }),
  channel: Type.String(),
  channelLabel: Type.String(),
  submittedAt: Nullable(Instant),
  status: Type.String(),
  statusLabel: Type.String(),
});
export type CaseApplication = Static<typeof CaseApplication>;

export const CaseDecision = Type.Object({
  id: Uuid,
  outcome: Type.String(),
  outcomeLabel: Type.String(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  amount: Ore,
  decidedAt: Instant,
  decidedByName: Nullable(Type.String()),
});
export type CaseDecision = Static<typeof CaseDecision>;

export const CasePayment = Type.Object({
  id: Uuid,
  amount: Ore,
  payee: Type.String(),
  plannedDate: IsoDate,
  status: Type.String(),
  statusLabel: Type.String(),
});
export type CasePayment = Static<typeof CasePayment>;

/** The case page: the case, its household, status history, journal, applications, decisions and payments. */
export const CaseDetail = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  allowedTransitions: Type.Array(Type.Object({ status: CaseStatusCode, label: Type.String() })),
  unit: NamedRef,
  responsibleWorker: Nullable(StaffRef),
  secondWorker: Nullable(StaffRef),
  openedAt: Instant,
  closedAt: Nullable(Instant),
  closureReason: Nullable(Type.String()),
  closureReasonLabel: Nullable(Type.String()),
  household: Type.Object({ id: Uuid, members: Type.Array(HouseholdMember) }),
  statusHistory: Type.Array(StatusHistoryItem),
  journal: Type.Array(CaseJournalEntry),
  applications: Type.Array(CaseApplication),
  decisions: Type.Array(CaseDecision),
  payments: Type.Array(CasePayment),
  permissions: Type.Object({ canWriteJournal: Type.Boolean(), canChangeStatus: Type.Boolean() }),
});
export type CaseDetail = Static<typeof CaseDetail>;
