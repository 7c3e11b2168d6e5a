import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { queryTemplate, type Database } from '@vagen/db';
import { isStaffRole } from '@vagen/domain';
import type { AppDeps, RequestActor, ServerSettings } from '../context.ts';
import { HttpProblem, unauthorized } from '../errors.ts';

/**
 * The session cookie. With Secure (every installation but a demo on http://localhost) it carries the "__Host-"
 * prefix: browsers then insist on Secure, Path=/ and no Domain, so no other host under the same domain can set it.
 */
export const sessionCookieName = (settings: ServerSettings) => (settings.secureCookies ? '__Host-vagen_session' : 'vagen_session');
const sessionCookieOptions = (settings: ServerSettings) => ({ path: '/', httpOnly: true, sameSite: 'strict' as const, secure: settings.secureCookies });

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

/** Creates a server-side session and sets its cookie. Returns the CSRF token the client must echo. */
export async function startSession(deps: AppDeps, reply: FastifyReply, subject: { kind: 'staff' | 'client'; id: string }): Promise<string> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = deps.now();
  await deps.db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      subject_kind: subject.kind,
      subject_id: subject.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + deps.settings.absoluteTimeoutHours * 3_600_000).toISOString(),
    })
    .execute();
  reply.setCookie(sessionCookieName(deps.settings), token, sessionCookieOptions(deps.settings));
  return csrfToken;
}

export async function endSession(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[sessionCookieName(deps.settings)];
  if (token) {
    sessionCacheOf(deps).delete(sha256(token));
    await deps.db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
  }
  reply.clearCookie(sessionCookieName(deps.settings), sessionCookieOptions(deps.settings));
}

const sessionQuery = queryTemplate((db: Kysely<Database>, v: { hash: string }) =>
  db
    .selectFrom('sessions')
    .leftJoin('staff_users as u', (j) => j.onRef('u.id', '=', 'sessions.subject_id').on('sessions.subject_kind', '=', 'staff'))
    .select(['sessions.subject_kind', 'sessions.subject_id', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at', 'u.role', 'u.display_name', 'u.municipality_code', 'u.active'])
    .select((eb) => eb.selectFrom('staff_units').select(sql<string>`string_agg(staff_units.unit_id::text, ',')`.as('ids')).whereRef('staff_units.user_id', '=', 'u.id').as('unit_ids'))
    .where('sessions.token_hash', '=', v.hash),
);

type SessionRow = NonNullable<Awaited<ReturnType<typeof lookUpSession>>>;
async function lookUpSession(deps: AppDeps, hash: string) {
  return (await deps.db.executeQuery(sessionQuery(deps.db, 'session', { hash }))).rows[0];
}

/** Sessions this process looked up less than settings.sessionCacheMs ago (monotonic clock), per installation. */
const sessionCaches = new WeakMap<AppDeps, Map<string, { row: SessionRow; at: number }>>();
const SESSION_CACHE_MAX = 10_000;
function sessionCacheOf(deps: AppDeps) {
  let cache = sessionCaches.get(deps);
  if (!cache) {
    cache = new Map();
    sessionCaches.set(deps, cache);
  }
  return cache;
}

/**
 * Forgets this process's cached sessions of one person, so a change to their account (deactivation) holds for their
 * next request here at once; other processes see it within sessionCacheMs.
 */
export function forgetCachedSessionsOf(deps: AppDeps, subjectId: string): void {
  const cache = sessionCacheOf(deps);
  for (const [hash, entry] of cache) if (entry.row.subject_id === subjectId) cache.delete(hash);
}

async function currentSession(deps: AppDeps, hash: string): Promise<SessionRow | undefined> {
  const ttl = deps.settings.sessionCacheMs;
  const cache = sessionCacheOf(deps);
  const hit = cache.get(hash);
  if (hit && performance.now() - hit.at < ttl) return hit.row;
  const row = await lookUpSession(deps, hash);
  if (!row || ttl <= 0) {
    cache.delete(hash);
    return row;
  }
  if (cache.size >= SESSION_CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(hash, { row, at: performance.now() });
  return row;
}

/** Resolves the cookie to an actor; expired sessions (idle or absolute) are removed. */
export async function loadActor(deps: AppDeps, token: string | undefined): Promise<RequestActor | null> {
  if (!token) return null;
  const hash = sha256(token);
  // One round trip for the session, its staff user and their units, shared by the requests of the next moment.
  const session = await currentSession(deps, hash);
  if (!session) return null;
  const now = deps.now();
  const idleLimit = new Date(session.last_seen_at).getTime() + deps.settings.idleTimeoutMinutes * 60_000;
  if (now.getTime() >= new Date(session.expires_at).getTime() || now.getTime() >= idleLimit) {
    sessionCacheOf(deps).delete(hash);
    await deps.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  // Touch at most once a minute to keep writes off the hot path.
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
    await deps.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash).execute();
    session.last_seen_at = now.toISOString(); // the cached copy too, so the next requests do not touch again
  }
  if (session.subject_kind === 'client') {
    return { kind: 'client', personId: session.subject_id, csrfToken: session.csrf_token, sessionHash: hash };
  }
  const { role, active, municipality_code: municipality, display_name: displayName } = session;
  if (!active || !role || !municipality || displayName === null || !isStaffRole(role)) return null;
  return {
    kind: 'staff',
    userId: session.subject_id,
    role,
    municipality,
    unitIds: session.unit_ids ? session.unit_ids.split(',') : [],
    displayName,
    csrfToken: session.csrf_token,
    sessionHash: hash,
  };
}

export function requireStaff(request: FastifyRequest): Extract<RequestActor, { kind: 'staff' }> {
  const actor = request.actor;
  if (!actor) throw unauthorized();
  if (actor.kind !== 'staff') throw new HttpProblem(403, 'FORBIDDEN', 'Den här delen är bara för personal.');
  return actor;
}

export function requireClient(request: FastifyRequest): Extract<RequestActor, { kind: 'client' }> {
  const actor = request.actor;
  if (!actor) throw unauthorized();
  if (actor.kind !== 'client') throw new HttpProblem(403, 'FORBIDDEN', 'Den här delen är bara för sökande.');
  return actor;
}
