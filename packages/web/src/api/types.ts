/**
 * Shapes of the session and Mina sidor answers that are not yet in the API contract (@vagen/contract); the other
 * areas' types come from there. Money is integer öre; times are ISO 8601 (UTC).
 */

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
