/** The case list names each row's applicant: one index-only probe per row instead of a heap visit. */
export const statements: string[] = [`create index household_members_applicant_idx on household_members (household_id) include (person_id) where role = 'applicant'`];
