/** Index-ordered case lists: one ordered scan per unit, per responsible worker and per second worker. */
export const statements: string[] = [
  `create index cases_unit_updated_idx on cases (unit_id, updated_at desc, id) where not protected_identity`,
  `create index cases_worker_updated_idx on cases (responsible_worker_id, updated_at desc, id) where not protected_identity`,
  `create index cases_second_updated_idx on cases (second_worker_id, updated_at desc, id) where not protected_identity`,
];
