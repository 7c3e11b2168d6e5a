import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, ServerSettings } from '../context.ts';
import { OidcRelyingParty, type OidcOutcome } from './oidc.ts';
import { randomToken, sha256 } from './sessions.ts';

/** How long a person may take at the identity provider. */
export const SIGN_IN_LIFETIME_MS = 10 * 60_000;

/**
 * The cookie that ties a sign-in in progress to the browser that started it, so a callback URL carried to another
 * browser (login CSRF) completes nothing. SameSite=Lax: it has to come along on the provider's cross-site redirect
 * back. With Secure the "__Host-" prefix also forbids a Domain attribute, so no sibling host can set it.
 */
export const flowCookieName = (settings: ServerSettings) => (settings.secureCookies ? '__Host-vagen_signin' : 'vagen_signin');
const flowCookieOptions = (settings: ServerSettings) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: settings.secureCookies });

export type SignInPurpose = 'client' | 'staff';

/** Records a new sign-in, sets its cookie and gives the provider's authorization URL to redirect to. */
export async function beginSignIn(deps: AppDeps, reply: FastifyReply, rp: OidcRelyingParty, purpose: SignInPurpose, returnTo: string): Promise<URL> {
  const checks = OidcRelyingParty.newChecks();
  // The provider's metadata first: if it cannot be reached nothing is stored.
  const url = await rp.authorizationUrl(checks);
  const flow = randomToken();
  await deps.db
    .insertInto('sign_in_flows')
    .values({
      flow_hash: sha256(flow),
      purpose,
      state: checks.state,
      nonce: checks.nonce,
      code_verifier: checks.codeVerifier,
      return_to: returnTo,
      created_at: deps.now().toISOString(),
    })
    .execute();
  reply.setCookie(flowCookieName(deps.settings), flow, { ...flowCookieOptions(deps.settings), maxAge: SIGN_IN_LIFETIME_MS / 1000 });
  return url;
}

export type SignInResult = (OidcOutcome & { ok: true; returnTo: string }) | { ok: false; reason: 'cancelled' | 'failed'; detail: string };

/**
 * Completes the sign-in this browser started: the flow is used up whatever happens, then the provider's answer is
 * checked against its state, nonce and PKCE verifier.
 */
export async function finishSignIn(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, rp: OidcRelyingParty, purpose: SignInPurpose): Promise<SignInResult> {
  const name = flowCookieName(deps.settings);
  const flow = request.cookies[name];
  reply.clearCookie(name, flowCookieOptions(deps.settings));
  if (!flow) return { ok: false, reason: 'failed', detail: 'no sign-in cookie' };
  const row = await deps.db.deleteFrom('sign_in_flows').where('flow_hash', '=', sha256(flow)).returning(['purpose', 'state', 'nonce', 'code_verifier', 'return_to', 'created_at']).executeTakeFirst();
  if (!row || row.purpose !== purpose) return { ok: false, reason: 'failed', detail: 'unknown sign-in' };
  if (deps.now().getTime() - new Date(row.created_at).getTime() > SIGN_IN_LIFETIME_MS) return { ok: false, reason: 'cancelled', detail: 'sign-in took too long' };
  const query = new URLSearchParams(request.url.split('?')[1] ?? '');
  const outcome = await rp.finish(query, { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier });
  return outcome.ok ? { ...outcome, returnTo: row.return_to } : outcome;
}
