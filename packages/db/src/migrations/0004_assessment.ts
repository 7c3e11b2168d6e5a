/**
 * The "assessment" area: the application under assessment, the calculation with the caseworker's adjustments,
 * decisions (extended), kommunicering (FL 25 §) and an event log of every state change in the area.
 * Statements run in order, once (PGlite runs one statement per query).
 */
export const statements: string[] = [
  // One snapshot per calculation run. The newest (superseded_at is null) is the current one; older ones stay as
  // history. `months` holds the engine input and result per calendar month of the period; `adjustments` the
  // caseworker's adjustments that were applied; `effective` the rows and totals after the adjustments.
  `create table calculations (
     id uuid primary key,
     application_id uuid not null references applications(id),
     case_id uuid not null references cases(id),
     months jsonb not null,
     adjustments jsonb not null default '[]',
     effective jsonb not null,
     system_assistance bigint not null check (system_assistance >= 0),
     assistance bigint not null check (assistance >= 0),
     outcome text not null,
     created_by uuid not null references staff_users(id),
     created_at timestamptz not null,
     superseded_at timestamptz,
     approved_by uuid references staff_users(id),
     approved_at timestamptz
   )`,
  `create index calculations_application_idx on calculations (application_id, created_at)`,
  // The caseworker's value for one line (Sundsvall model: origin caseworker, caseworker wins, soft delete with
  // restore). Belongs to the application, not to one calculation, so a recalculation never loses it.
  `create table calculation_adjustments (
     id uuid primary key,
     application_id uuid not null references applications(id),
     case_id uuid not null references cases(id),
     line_key text not null,
     value bigint not null check (value >= 0),
     system_value bigint,
     note text not null,
     created_by uuid not null references staff_users(id),
     created_at timestamptz not null,
     deleted_at timestamptz,
     deleted_by uuid references staff_users(id)
   )`,
  `create index calculation_adjustments_application_idx on calculation_adjustments (application_id)`,
  `alter table decisions add column calculation_id uuid references calculations(id)`,
  `alter table decisions add column items jsonb not null default '[]'`,
  `alter table decisions add column applied_amount bigint`,
  `alter table decisions add column system_amount bigint`,
  `alter table decisions add column amount_reason text`,
  `alter table decisions add column legal_basis jsonb not null default '[]'`,
  `alter table decisions add column reasons text`,
  `alter table decisions add column support_obstacles jsonb not null default '[]'`,
  `alter table decisions add column child_perspective jsonb`,
  `alter table decisions add column recovery_basis jsonb`,
  `alter table decisions add column presenting_officer uuid references staff_users(id)`,
  `alter table decisions add column approved_by uuid references staff_users(id)`,
  `alter table decisions add column approved_at timestamptz`,
  `alter table decisions add column letter_document_id uuid references documents(id)`,
  `alter table decisions add column created_at timestamptz`,
  `alter table decisions add column updated_at timestamptz`,
  // Kommunicering (FL 25 §) before a decision that goes against the person, or the record that it was unnecessary.
  `create table decision_communications (
     id uuid primary key,
     decision_id uuid not null references decisions(id),
     case_id uuid not null references cases(id),
     kind text not null check (kind in ('sent', 'unnecessary')),
     text text,
     sent_at timestamptz,
     channel text,
     answer_deadline timestamptz,
     answer_text text,
     answered_at timestamptz,
     answer_recorded_by uuid references staff_users(id),
     exception_id text,
     unnecessary_reason text,
     letter_document_id uuid references documents(id),
     recorded_by uuid not null references staff_users(id),
     recorded_at timestamptz not null,
     withdrawn_at timestamptz,
     withdrawn_by uuid references staff_users(id)
   )`,
  `create index decision_communications_decision_idx on decision_communications (decision_id)`,
  // Every state change of an application, calculation, adjustment, decision or communication, with actor and time.
  `create table assessment_events (
     id bigserial primary key,
     case_id uuid not null references cases(id),
     object_type text not null,
     object_id uuid not null,
     event text not null,
     from_status text,
     to_status text,
     actor_kind text not null,
     actor_id uuid,
     note text,
     at timestamptz not null
   )`,
  `create index assessment_events_case_idx on assessment_events (case_id, at)`,
  `create index assessment_events_object_idx on assessment_events (object_type, object_id)`,
];
