/** Tables of the "appeals" area: appeals, their history and their documents. */
import type { Generated } from 'kysely';

type Timestamp = string;
type DateOnly = string;

export interface AppealsTable {
  id: string;
  case_id: string;
  decision_id: string;
  municipality_code: string;
  received_on: DateOnly;
  /** 'post' | 'email' | 'eService' | 'handedIn' */
  channel: string;
  appellant_name: string | null;
  appeal_text: string;
  /** The day the party received the decision (delgivning): stated, or presumed from the letter date + postal days. */
  notified_on: DateOnly;
  notified_on_basis: 'stated' | 'presumed';
  /** Last day of the appeal period (FL 44 §, lag 1930:173). */
  last_day: DateOnly;
  timely: boolean;
  status: 'registered' | 'reconsidered' | 'forwarded' | 'lapsed' | 'withdrawn' | 'dismissed';
  late_outcome: 'dismissed' | 'exception' | null;
  late_exception: string | null;
  late_note: string | null;
  reconsideration_result: 'unchanged' | 'changed' | null;
  reconsideration_reason: string | null;
  fully_as_requested: boolean | null;
  replacement_decision_id: string | null;
  reconsidered_at: Timestamp | null;
  reconsidered_by: string | null;
  court_name: string | null;
  forwarded_at: Timestamp | null;
  forwarded_by: string | null;
  /** Target day for forwarding to the court ("skyndsamt", FL 46 §; target days are configuration). */
  forward_due_on: DateOnly;
  registered_by: string;
  registered_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppealEventsTable {
  id: Generated<number>;
  appeal_id: string;
  from_status: string | null;
  to_status: string;
  actor_kind: 'staff' | 'system';
  actor_id: string | null;
  note: string | null;
  at: Timestamp;
}

export interface AppealDocumentsTable {
  appeal_id: string;
  document_id: string;
  /** 'appeal' | 'reconsiderationLetter' | 'dismissalLetter' | 'forwardingLetter' */
  role: string;
  added_at: Timestamp;
}

export interface AppealsTables {
  appeals: AppealsTable;
  appeal_events: AppealEventsTable;
  appeal_documents: AppealDocumentsTable;
}
