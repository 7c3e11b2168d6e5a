/** Foundation: organisation, staff, sessions, persons, households, cases, journal, audit log, jobs. */
export const statements: string[] = [
  // Installation-wide facts (e.g. which demo data was seeded); not personal data.
  `create table installation_settings (
     key text primary key,
     value jsonb not null,
     updated_at timestamptz not null default now()
   )`,
  `create table municipalities (
     code char(4) primary key check (code ~ '^[0-9]{4}$'),
     name text not null
   )`,
  `create table units (
     id uuid primary key,
     municipality_code char(4) not null references municipalities(code),
     name text not null
   )`,
  `create table staff_users (
     id uuid primary key,
     municipality_code char(4) not null references municipalities(code),
     username text not null unique,
     display_name text not null,
     role text not null,
     password_hash text,
     employed_since date not null,
     active boolean not null default true,
     failed_logins integer not null default 0,
     locked_until timestamptz,
     created_at timestamptz not null default now()
   )`,
  `create table staff_units (
     user_id uuid not null references staff_users(id),
     unit_id uuid not null references units(id),
     primary key (user_id, unit_id)
   )`,
  // Server-side sessions; the cookie carries a random token, the database only its SHA-256.
  `create table sessions (
     token_hash text primary key,
     subject_kind text not null check (subject_kind in ('staff', 'client')),
     subject_id uuid not null,
     csrf_token text not null,
     created_at timestamptz not null,
     last_seen_at timestamptz not null,
     expires_at timestamptz not null
   )`,
  `create index sessions_expires_idx on sessions (expires_at)`,
  // One-time codes of the local test e-ID provider (stand-in for BankID through an e-ID broker).
  `create table eid_codes (
     code_hash text primary key,
     personnummer text not null,
     nonce text,
     created_at timestamptz not null,
     used_at timestamptz
   )`,
  // OIDC state of a client sign-in in progress, so any server process can finish it.
  `create table oidc_states (
     state_hash text primary key,
     nonce text not null,
     return_to text not null,
     created_at timestamptz not null
   )`,
  `create table persons (
     id uuid primary key,
     personnummer char(12) not null unique,
     samordningsnummer boolean not null default false,
     first_name text not null,
     last_name text not null,
     sex char(1) not null check (sex in ('K', 'M')),
     birth_date date not null,
     address_line text,
     postal_code text,
     city text,
     phone text,
     email text,
     protected_identity boolean not null default false,
     created_at timestamptz not null default now()
   )`,
  `create index persons_last_name_idx on persons (lower(last_name))`,
  `create table protected_access (
     person_id uuid not null references persons(id),
     user_id uuid not null references staff_users(id),
     granted_at timestamptz not null default now(),
     primary key (person_id, user_id)
   )`,
  `create table households (
     id uuid primary key,
     municipality_code char(4) not null references municipalities(code),
     created_at timestamptz not null default now()
   )`,
  `create table household_members (
     household_id uuid not null references households(id),
     person_id uuid not null references persons(id),
     role text not null check (role in ('applicant', 'coApplicant', 'child', 'otherAdult')),
     days_at_home smallint,
     primary key (household_id, person_id)
   )`,
  `create index household_members_person_idx on household_members (person_id)`,
  `create table cases (
     id uuid primary key,
     case_number text not null unique,
     municipality_code char(4) not null references municipalities(code),
     unit_id uuid not null references units(id),
     household_id uuid not null references households(id),
     responsible_worker_id uuid references staff_users(id),
     second_worker_id uuid references staff_users(id),
     status text not null,
     opened_at timestamptz not null,
     closed_at timestamptz,
     closure_reason text,
     updated_at timestamptz not null
   )`,
  `create index cases_unit_idx on cases (unit_id, status, updated_at desc)`,
  `create index cases_worker_idx on cases (responsible_worker_id)`,
  `create index cases_second_worker_idx on cases (second_worker_id)`,
  `create index cases_household_idx on cases (household_id)`,
  `create table case_status_history (
     id bigserial primary key,
     case_id uuid not null references cases(id),
     from_status text,
     to_status text not null,
     actor_kind text not null,
     actor_id uuid,
     reason text,
     at timestamptz not null
   )`,
  `create index case_status_history_case_idx on case_status_history (case_id, at)`,
  `create table applications (
     id uuid primary key,
     case_id uuid not null references cases(id),
     kind text not null check (kind in ('new', 'renewal', 'supplementary')),
     period_month date not null,
     channel text not null,
     submitted_at timestamptz not null,
     status text not null,
     applied_amount bigint not null default 0
   )`,
  `create index applications_case_idx on applications (case_id, period_month)`,
  `create table decisions (
     id uuid primary key,
     case_id uuid not null references cases(id),
     application_id uuid references applications(id),
     outcome text not null check (outcome in ('granted', 'partlyRefused', 'refused', 'dismissed')),
     period_start date not null,
     period_end date not null,
     amount bigint not null check (amount >= 0),
     decided_by uuid references staff_users(id),
     decided_at timestamptz not null
   )`,
  `create index decisions_case_idx on decisions (case_id, decided_at)`,
  `create table payments (
     id uuid primary key,
     case_id uuid not null references cases(id),
     decision_id uuid references decisions(id),
     amount bigint not null check (amount >= 0),
     payee text not null,
     planned_date date not null,
     status text not null check (status in ('planned', 'sent', 'paid', 'stopped')),
     paid_at timestamptz
   )`,
  `create index payments_case_idx on payments (case_id, planned_date)`,
  `create table journal_entries (
     id uuid primary key,
     case_id uuid not null references cases(id),
     author_id uuid not null references staff_users(id),
     event_date date not null,
     title text not null,
     body text not null,
     received_orally_from text,
     received_orally_at timestamptz,
     corrects_entry_id uuid references journal_entries(id),
     created_at timestamptz not null,
     updated_at timestamptz not null,
     signed_at timestamptz,
     signed_by uuid references staff_users(id)
   )`,
  `create index journal_entries_case_idx on journal_entries (case_id, event_date, created_at)`,
  // Append-only: the application only ever inserts. The triggers make that hold against mistakes too.
  `create table audit_log (
     id bigserial primary key,
     at timestamptz not null,
     actor_kind text not null check (actor_kind in ('staff', 'client', 'system', 'anonymous')),
     actor_id uuid,
     actor_role text,
     action text not null,
     target_type text not null,
     target_id text,
     case_id uuid,
     person_id uuid,
     purpose text,
     outcome text not null check (outcome in ('success', 'denied', 'failed'))
   )`,
  `create index audit_log_at_idx on audit_log (at)`,
  `create index audit_log_actor_idx on audit_log (actor_id, at)`,
  `create index audit_log_person_idx on audit_log (person_id, at)`,
  `create index audit_log_case_idx on audit_log (case_id, at)`,
  `create function audit_log_is_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'audit_log är endast för tillägg';
   end $$`,
  `create trigger audit_log_no_update before update or delete on audit_log
     for each row execute function audit_log_is_append_only()`,
  // Background jobs shared by all server processes (claimed with FOR UPDATE SKIP LOCKED).
  `create table jobs (
     id bigserial primary key,
     queue text not null,
     payload jsonb not null default '{}',
     run_at timestamptz not null,
     status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
     attempts integer not null default 0,
     max_attempts integer not null default 5,
     locked_by text,
     locked_at timestamptz,
     last_error text,
     unique_key text,
     created_at timestamptz not null,
     finished_at timestamptz
   )`,
  `create index jobs_ready_idx on jobs (status, run_at)`,
  `create unique index jobs_unique_key_idx on jobs (unique_key) where status in ('pending', 'running')`,
];
