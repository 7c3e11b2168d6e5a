/**
 * The case-list indexes of 0008 also carry what the list filters on, so both the page scans and the disjoint
 * counts of the list total (packages/server/src/cases/list.ts) are index-only: they never visit the table.
 */
export const statements: string[] = [
  `drop index cases_unit_updated_idx`,
  `create index cases_unit_updated_idx on cases (unit_id, updated_at desc, id) include (status, municipality_code) where not protected_identity`,
  `drop index cases_worker_updated_idx`,
  `create index cases_worker_updated_idx on cases (responsible_worker_id, updated_at desc, id) include (status, municipality_code, unit_id) where not protected_identity`,
  `drop index cases_second_updated_idx`,
  `create index cases_second_updated_idx on cases (second_worker_id, updated_at desc, id) include (status, municipality_code, unit_id, responsible_worker_id) where not protected_identity`,
];
