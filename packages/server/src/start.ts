import { connect, migrateToLatest, type DatabaseHandle } from '@vagen/db';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from './app.ts';
import type { SignInSettings } from './auth/config.ts';
import { OidcRelyingParty } from './auth/oidc.ts';
import { DEFAULT_SETTINGS, type AppDeps, type ServerSettings } from './context.ts';
import { startJobWorker } from './jobs-worker.ts';

export interface StartOptions {
  port: number;
  host?: string;
  /** postgres://… ; otherwise embedded PGlite in dataDir (or in memory when dataDir is omitted). */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  logger?: boolean;
  jobs?: boolean;
  settings?: Partial<ServerSettings>;
  /** The identity providers; without a client e-ID no client can sign in. */
  signIn?: SignInSettings;
  now?: () => Date;
  /**
   * Runs after migrations and before the server listens, e.g. to seed demo data (tools/src/demo.ts passes the
   * demo seeder; the server itself never creates demo data).
   */
  beforeListen?: (handle: DatabaseHandle) => Promise<void>;
}

export interface RunningVagen {
  url: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The relying parties for the configured providers (their metadata is fetched on first use). */
export function relyingParties(signIn: SignInSettings | undefined): Pick<AppDeps, 'eid' | 'staffOidc'> {
  return {
    eid: signIn?.eid ? new OidcRelyingParty(signIn.eid) : null,
    staffOidc: signIn?.staff ? { rp: new OidcRelyingParty(signIn.staff), usernameClaim: signIn.staff.usernameClaim } : null,
  };
}

/** Connects, migrates, builds and listens. close() stops taking requests, finishes those in flight, then the jobs and the database. */
export async function startVagen(options: StartOptions): Promise<RunningVagen> {
  const database = await connect({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  await migrateToLatest(database.db);
  await options.beforeListen?.(database);
  const deps: AppDeps = {
    db: database.db,
    backend: database.backend,
    now: options.now ?? (() => new Date()),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    ...relyingParties(options.signIn),
  };
  // Logs go to stdout without a write per line: lines that arrive while a write is under way are written together.
  const logStream = options.logger ? pino.destination({ dest: 1, sync: false }) : undefined;
  const app = await buildApp(deps, { logger: options.logger ?? false, logStream, trustProxy: process.env.TRUST_PROXY || undefined });
  const stopJobs = options.jobs === false ? async () => {} : startJobWorker(deps, app.log);
  const address = await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  let closing: Promise<void> | null = null;
  return {
    url: address.replace('[::1]', 'localhost'),
    app,
    database,
    close() {
      closing ??= (async () => {
        await app.close();
        await stopJobs();
        await database.close();
        logStream?.flushSync();
      })();
      return closing;
    },
  };
}
