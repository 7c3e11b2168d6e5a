/**
 * The access policy (packages/domain/src/access.ts) reads a relation that goes through other tables backwards, from
 * the user to the case: "named for a protected person" starts at protected_access by user, whose key starts with
 * the person. An index by user lets lists and queues start there instead of reading the whole table.
 */
export const statements: string[] = [`create index protected_access_user_idx on protected_access (user_id, person_id)`];
