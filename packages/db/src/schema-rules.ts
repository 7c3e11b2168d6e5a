/** Rule document versions a municipality publishes on top of the rule files (migration 0019). */
import type { ColumnType } from 'kysely';

type Timestamp = string;
type DateOnly = string;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T = unknown> = ColumnType<T, string, string>;

export type RuleVersionStatus = 'draft' | 'published' | 'withdrawn';

export interface RuleVersionsTable {
  id: string;
  family: 'norm' | 'casework';
  kind: string;
  /** The document the version belongs to (the id of the rule file it was first copied from). */
  document_id: string;
  municipality_code: string;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  source: string;
  data: Json;
  status: RuleVersionStatus;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_by: string | null;
  published_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawn_at: Timestamp | null;
}

export interface RuleRevisionTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  revision: number;
}

export interface RulesTables {
  rule_versions: RuleVersionsTable;
  rule_revision: RuleRevisionTable;
}
