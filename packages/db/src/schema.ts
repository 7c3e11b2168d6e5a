import type { ColumnType, Generated } from 'kysely';
import type { IntakeTables } from './schema-intake.ts';
import type { AssessmentTables } from './schema-assessment.ts';
import type { PaymentsTables } from './schema-payments.ts';
import type { AppealsTables } from './schema-appeals.ts';
import type { DocumentsTables } from './schema-documents.ts';
import type { WatchesTables } from './schema-watches.ts';
import type { RulesTables } from './schema-rules.ts';

/** Timestamps travel as ISO-8601 UTC strings; dates as YYYY-MM-DD; bigint money (öre) as number. */
type Timestamp = string;
type DateOnly = string;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface InstallationSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Defaulted<Timestamp>;
}
export interface MunicipalitiesTable {
  code: string;
  name: string;
}
export interface UnitsTable {
  id: string;
  municipality_code: string;
  name: string;
  /** Contact details printed on the unit's letters (migration 0018); null when not yet entered. */
  contact_phone: Defaulted<string | null>;
  postal_address: Defaulted<string | null>;
  e_service_url: Defaulted<string | null>;
  visiting_address: Defaulted<string | null>;
}
export interface StaffUsersTable {
  id: string;
  municipality_code: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  /** The name the municipality's identity provider sends, when it is not the username (migration 0018). */
  idp_username: Defaulted<string | null>;
  employed_since: DateOnly;
  active: Defaulted<boolean>;
  failed_logins: Defaulted<number>;
  locked_until: Timestamp | null;
  created_at: Defaulted<Timestamp>;
}
export interface StaffUnitsTable {
  user_id: string;
  unit_id: string;
}
export interface SessionsTable {
  token_hash: string;
  subject_kind: 'staff' | 'client';
  subject_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}
/** An OpenID Connect sign-in in progress (client e-ID or staff), keyed by the hash of the browser's flow cookie. */
export interface SignInFlowsTable {
  flow_hash: string;
  purpose: 'client' | 'staff';
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
}
export interface PersonsTable {
  id: string;
  personnummer: string;
  samordningsnummer: Defaulted<boolean>;
  first_name: string;
  last_name: string;
  sex: 'K' | 'M';
  birth_date: DateOnly;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  protected_identity: Defaulted<boolean>;
  created_at: Defaulted<Timestamp>;
}
export interface ProtectedAccessTable {
  person_id: string;
  user_id: string;
  granted_at: Defaulted<Timestamp>;
}
export interface HouseholdsTable {
  id: string;
  municipality_code: string;
  created_at: Defaulted<Timestamp>;
}
export type HouseholdRole = 'applicant' | 'coApplicant' | 'child' | 'otherAdult';
export interface HouseholdMembersTable {
  household_id: string;
  person_id: string;
  role: HouseholdRole;
  days_at_home: number | null;
}
export interface CasesTable {
  id: string;
  case_number: string;
  municipality_code: string;
  unit_id: string;
  household_id: string;
  responsible_worker_id: string | null;
  second_worker_id: string | null;
  status: string;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  closure_reason: string | null;
  updated_at: Timestamp;
  /** Maintained by triggers (migration 0007): any household member has protected identity. */
  protected_identity: ColumnType<boolean, never, never>;
  /** Maintained by triggers (migration 0012): "First Last" of the household's applicant, for the case list. */
  applicant_name: ColumnType<string | null, never, never>;
}
/** Maintained by triggers on `cases` (migration 0010); read-only for the application. */
export interface CaseListCountsTable {
  municipality_code: ColumnType<string, never, never>;
  unit_id: ColumnType<string, never, never>;
  status: ColumnType<string, never, never>;
  /** The nil UUID when the case has none. */
  responsible_worker_id: ColumnType<string, never, never>;
  second_worker_id: ColumnType<string, never, never>;
  n: ColumnType<number, never, never>;
}
export interface CaseStatusHistoryTable {
  id: Generated<number>;
  case_id: string;
  from_status: string | null;
  to_status: string;
  actor_kind: string;
  actor_id: string | null;
  reason: string | null;
  at: Timestamp;
}
export interface ApplicationsTable {
  id: string;
  case_id: string;
  kind: 'new' | 'renewal' | 'supplementary';
  period_month: DateOnly;
  channel: string;
  submitted_at: Timestamp;
  status: string;
  applied_amount: Defaulted<number>;
  period_start: ColumnType<DateOnly | null, DateOnly | null | undefined, DateOnly | null>;
  period_end: ColumnType<DateOnly | null, DateOnly | null | undefined, DateOnly | null>;
  /** The application's content (household, housing, incomes, costs, assets); typed in the assessment area. */
  content: ColumnType<unknown, string | undefined, string>;
  updated_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}
export interface DecisionsTable {
  id: string;
  case_id: string;
  application_id: string | null;
  outcome: 'granted' | 'partlyRefused' | 'refused' | 'dismissed';
  period_start: DateOnly;
  period_end: DateOnly;
  amount: number;
  decided_by: string | null;
  /** The decision time once status is 'decided'; while a draft, the time the draft was made (column is not null). */
  decided_at: Timestamp;
  /** 'draft' | 'awaitingApproval' | 'decided'. Only 'decided' decisions may be paid, appealed or shown to the client. */
  status: Defaulted<string>;
  /** Appeals area (migration 0006): the decision this one replaces after omprövning (FL 39 §). */
  replaces_decision_id: ColumnType<string | null, string | null | undefined, string | null>;
  // Assessment area (migration 0004): the content of the decision.
  calculation_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** [{ key, kind, costType?, label, applied, approved, refused, reason }] for the whole period, öre. */
  items: ColumnType<unknown, string | undefined, string>;
  applied_amount: ColumnType<number | null, number | null | undefined, number | null>;
  /** The calculation's assistance; `amount` differs only with `amount_reason`. */
  system_amount: ColumnType<number | null, number | null | undefined, number | null>;
  amount_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** [{ id, text, verified }] snapshot of the legal references. */
  legal_basis: ColumnType<unknown, string | undefined, string>;
  reasons: ColumnType<string | null, string | null | undefined, string | null>;
  /** [{ adult, personId, code, label, group }] försörjningshinder per adult (internal, never in the letter). */
  support_obstacles: ColumnType<unknown, string | undefined, string>;
  child_perspective: ColumnType<unknown, string | null | undefined, string | null>;
  recovery_basis: ColumnType<unknown, string | null | undefined, string | null>;
  presenting_officer: ColumnType<string | null, string | null | undefined, string | null>;
  approved_by: ColumnType<string | null, string | null | undefined, string | null>;
  approved_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  letter_document_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0013: when and how the written decision was served on the person (delgivning), as recorded by staff. */
  served_on: ColumnType<DateOnly | null, DateOnly | null | undefined, DateOnly | null>;
  served_method: ColumnType<'receipt' | 'inPerson' | 'simplified' | null, 'receipt' | 'inPerson' | 'simplified' | null | undefined, 'receipt' | 'inPerson' | 'simplified' | null>;
  served_recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  served_recorded_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  created_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  updated_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}
export interface PaymentsTable {
  id: string;
  case_id: string;
  decision_id: string | null;
  amount: number;
  payee: string;
  planned_date: DateOnly;
  /** 'returned' since migration 0021 (the kassa sent the proposal back to the caseworker). */
  status: 'planned' | 'sent' | 'paid' | 'stopped' | 'returned';
  paid_at: Timestamp | null;
  // Payments area (migration 0005). `payee` is the payee kind ('client' | 'landlord' | 'other'), `payee_name` the name;
  // "approved" = status 'planned' with approved_at set.
  payee_name: ColumnType<string | null, string | null | undefined, string | null>;
  account_id: ColumnType<string | null, string | null | undefined, string | null>;
  person_id: ColumnType<string | null, string | null | undefined, string | null>;
  timing: Defaulted<'ordinary' | 'acute'>;
  date_basis: ColumnType<string | null, string | null | undefined, string | null>;
  end_to_end_id: ColumnType<string | null, string | null | undefined, string | null>;
  proposed_by: ColumnType<string | null, string | null | undefined, string | null>;
  proposed_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  approved_by: ColumnType<string | null, string | null | undefined, string | null>;
  approved_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** [{ code, label, ok, detail }] recorded by the kassa's approval. */
  approval_checks: ColumnType<unknown, string | null | undefined, string | null>;
  stopped_by: ColumnType<string | null, string | null | undefined, string | null>;
  stopped_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  stop_reason: ColumnType<string | null, string | null | undefined, string | null>;
  payment_file_id: ColumnType<string | null, string | null | undefined, string | null>;
  sent_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  // Migration 0021: the kassa sent the proposal back to the caseworker (who, when, the comment).
  returned_by: ColumnType<string | null, string | null | undefined, string | null>;
  returned_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  return_comment: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface JournalEntriesTable {
  id: string;
  case_id: string;
  author_id: string;
  event_date: DateOnly;
  title: string;
  body: string;
  received_orally_from: string | null;
  received_orally_at: Timestamp | null;
  corrects_entry_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  signed_at: Timestamp | null;
  signed_by: string | null;
  /** The case step the entry belongs to: intake, investigation, decision, payment, appeal … */
  step: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_kind: 'staff' | 'client' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  case_id: string | null;
  person_id: string | null;
  purpose: string | null;
  outcome: 'success' | 'denied' | 'failed';
  /** The HTTP request that wrote the record (null outside a request). */
  request_id: ColumnType<string | null, string | null | undefined, never>;
  /** The page view in the web app that made the request (one id per shown page; null when not sent). */
  page_view_id: ColumnType<string | null, string | null | undefined, never>;
}
export interface JobsTable {
  id: Generated<number>;
  queue: string;
  payload: ColumnType<unknown, string, string>;
  run_at: Timestamp;
  status: Defaulted<'pending' | 'running' | 'done' | 'failed'>;
  attempts: Defaulted<number>;
  max_attempts: Defaulted<number>;
  locked_by: string | null;
  locked_at: Timestamp | null;
  last_error: string | null;
  unique_key: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface WorkItemsTable {
  id: string;
  municipality_code: string;
  unit_id: string | null;
  case_id: string | null;
  kind: string;
  ref_type: string | null;
  ref_id: string | null;
  title: string;
  priority: number;
  received_at: Timestamp;
  due_at: Timestamp | null;
  assigned_to: string | null;
  assigned_role: string | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

export interface Database extends IntakeTables, AssessmentTables, PaymentsTables, AppealsTables, DocumentsTables, WatchesTables, RulesTables {
  installation_settings: InstallationSettingsTable;
  municipalities: MunicipalitiesTable;
  units: UnitsTable;
  staff_users: StaffUsersTable;
  staff_units: StaffUnitsTable;
  sessions: SessionsTable;
  sign_in_flows: SignInFlowsTable;
  persons: PersonsTable;
  protected_access: ProtectedAccessTable;
  households: HouseholdsTable;
  household_members: HouseholdMembersTable;
  cases: CasesTable;
  case_list_counts: CaseListCountsTable;
  case_status_history: CaseStatusHistoryTable;
  applications: ApplicationsTable;
  decisions: DecisionsTable;
  payments: PaymentsTable;
  journal_entries: JournalEntriesTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  work_items: WorkItemsTable;
}
