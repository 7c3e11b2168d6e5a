/**
 * Rule documents a municipality owns, as dated versions a systemförvaltare publishes (issue 11): norm tables,
 * guideline caps, letter templates, phrases, legal references, delegation, four-eyes, checklists, payment settings.
 * The JSON files in packages/domain/rules remain the base set; the published versions here are added on top.
 * - rule_versions: one row per version; a draft can be edited, a published or withdrawn version never changes
 *   (a trigger refuses it), so what a past calculation or letter used stays readable.
 * - rule_revision: one counter, raised with every publish in the same transaction; each server process compares
 *   it with the revision it built its rules from and rebuilds when it has changed.
 */
export const statements: string[] = [
  `create table rule_versions (
     id uuid primary key,
     family text not null check (family in ('norm', 'casework')),
     kind text not null,
     document_id text not null,
     municipality_code char(4) not null references municipalities (code),
     valid_from date not null,
     valid_to date,
     source text not null,
     data jsonb not null,
     status text not null check (status in ('draft', 'published', 'withdrawn')),
     created_by uuid not null references staff_users (id),
     created_at timestamptz not null,
     updated_at timestamptz not null,
     published_by uuid references staff_users (id),
     published_at timestamptz,
     withdrawn_by uuid references staff_users (id),
     withdrawn_at timestamptz,
     check (valid_to is null or valid_to >= valid_from),
     check ((status = 'published') = (published_at is not null))
   )`,
  `create index rule_versions_document_idx on rule_versions (municipality_code, family, document_id, valid_from)`,
  `create index rule_versions_published_idx on rule_versions (published_at) where status = 'published'`,
  `create function rule_versions_keep_published() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' then
       if old.status <> 'draft' then raise exception 'rule_versions: a published or withdrawn version cannot be deleted'; end if;
       return old;
     end if;
     if old.status <> 'draft' then raise exception 'rule_versions: a published or withdrawn version cannot be changed'; end if;
     return new;
   end $$`,
  `create trigger rule_versions_keep_published before update or delete on rule_versions
     for each row execute function rule_versions_keep_published()`,
  `create table rule_revision (
     id boolean primary key default true check (id),
     revision bigint not null
   )`,
  `insert into rule_revision (id, revision) values (true, 0)`,
];
