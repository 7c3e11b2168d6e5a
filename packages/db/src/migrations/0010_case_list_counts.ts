/**
 * case_list_counts: how many cases without protected identity each unit has per status, kept by statement triggers
 * on `cases`. The case list's total for a unit's staff is then a sum of a few rows instead of a count over every
 * case of the unit (packages/server/src/cases/list.ts). Protected cases are counted per user, never here.
 *
 * Deltas are applied in key order so that two statements touching the same counters take their row locks in the
 * same order.
 */
const applyDeltas = (source: string) => `
  insert into case_list_counts as c (municipality_code, unit_id, status, n)
  select municipality_code, unit_id, status, sum(delta)::int from (${source}) d
  group by municipality_code, unit_id, status
  having sum(delta) <> 0
  order by municipality_code, unit_id, status
  on conflict (municipality_code, unit_id, status) do update set n = c.n + excluded.n`;

const counted = (table: string, delta: number) =>
  `select municipality_code, unit_id, status, ${delta} as delta from ${table} where not protected_identity`;

export const statements: string[] = [
  `create table case_list_counts (
     municipality_code char(4) not null,
     unit_id uuid not null,
     status text not null,
     n integer not null,
     primary key (municipality_code, unit_id, status)
   )`,
  `create function case_list_counts_on_insert() returns trigger language plpgsql as $$
   begin ${applyDeltas(counted('new_rows', 1))}; return null; end $$`,
  `create function case_list_counts_on_update() returns trigger language plpgsql as $$
   begin ${applyDeltas(`${counted('new_rows', 1)} union all ${counted('old_rows', -1)}`)}; return null; end $$`,
  `create function case_list_counts_on_delete() returns trigger language plpgsql as $$
   begin ${applyDeltas(counted('old_rows', -1))}; return null; end $$`,
  `create trigger case_list_counts_insert after insert on cases referencing new table as new_rows
     for each statement execute function case_list_counts_on_insert()`,
  `create trigger case_list_counts_update after update on cases referencing old table as old_rows new table as new_rows
     for each statement execute function case_list_counts_on_update()`,
  `create trigger case_list_counts_delete after delete on cases referencing old table as old_rows
     for each statement execute function case_list_counts_on_delete()`,
  `insert into case_list_counts (municipality_code, unit_id, status, n)
     select municipality_code, unit_id, status, count(*) from cases where not protected_identity
     group by municipality_code, unit_id, status`,
];
