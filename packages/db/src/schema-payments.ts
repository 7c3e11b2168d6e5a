/** Tables of the "payments" area: payee accounts, payment files, payment status history, återkrav. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = string;
type DateOnly = string;

export interface PaymentAccountsTable {
  id: string;
  case_id: string;
  person_id: string | null;
  payee_kind: 'client' | 'landlord' | 'other';
  holder_name: string;
  kind: 'bankAccount' | 'bankgiro' | 'plusgiro' | 'iban';
  clearing: string | null;
  number: string;
  bank_name: string | null;
  display: string;
  verified_by: string | null;
  verified_at: Timestamp | null;
  verification_note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface PaymentFilesTable {
  id: string;
  municipality_code: string;
  sequence_number: number;
  message_id: string;
  up_to: DateOnly;
  payment_count: number;
  total_amount: number;
  xml_document_id: string;
  accounting_document_id: string;
  status: 'sent' | 'confirmed';
  created_by: string;
  created_at: Timestamp;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
}

export interface PaymentStatusHistoryTable {
  id: Generated<number>;
  payment_id: string;
  from_stage: string | null;
  to_stage: string;
  actor_kind: 'staff' | 'system';
  actor_id: string | null;
  reason: string | null;
  at: Timestamp;
}

export interface RecoveryClaimsTable {
  id: string;
  case_id: string;
  basis: string;
  legal_reference: string;
  decision_id: string | null;
  amount: number;
  decided_date: DateOnly;
  /** Migration 0013: the day the assistance was granted; it selects the law the claim follows. Null on older claims. */
  granted_on: ColumnType<DateOnly | null, DateOnly | null | undefined, DateOnly | null>;
  description: string | null;
  balance: number;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecoveryLedgerEntriesTable {
  id: string;
  /** Order of entry (several entries can share a timestamp). */
  seq: Generated<number>;
  claim_id: string;
  kind: 'claimed' | 'repaid' | 'writtenOff' | 'adjusted';
  amount: number;
  entry_date: DateOnly;
  note: string | null;
  balance_after: number;
  created_by: string;
  created_at: Timestamp;
}

export interface PaymentsTables {
  payment_accounts: PaymentAccountsTable;
  payment_files: PaymentFilesTable;
  payment_status_history: PaymentStatusHistoryTable;
  recovery_claims: RecoveryClaimsTable;
  recovery_ledger_entries: RecoveryLedgerEntriesTable;
}
