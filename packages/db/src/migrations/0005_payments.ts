/**
 * The "payments" area: accounts of payees (verified by the caseworker), payment proposals with the kassa's
 * four-eyes approval, payment files (ISO 20022 pain.001) with their accounting export, a status history per payment,
 * and the återkrav register with its ledger. Statements run in order, once, one per query.
 */
export const statements: string[] = [
  // The account a payment goes to: the client's own account, a landlord's bankgiro/plusgiro, or another payee.
  // Registered on a case; verified by a caseworker (who, when, how) before the kassa may approve a payment to it.
  `create table payment_accounts (
     id uuid primary key,
     case_id uuid not null references cases(id),
     person_id uuid references persons(id),
     payee_kind text not null check (payee_kind in ('client', 'landlord', 'other')),
     holder_name text not null,
     kind text not null check (kind in ('bankAccount', 'bankgiro', 'plusgiro', 'iban')),
     clearing text,
     number text not null,
     bank_name text,
     display text not null,
     verified_by uuid references staff_users(id),
     verified_at timestamptz,
     verification_note text,
     created_by uuid not null references staff_users(id),
     created_at timestamptz not null
   )`,
  `create index payment_accounts_case_idx on payment_accounts (case_id, created_at)`,
  // One pain.001 file sent to the bank, with the stored XML and accounting export documents.
  `create table payment_files (
     id uuid primary key,
     municipality_code char(4) not null references municipalities(code),
     sequence_number integer not null,
     message_id text not null unique,
     up_to date not null,
     payment_count integer not null,
     total_amount bigint not null check (total_amount >= 0),
     xml_document_id uuid not null references documents(id),
     accounting_document_id uuid not null references documents(id),
     status text not null check (status in ('sent', 'confirmed')),
     created_by uuid not null references staff_users(id),
     created_at timestamptz not null,
     confirmed_by uuid references staff_users(id),
     confirmed_at timestamptz,
     unique (municipality_code, sequence_number)
   )`,
  // `payee` (foundation) holds the payee kind: 'client' | 'landlord' | 'other'; the name is kept beside it.
  `alter table payments add column payee_name text`,
  `alter table payments add column account_id uuid references payment_accounts(id)`,
  // Whose share this is when the decided amount is split between co-applicants.
  `alter table payments add column person_id uuid references persons(id)`,
  `alter table payments add column timing text not null default 'ordinary' check (timing in ('ordinary', 'acute'))`,
  `alter table payments add column date_basis text`,
  `alter table payments add column end_to_end_id text`,
  `alter table payments add column proposed_by uuid references staff_users(id)`,
  `alter table payments add column proposed_at timestamptz`,
  `alter table payments add column approved_by uuid references staff_users(id)`,
  `alter table payments add column approved_at timestamptz`,
  // The checks the kassa's approval performed: [{ code, label, ok, detail }] with who and when in approved_by/at.
  `alter table payments add column approval_checks jsonb`,
  `alter table payments add column stopped_by uuid references staff_users(id)`,
  `alter table payments add column stopped_at timestamptz`,
  `alter table payments add column stop_reason text`,
  `alter table payments add column payment_file_id uuid references payment_files(id)`,
  `alter table payments add column sent_at timestamptz`,
  `create unique index payments_end_to_end_idx on payments (end_to_end_id)`,
  `create index payments_decision_idx on payments (decision_id)`,
  `create index payments_queue_idx on payments (status, approved_at, planned_date)`,
  `create index payments_file_idx on payments (payment_file_id)`,
  // planned → approved → sent → paid; stopped. Every change with actor and time.
  `create table payment_status_history (
     id bigserial primary key,
     payment_id uuid not null references payments(id),
     from_stage text,
     to_stage text not null,
     actor_kind text not null,
     actor_id uuid references staff_users(id),
     reason text,
     at timestamptz not null
   )`,
  `create index payment_status_history_payment_idx on payment_status_history (payment_id, at)`,
  // Återkrav (SoL 2025:400 33 kap.; old SoL 9 kap. 1–2 §§). The balance is the ledger's sum and never negative.
  `create table recovery_claims (
     id uuid primary key,
     case_id uuid not null references cases(id),
     basis text not null,
     legal_reference text not null,
     decision_id uuid references decisions(id),
     amount bigint not null check (amount > 0),
     decided_date date not null,
     description text,
     balance bigint not null check (balance >= 0),
     created_by uuid not null references staff_users(id),
     created_at timestamptz not null,
     updated_at timestamptz not null
   )`,
  `create index recovery_claims_case_idx on recovery_claims (case_id, created_at)`,
  `create table recovery_ledger_entries (
     id uuid primary key,
     seq bigserial not null,
     claim_id uuid not null references recovery_claims(id),
     kind text not null check (kind in ('claimed', 'repaid', 'writtenOff', 'adjusted')),
     amount bigint not null,
     entry_date date not null,
     note text,
     balance_after bigint not null check (balance_after >= 0),
     created_by uuid not null references staff_users(id),
     created_at timestamptz not null
   )`,
  `create index recovery_ledger_claim_idx on recovery_ledger_entries (claim_id, seq)`,
];
