import type { ColumnType, Generated } from 'kysely';

/** Tables of the "intake" area (mottagning). Add one interface per table and list it in IntakeTables. */
type Timestamp = string;
/** jsonb: read as the parsed value, written as a JSON string. */
type JsonOrNull<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface IntakesTable {
  id: string;
  municipality_code: string;
  unit_id: string;
  case_id: string;
  application_id: string;
  applicant_person_id: string;
  channel: string;
  track: string;
  status: string;
  reopened: Defaulted<boolean>;
  received_at: Timestamp;
  deadline_at: Timestamp;
  registered_at: Timestamp;
  registered_by: string;
  need_summary: Defaulted<string>;
  interview: JsonOrNull<unknown>;
  interviewed_at: Timestamp | null;
  interviewed_by: string | null;
  /** { input: NormInput, result: NormResult } of the latest preliminary calculation. */
  preliminary: JsonOrNull<unknown>;
  calculated_at: Timestamp | null;
  calculated_by: string | null;
  responsibility: JsonOrNull<unknown>;
  responsibility_checked_at: Timestamp | null;
  responsibility_checked_by: string | null;
  /** { beforeBooking: { key: { by, at } }, beforeHandover: { … } } */
  checklist: ColumnType<unknown, string | undefined, string>;
  booked_at: Timestamp | null;
  booked_by: string | null;
  visit_at: Timestamp | null;
  visit_place: string | null;
  visit_worker_id: string | null;
  visit_documents: JsonOrNull<unknown>;
  letter_document_id: string | null;
  handed_over_at: Timestamp | null;
  handed_over_by: string | null;
  assigned_worker_id: string | null;
  referred_at: Timestamp | null;
  referred_by: string | null;
  referral_reason: string | null;
  updated_at: Timestamp;
}

export interface IntakeEventsTable {
  id: Generated<number>;
  intake_id: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: string | null;
  at: Timestamp;
  note: string | null;
  data: JsonOrNull<unknown>;
}

export interface IntakeTables {
  intakes: IntakesTable;
  intake_events: IntakeEventsTable;
}
