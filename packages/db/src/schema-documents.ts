/**
 * Documents: letters, payment files, accounting exports and uploads, stored as bytes with their checksum. Most belong
 * to a case; municipality-level ones (payment files) have none. Letters and files that are sent are locked at once.
 */
import type { ColumnType } from 'kysely';

type Timestamp = string;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface DocumentsTable {
  id: string;
  case_id: string | null;
  municipality_code: string;
  kind: string;
  title: string;
  mime_type: string;
  content: Buffer;
  sha256: string;
  size_bytes: number;
  language: Defaulted<string>;
  visible_to_client: Defaulted<boolean>;
  related_type: string | null;
  related_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  locked_at: Timestamp | null;
}

export interface DocumentsTables {
  documents: DocumentsTable;
}
