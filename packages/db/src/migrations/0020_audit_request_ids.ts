/**
 * audit_log.request_id and audit_log.page_view_id: which HTTP request wrote a record, and which page view in the
 * staff workspace made that request (the web app sends one id per page it shows). The log check shows one line per
 * page view while the records stay one per read. Both are null for records written outside a request (jobs) and for
 * records written before this migration.
 */
export const statements: string[] = [`alter table audit_log add column request_id text`, `alter table audit_log add column page_view_id text`];
