/** Tables of the "assessment" area: calculations, adjustments, kommunicering, events. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = string;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T = unknown> = ColumnType<T, string, string>;

export interface CalculationsTable {
  id: string;
  application_id: string;
  case_id: string;
  /** [{ month, input, result }] per calendar month of the period (NormInput / NormResult). */
  months: Json;
  /** The adjustments applied (snapshot). */
  adjustments: ColumnType<unknown, string | undefined, string>;
  /** Rows and totals after the adjustments. */
  effective: Json;
  system_assistance: number;
  assistance: number;
  outcome: string;
  created_by: string;
  created_at: Timestamp;
  superseded_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
}

export interface CalculationAdjustmentsTable {
  id: string;
  application_id: string;
  case_id: string;
  /** Which line: 'cost:<id>', 'income:<id>', 'personal:adults', 'personal:<childId>', 'common'. */
  line_key: string;
  value: number;
  /** The system value when the adjustment was made (the current one is always shown from the calculation). */
  system_value: number | null;
  note: string;
  created_by: string;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}

export interface DecisionCommunicationsTable {
  id: string;
  decision_id: string;
  case_id: string;
  kind: 'sent' | 'unnecessary';
  text: string | null;
  sent_at: Timestamp | null;
  channel: string | null;
  answer_deadline: Timestamp | null;
  answer_text: string | null;
  answered_at: Timestamp | null;
  answer_recorded_by: string | null;
  exception_id: string | null;
  unnecessary_reason: string | null;
  letter_document_id: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
}

export interface AssessmentEventsTable {
  id: Generated<number>;
  case_id: string;
  /** 'application' | 'calculation' | 'adjustment' | 'decision' | 'communication' */
  object_type: string;
  object_id: string;
  event: string;
  from_status: string | null;
  to_status: string | null;
  actor_kind: string;
  actor_id: string | null;
  note: string | null;
  at: Timestamp;
}

export interface AssessmentTables {
  calculations: CalculationsTable;
  calculation_adjustments: CalculationAdjustmentsTable;
  decision_communications: DecisionCommunicationsTable;
  assessment_events: AssessmentEventsTable;
}
