/**
 * The "appeals" area: appeals (överklaganden, förvaltningslagen 2017:900 43–46 §§) with their history and
 * documents, the link from a changed decision to the decision it replaces (omprövning, 39 §), and watches
 * (bevakningar). Owned by the appeals work; statements run in order, once.
 */
export const statements: string[] = [
  // A decision changed after omprövning replaces the appealed one; the old row stays as it was decided.
  `alter table decisions add column replaces_decision_id uuid references decisions(id)`,
  `create index decisions_replaces_idx on decisions (replaces_decision_id)`,
  `create table appeals (
     id uuid primary key,
     case_id uuid not null references cases(id),
     decision_id uuid not null references decisions(id),
     municipality_code char(4) not null references municipalities(code),
     received_on date not null,
     channel text not null,
     appellant_name text,
     appeal_text text not null,
     notified_on date not null,
     notified_on_basis text not null check (notified_on_basis in ('stated', 'presumed')),
     last_day date not null,
     timely boolean not null,
     status text not null check (status in ('registered', 'reconsidered', 'forwarded', 'lapsed', 'withdrawn', 'dismissed')),
     late_outcome text check (late_outcome in ('dismissed', 'exception')),
     late_exception text,
     late_note text,
     reconsideration_result text check (reconsideration_result in ('unchanged', 'changed')),
     reconsideration_reason text,
     fully_as_requested boolean,
     replacement_decision_id uuid references decisions(id),
     reconsidered_at timestamptz,
     reconsidered_by uuid references staff_users(id),
     court_name text,
     forwarded_at timestamptz,
     forwarded_by uuid references staff_users(id),
     forward_due_on date not null,
     registered_by uuid not null references staff_users(id),
     registered_at timestamptz not null,
     updated_at timestamptz not null
   )`,
  `create index appeals_case_idx on appeals (case_id, received_on)`,
  `create index appeals_decision_idx on appeals (decision_id)`,
  // Every status change of an appeal, with actor and time.
  `create table appeal_events (
     id bigserial primary key,
     appeal_id uuid not null references appeals(id),
     from_status text,
     to_status text not null,
     actor_kind text not null check (actor_kind in ('staff', 'system')),
     actor_id uuid references staff_users(id),
     note text,
     at timestamptz not null
   )`,
  `create index appeal_events_appeal_idx on appeal_events (appeal_id, at)`,
  // The documents of an appeal: the appeal itself, letters, and what was sent to the court.
  `create table appeal_documents (
     appeal_id uuid not null references appeals(id),
     document_id uuid not null references documents(id),
     role text not null,
     added_at timestamptz not null,
     primary key (appeal_id, document_id)
   )`,
  // Bevakningar: a date and a text, owned by a worker; each is also a work item in the owner's queue.
  `create table watches (
     id uuid primary key,
     case_id uuid not null references cases(id),
     due_on date not null,
     text text not null,
     owner_id uuid not null references staff_users(id),
     created_by uuid not null references staff_users(id),
     created_at timestamptz not null,
     done_at timestamptz,
     done_by uuid references staff_users(id),
     done_note text
   )`,
  `create index watches_case_idx on watches (case_id, due_on)`,
];
