/** Shapes of the API's requests and responses. Money is integer öre; times are ISO 8601 (UTC). */

export interface FieldError {
  path: string;
  message: string;
}

export interface Unit {
  id: string;
  name: string;
}

export interface StaffUser {
  id: string;
  displayName: string;
  role: string;
  roleLabel: string;
  municipality: { code: string; name: string };
  units: Unit[];
}

export interface StaffSession {
  kind: 'staff';
  user: StaffUser;
  csrfToken: string;
}

export interface ClientPerson {
  id: string;
  firstName: string;
  lastName: string;
}

export interface ClientSession {
  kind: 'client';
  person: ClientPerson;
  csrfToken: string;
}

export type Session = StaffSession | ClientSession;

export interface CaseSummary {
  id: string;
  caseNumber: string;
  status: string;
  statusLabel: string;
  applicantName: string | null;
  unitName: string;
  responsibleWorkerName: string | null;
  openedAt: string;
  updatedAt: string;
}

export interface CaseList {
  items: CaseSummary[];
  total: number;
}

export interface Address {
  line: string;
  postalCode: string | null;
  city: string | null;
}

export interface HouseholdMember {
  personId: string;
  role: string;
  roleLabel: string;
  firstName: string;
  lastName: string;
  personnummer: string;
  birthDate: string;
  sex: string;
  address: Address | null;
  protectedIdentity: boolean;
}

export interface StatusHistoryItem {
  fromStatus: string | null;
  toStatus: string;
  toLabel: string;
  at: string;
  actorName: string | null;
  reason: string | null;
}

export interface JournalEntry {
  id: string;
  eventDate: string;
  title: string;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  signedAt: string | null;
  signedByName: string | null;
  correctsEntryId: string | null;
  receivedOrallyFrom: string | null;
  receivedOrallyAt: string | null;
  canEdit: boolean;
  canSign: boolean;
  canCorrect: boolean;
}

export interface Application {
  id: string;
  kind: string;
  kindLabel: string;
  periodMonth: string;
  channel: string;
  submittedAt: string | null;
  status: string;
}

export interface Decision {
  id: string;
  outcome: string;
  outcomeLabel: string;
  periodStart: string;
  periodEnd: string;
  amount: number;
  decidedAt: string;
  decidedByName: string | null;
}

export interface Payment {
  id: string;
  amount: number;
  /** Not sent to Mina sidor. */
  payee?: string;
  plannedDate: string;
  status: string;
  statusLabel: string;
}

export interface CaseDetail {
  id: string;
  caseNumber: string;
  status: string;
  statusLabel: string;
  allowedTransitions: { status: string; label: string }[];
  unit: Unit;
  responsibleWorker: { id: string; name: string } | null;
  secondWorker: { id: string; name: string } | null;
  openedAt: string;
  closedAt: string | null;
  closureReason: string | null;
  household: { id: string; members: HouseholdMember[] };
  statusHistory: StatusHistoryItem[];
  journal: JournalEntry[];
  applications: Application[];
  decisions: Decision[];
  payments: Payment[];
  permissions: { canWriteJournal: boolean; canChangeStatus: boolean };
}

export interface MyCase {
  id: string;
  caseNumber: string;
  status: string;
  statusLabel: string;
  responsibleWorkerName: string | null;
  unitName?: string;
  openedAt?: string;
  closedAt?: string | null;
  decisions: Decision[];
  payments: Payment[];
}
