/**
 * case_list_counts: how many cases without protected identity there are per municipality, unit, status,
 * responsible worker and second worker, kept by statement triggers on `cases`. Whether a staff user may see a case
 * without protected identity depends only on these columns, so the case list's total is a sum over a few counter
 * rows instead of a count over every visible case (packages/server/src/cases/list.ts). Protected cases are counted
 * per user, never here. A missing worker is stored as the nil UUID, so the key has no nulls.
 *
 * Deltas are applied in key order, so two statements touching the same counters take their row locks in the same
 * order.
 */
const NONE = `'00000000-0000-0000-0000-000000000000'::uuid`;
const KEY = 'municipality_code, unit_id, status, responsible_worker_id, second_worker_id';

const applyDeltas = (source: string) => `
  insert into case_list_counts as c (${KEY}, n)
  select ${KEY}, sum(delta)::int from (${source}) d
  group by ${KEY}
  having sum(delta) <> 0
  order by ${KEY}
  on conflict (${KEY}) do update set n = c.n + excluded.n`;

const counted = (table: string, delta: number) =>
  `select municipality_code, unit_id, status, coalesce(responsible_worker_id, ${NONE}) as responsible_worker_id,
          coalesce(second_worker_id, ${NONE}) as second_worker_id, ${delta} as delta
   from ${table} where not protected_identity`;

export const statements: string[] = [
  `create table case_list_counts (
     municipality_code char(4) not null,
     unit_id uuid not null,
     status text not null,
     responsible_worker_id uuid not null,
     second_worker_id uuid not null,
     n integer not null,
     primary key (${KEY})
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
  `insert into case_list_counts (${KEY}, n)
     select ${KEY}, count(*) from (${counted('cases', 1)}) c group by ${KEY}`,
];
