/**
 * Shared ground for the chain intake → assessment → decision → payment: documents (letters, PDFs, files),
 * work items (every worker's queue), application content and period, journal entries tied to a case step.
 */
export const statements: string[] = [
  `alter table applications add column period_start date`,
  `alter table applications add column period_end date`,
  `alter table applications add column content jsonb not null default '{}'`,
  `alter table applications add column updated_at timestamptz`,
  `alter table journal_entries add column step text`,
  // draft → awaitingApproval → decided; only a decided decision can be paid, appealed or shown to the client.
  `alter table decisions add column status text not null default 'decided'`,
  // Letters, decision PDFs, payment files and uploads. Locked documents are never changed; a new version is a new row.
  `create table documents (
     id uuid primary key,
     case_id uuid references cases(id),
     municipality_code char(4) not null references municipalities(code),
     kind text not null,
     title text not null,
     mime_type text not null,
     content bytea not null,
     sha256 text not null,
     size_bytes integer not null,
     language text not null default 'sv',
     visible_to_client boolean not null default false,
     related_type text,
     related_id uuid,
     created_by uuid references staff_users(id),
     created_at timestamptz not null,
     locked_at timestamptz
   )`,
  `create index documents_case_idx on documents (case_id, created_at)`,
  `create index documents_related_idx on documents (related_type, related_id)`,
  // One row per thing waiting for someone: the worker's queue is a query over open items.
  `create table work_items (
     id uuid primary key,
     municipality_code char(4) not null references municipalities(code),
     unit_id uuid references units(id),
     case_id uuid references cases(id),
     kind text not null,
     ref_type text,
     ref_id uuid,
     title text not null,
     priority smallint not null,
     received_at timestamptz not null,
     due_at timestamptz,
     assigned_to uuid references staff_users(id),
     assigned_role text,
     created_at timestamptz not null,
     closed_at timestamptz,
     closed_by uuid references staff_users(id)
   )`,
  `create index work_items_open_idx on work_items (assigned_to, priority, due_at) where closed_at is null`,
  `create index work_items_unit_idx on work_items (unit_id, priority, due_at) where closed_at is null`,
  `create index work_items_ref_idx on work_items (ref_type, ref_id)`,
];
