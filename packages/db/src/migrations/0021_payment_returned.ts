/**
 * The kassa sends a proposed payment back to the caseworker with a comment: a fifth payment status, `returned`, with
 * who, when and why. A returned proposal is final and no longer counts against its decision.
 */
export const statements: string[] = [
  `alter table payments drop constraint payments_status_check`,
  `alter table payments add constraint payments_status_check check (status in ('planned', 'sent', 'paid', 'stopped', 'returned'))`,
  `alter table payments add column returned_by uuid references staff_users(id)`,
  `alter table payments add column returned_at timestamptz`,
  `alter table payments add column return_comment text`,
  // The kassa's history of sent payment files, by month.
  `create index payment_files_created_idx on payment_files (municipality_code, created_at)`,
];
