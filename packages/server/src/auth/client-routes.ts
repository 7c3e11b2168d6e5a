import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Redirect, SignInCallbackQuery, SignInStartQuery } from '@vagen/contract';
import { parsePersonnummer, swedishDate } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { PERSONAL_IDENTITY_NUMBER_CLAIM } from './oidc.ts';
import { startSession } from './sessions.ts';
import { beginSignIn, finishSignIn } from './sign-in-flow.ts';
import { HttpProblem } from '../errors.ts';

export const CLIENT_CALLBACK_PATH = '/api/v1/client-auth/callback';
const LOGIN_PAGE = '/mina-sidor/logga-in';

/** Only paths of our own client side may be returned to (no open redirect). */
function safeReturnTo(value: string | undefined): string {
  return value && /^\/mina-sidor(\/[\w\-/]*)?$/.test(value) ? value : '/mina-sidor';
}

/**
 * Clients sign in with e-ID through an OpenID Connect provider (the municipality's e-ID broker for BankID and
 * Freja). The personnummer comes from the ID token's claim of the Swedish OIDC profile; a person Vägen does not know
 * gets no session.
 */
export async function clientAuthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/v1/client-auth/start',
    {
      schema: { tags: ['inloggning'], summary: 'Starta inloggning med e-legitimation (sökande)', querystring: SignInStartQuery, response: { 302: Redirect('Vidare till e-legitimationen') } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      if (!deps.eid) throw new HttpProblem(503, 'NOT_CONFIGURED', 'Inloggning med e-legitimation är inte tillgänglig.');
      let url: URL;
      try {
        url = await beginSignIn(deps, reply, deps.eid, 'client', safeReturnTo(request.query.returnTo));
      } catch (err) {
        request.log.error({ err: err instanceof Error ? err.message : String(err) }, 'e-ID provider unreachable');
        return reply.redirect(`${LOGIN_PAGE}?fel=tjanst`);
      }
      return reply.redirect(url.href);
    },
  );

  r.get(
    CLIENT_CALLBACK_PATH,
    {
      schema: {
        tags: ['inloggning'],
        summary: 'Svar från e-legitimationen',
        querystring: SignInCallbackQuery,
        response: { 302: Redirect('Vidare till Mina sidor, eller till inloggningen med skälet') },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      if (!deps.eid) throw new HttpProblem(503, 'NOT_CONFIGURED', 'Inloggning med e-legitimation är inte tillgänglig.');
      const result = await finishSignIn(deps, request, reply, deps.eid, 'client');
      if (!result.ok) {
        request.log.warn({ reason: result.reason, detail: result.detail }, 'client sign-in not completed');
        return reply.redirect(`${LOGIN_PAGE}?fel=avbruten`);
      }
      const now = deps.now();
      const parsed = parsePersonnummer(result.claims[PERSONAL_IDENTITY_NUMBER_CLAIM], swedishDate(now));
      if (!parsed.ok) {
        // The provider vouched for someone without a usable personnummer: nothing to match, and nothing of it is logged.
        request.log.warn('client sign-in: the ID token has no valid personnummer');
        return reply.redirect(`${LOGIN_PAGE}?fel=fel`);
      }
      const person = await deps.db.selectFrom('persons').select('id').where('personnummer', '=', parsed.value.value).executeTakeFirst();
      if (!person) return reply.redirect(`${LOGIN_PAGE}?fel=okand`);
      await startSession(deps, reply, { kind: 'client', id: person.id });
      await audit(deps.db, { kind: 'client', personId: person.id, csrfToken: '', sessionHash: '' }, now, {
        action: 'auth.login',
        targetType: 'person',
        targetId: person.id,
        personId: person.id,
        outcome: 'success',
      });
      return reply.redirect(result.returnTo);
    },
  );
}
