/**
 * cases.protected_identity: true when any member of the case's household has skyddade personuppgifter.
 * Kept by triggers so that every way of writing households (API, seeding, imports) keeps it right, and so that
 * case lists filter on a column instead of a subquery per row.
 */
export const statements: string[] = [
  `alter table cases add column protected_identity boolean not null default false`,
  `create function household_is_protected(h uuid) returns boolean language sql stable as $$
     select exists (select 1 from household_members m join persons p on p.id = m.person_id
                    where m.household_id = h and p.protected_identity)
   $$`,
  `create function cases_set_protected() returns trigger language plpgsql as $$
   begin
     new.protected_identity := household_is_protected(new.household_id);
     return new;
   end $$`,
  `create trigger cases_protected_on_write before insert or update of household_id on cases
     for each row execute function cases_set_protected()`,
  `create function members_refresh_protected() returns trigger language plpgsql as $$
   begin
     if tg_op in ('INSERT', 'UPDATE') then
       update cases set protected_identity = household_is_protected(new.household_id) where household_id = new.household_id;
     end if;
     if tg_op in ('DELETE', 'UPDATE') then
       update cases set protected_identity = household_is_protected(old.household_id) where household_id = old.household_id;
     end if;
     return null;
   end $$`,
  `create trigger household_members_protected after insert or update or delete on household_members
     for each row execute function members_refresh_protected()`,
  `create function persons_refresh_protected() returns trigger language plpgsql as $$
   begin
     update cases set protected_identity = household_is_protected(cases.household_id)
       where household_id in (select household_id from household_members where person_id = new.id);
     return null;
   end $$`,
  `create trigger persons_protected after update of protected_identity on persons
     for each row execute function persons_refresh_protected()`,
  `update cases set protected_identity = household_is_protected(household_id)`,
  `create index cases_protected_idx on cases (household_id) where protected_identity`,
];
