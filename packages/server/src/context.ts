import type { Actor, StaffRole } from '@vagen/domain';
import type { Backend, Database } from '@vagen/db';
import type { Kysely } from 'kysely';
import type { OidcRelyingParty } from './auth/oidc.ts';

export interface ServerSettings {
  /** Minutes without activity before a session ends. */
  idleTimeoutMinutes: number;
  /** Hours after sign-in when a session ends regardless of activity. */
  absoluteTimeoutHours: number;
  /** Failed sign-ins in a row before the account is locked. */
  maxFailedLogins: number;
  lockoutMinutes: number;
  /**
   * Secure cookies, with the "__Host-" prefix. On everywhere (a production installation is served over https, also
   * behind a proxy that ends TLS); only a demo on http://localhost turns it off.
   */
  secureCookies: boolean;
  /**
   * How long (ms) a process reuses a session it has just looked up, so that the several requests a page makes at
   * once cost one lookup. A sign-out in the same process takes effect at once; one in another process, or a
   * deactivated account, within this time. 0 = look up on every request.
   */
  sessionCacheMs: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 10,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  secureCookies: true,
  sessionCacheMs: 1000,
};

export interface AppDeps {
  db: Kysely<Database>;
  backend: Backend;
  /** The only clock of the server; tests pass their own. */
  now: () => Date;
  settings: ServerSettings;
  /** The client e-ID (OpenID Connect at an e-ID broker); null when not configured, then clients cannot sign in. */
  eid: OidcRelyingParty | null;
  /** Staff sign-in at the municipality's identity provider; null when only local accounts are used. */
  staffOidc: { rp: OidcRelyingParty; usernameClaim: string } | null;
}

/** The signed-in party of a request, with what the handlers need for display and audit. */
export type RequestActor =
  | (Extract<Actor, { kind: 'staff' }> & { displayName: string; csrfToken: string; sessionHash: string })
  | (Extract<Actor, { kind: 'client' }> & { csrfToken: string; sessionHash: string });

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type { StaffRole };
