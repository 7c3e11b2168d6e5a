import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { SerialPGliteDialect } from './pglite-dialect.ts';
import { preparingPool } from './prepared-pool.ts';
import type { Database } from './schema.ts';

export type Backend = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  backend: Backend;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… : use a PostgreSQL server. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; omitted (with no URL) = in memory. */
  dataDir?: string | undefined;
  /** Pool size for a PostgreSQL server. */
  poolSize?: number;
}

// Same JS values from both backends: timestamps as ISO UTC strings, dates as 'YYYY-MM-DD', int8 as number.
const OID = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;
// Sessions run in UTC, so timestamptz arrives as '2026-01-05 10:00:00+00' (fractions optional): rewritten as text.
const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;
const toIso = (v: string) => {
  const m = UTC_TIMESTAMP.exec(v);
  if (m) return `${m[1]}T${m[2]}.${`${m[3] ?? ''}000`.slice(0, 3)}Z`;
  return new Date(v.includes('T') || /[+-]\d\d(:\d\d)?$/.test(v) ? v : `${v}Z`).toISOString();
};
const parsers: Record<number, (v: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.date]: (v) => v,
  [OID.timestamptz]: (v) => toIso(v),
  [OID.timestamp]: (v) => toIso(v),
};

let pgTypesConfigured = false;
function configurePgTypes() {
  if (pgTypesConfigured) return;
  for (const [oid, parse] of Object.entries(parsers)) pg.types.setTypeParser(Number(oid), parse);
  pgTypesConfigured = true;
}

export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    configurePgTypes();
    // Sessions run in UTC so that now() and date arithmetic agree with the application. JIT is off: our queries are
    // short OLTP queries, and JIT compilation of a planner-estimated "expensive" list query costs ~250 ms per call.
    // Generic plans: each prepared statement is planned once per connection (planning the case list cost more than
    // running it). Partial-index predicates must then be literals in the SQL, not parameters.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c TimeZone=UTC -c jit=off -c plan_cache_mode=force_generic_plan' });
    // An idle connection the server closes (restart, failover, DROP DATABASE … FORCE) must not crash the process:
    // the pool replaces it on next use.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    return { db, backend: 'postgres', close: () => db.destroy() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: options.dataDir, parsers });
  await pglite.exec("set time zone 'UTC'");
  const db = new Kysely<Database>({ dialect: new SerialPGliteDialect(pglite) });
  return { db, backend: 'pglite', close: () => db.destroy() };
}
