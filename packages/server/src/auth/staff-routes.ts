import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { LoginBody, NoContent, ProblemResponse, Redirect, Session, SignInCallbackQuery, SignInMethods, SignInStartQuery, StaffSession } from '@vagen/contract';
import { ROLE_LABELS, isStaffRole } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { verifyPassword } from './passwords.ts';
import { endSession, startSession } from './sessions.ts';
import { beginSignIn, finishSignIn } from './sign-in-flow.ts';
import { HttpProblem, unauthorized } from '../errors.ts';
import type { RequestActor } from '../context.ts';

export const STAFF_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const STAFF_LOGIN_PAGE = '/logga-in';

/** Only our own staff pages may be returned to after a sign-in at the identity provider. */
function safeStaffReturnTo(value: string | undefined): string {
  return value && /^\/arenden(\/[\w\-/]*)?$/.test(value) ? value : '/';
}

/**
 * Staff sign-in: at the municipality's identity provider (OpenID Connect) when one is configured, and with a local
 * account (username and password) besides, as the fallback. Both end in the same startSession().
 */
export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/v1/auth/methods',
    {
      schema: { tags: ['inloggning'], summary: 'Sätt att logga in (personal)', response: { 200: SignInMethods } },
    },
    async () => ({ staffOidc: deps.staffOidc !== null }),
  );

  r.get(
    '/api/v1/auth/oidc/start',
    {
      schema: {
        tags: ['inloggning'],
        summary: 'Starta inloggning via kommunens identitetstjänst (personal)',
        querystring: SignInStartQuery,
        response: { 302: Redirect('Vidare till identitetstjänsten') },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      if (!deps.staffOidc) throw new HttpProblem(404, 'NOT_FOUND', 'Inloggning via kommunens identitetstjänst är inte inställd.');
      let url: URL;
      try {
        url = await beginSignIn(deps, reply, deps.staffOidc.rp, 'staff', safeStaffReturnTo(request.query.returnTo));
      } catch (err) {
        request.log.error({ err: err instanceof Error ? err.message : String(err) }, 'staff identity provider unreachable');
        return reply.redirect(`${STAFF_LOGIN_PAGE}?fel=tjanst`);
      }
      return reply.redirect(url.href);
    },
  );

  r.get(
    STAFF_CALLBACK_PATH,
    {
      schema: {
        tags: ['inloggning'],
        summary: 'Svar från kommunens identitetstjänst',
        querystring: SignInCallbackQuery,
        response: { 302: Redirect('Vidare till personalens sidor, eller till inloggningen med skälet') },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      if (!deps.staffOidc) throw new HttpProblem(404, 'NOT_FOUND', 'Inloggning via kommunens identitetstjänst är inte inställd.');
      const result = await finishSignIn(deps, request, reply, deps.staffOidc.rp, 'staff');
      if (!result.ok) {
        request.log.warn({ reason: result.reason, detail: result.detail }, 'staff sign-in not completed');
        return reply.redirect(`${STAFF_LOGIN_PAGE}?fel=${result.reason === 'cancelled' ? 'avbruten' : 'fel'}`);
      }
      const now = deps.now();
      const claimed = result.claims[deps.staffOidc.usernameClaim];
      const username = typeof claimed === 'string' ? claimed.trim().toLowerCase() : '';
      // Only existing accounts: the identity provider vouches for who someone is, Vägen decides what they may do.
      // The provider's name is the Vägen username unless the systemförvaltare linked another one (idp_username).
      const user = username
        ? await deps.db
            .selectFrom('staff_users')
            .select(['id', 'active', 'role'])
            .where((eb) => eb.or([eb('idp_username', '=', username), eb.and([eb('idp_username', 'is', null), eb('username', '=', username)])]))
            .executeTakeFirst()
        : undefined;
      if (!user) {
        await audit(deps.db, null, now, { action: 'auth.login', targetType: 'staffUser', outcome: 'denied', purpose: 'unknownUser' });
        return reply.redirect(`${STAFF_LOGIN_PAGE}?fel=okand`);
      }
      if (!user.active || !isStaffRole(user.role)) {
        await audit(deps.db, null, now, { action: 'auth.login', targetType: 'staffUser', targetId: user.id, outcome: 'denied', purpose: 'inactive' });
        return reply.redirect(`${STAFF_LOGIN_PAGE}?fel=inaktiv`);
      }
      await startSession(deps, reply, { kind: 'staff', id: user.id });
      await audit(deps.db, null, now, { action: 'auth.login', targetType: 'staffUser', targetId: user.id, outcome: 'success', purpose: 'oidc' });
      return reply.redirect(result.returnTo);
    },
  );

  r.post(
    '/api/v1/auth/login',
    {
      schema: { tags: ['inloggning'], summary: 'Logga in (personal)', body: LoginBody, response: { 200: StaffSession, '4xx': ProblemResponse } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const now = deps.now();
      const username = request.body.username.trim().toLowerCase();
      const user = await deps.db.selectFrom('staff_users').selectAll().where('username', '=', username).executeTakeFirst();
      const locked = user?.locked_until && new Date(user.locked_until).getTime() > now.getTime();
      if (locked) {
        await audit(deps.db, null, now, { action: 'auth.login', targetType: 'staffUser', targetId: user.id, outcome: 'denied', purpose: 'locked' });
        throw new HttpProblem(
          423,
          'LOCKED',
          `Kontot är tillfälligt låst efter för många misslyckade inloggningar. Försök igen om ${deps.settings.lockoutMinutes} minuter eller kontakta systemförvaltaren.`,
        );
      }
      const ok = await verifyPassword(user?.active ? user.password_hash : null, request.body.password);
      if (!user || !ok || !isStaffRole(user.role)) {
        if (user) {
          const failures = user.failed_logins + 1;
          const lock = failures >= deps.settings.maxFailedLogins;
          await deps.db
            .updateTable('staff_users')
            .set({
              failed_logins: lock ? 0 : failures,
              locked_until: lock ? new Date(now.getTime() + deps.settings.lockoutMinutes * 60_000).toISOString() : null,
            })
            .where('id', '=', user.id)
            .execute();
          await audit(deps.db, null, now, { action: 'auth.login', targetType: 'staffUser', targetId: user.id, outcome: 'failed' });
        }
        throw new HttpProblem(401, 'UNAUTHENTICATED', 'Fel användarnamn eller lösenord.');
      }
      await deps.db.updateTable('staff_users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
      const csrfToken = await startSession(deps, reply, { kind: 'staff', id: user.id });
      await audit(deps.db, null, now, { action: 'auth.login', targetType: 'staffUser', targetId: user.id, outcome: 'success' });
      return { kind: 'staff' as const, user: await staffProfile(app, user.id), csrfToken };
    },
  );

  r.post('/api/v1/auth/logout', { schema: { tags: ['inloggning'], summary: 'Logga ut', response: { 204: NoContent('Utloggad') } } }, async (request, reply) => {
    await endSession(deps, request, reply);
    return reply.status(204).send(null);
  });

  r.get(
    '/api/v1/auth/session',
    {
      schema: { tags: ['inloggning'], summary: 'Aktuell inloggning', response: { 200: Session, '4xx': ProblemResponse } },
    },
    async (request) => {
      const actor = request.actor;
      if (!actor) throw unauthorized();
      return sessionBody(app, actor);
    },
  );
}

async function sessionBody(app: FastifyInstance, actor: RequestActor): Promise<Session> {
  if (actor.kind === 'staff') return { kind: 'staff', user: await staffProfile(app, actor.userId), csrfToken: actor.csrfToken };
  const person = await app.deps.db.selectFrom('persons').select(['id', 'first_name', 'last_name']).where('id', '=', actor.personId).executeTakeFirstOrThrow();
  return { kind: 'client', person: { id: person.id, firstName: person.first_name, lastName: person.last_name }, csrfToken: actor.csrfToken };
}

export async function staffProfile(app: FastifyInstance, userId: string) {
  const { db } = app.deps;
  const user = await db
    .selectFrom('staff_users')
    .innerJoin('municipalities', 'municipalities.code', 'staff_users.municipality_code')
    .select(['staff_users.id', 'staff_users.display_name', 'staff_users.role', 'municipalities.code', 'municipalities.name'])
    .where('staff_users.id', '=', userId)
    .executeTakeFirstOrThrow();
  const units = await db
    .selectFrom('staff_units')
    .innerJoin('units', 'units.id', 'staff_units.unit_id')
    .select(['units.id', 'units.name'])
    .where('staff_units.user_id', '=', userId)
    .orderBy('units.name')
    .execute();
  return {
    id: user.id,
    displayName: user.display_name,
    role: user.role,
    roleLabel: isStaffRole(user.role) ? ROLE_LABELS[user.role] : user.role,
    municipality: { code: user.code, name: user.name },
    units,
  };
}
