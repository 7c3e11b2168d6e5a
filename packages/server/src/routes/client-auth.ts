import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { audit } from '../audit.ts';
import { LocalTestEid } from '../auth/eid.ts';
import { randomToken, sha256, startSession } from '../auth/sessions.ts';

const CALLBACK_PATH = '/api/v1/client-auth/callback';
const STATE_LIFETIME_MS = 10 * 60_000;

/** Only paths of our own client side may be returned to (no open redirect). */
function safeReturnTo(value: string | undefined): string {
  return value && /^\/mina-sidor(\/[\w\-/]*)?$/.test(value) ? value : '/mina-sidor';
}

export async function clientAuthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get('/api/v1/client-auth/start', {
    schema: { tags: ['inloggning'], summary: 'Starta inloggning med e-legitimation (sökande)', querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 200 })) }) },
  }, async (request, reply) => {
    const state = randomToken();
    const nonce = randomToken();
    await deps.db
      .insertInto('oidc_states')
      .values({ state_hash: sha256(state), nonce, return_to: safeReturnTo(request.query.returnTo), created_at: deps.now().toISOString() })
      .execute();
    return reply.redirect(deps.eid.authorizationUrl({ state, nonce, redirectUri: CALLBACK_PATH }));
  });

  r.get(CALLBACK_PATH, {
    schema: {
      tags: ['inloggning'],
      summary: 'Svar från e-legitimationen',
      querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }), state: Type.String({ minLength: 1, maxLength: 200 }) }),
    },
  }, async (request, reply) => {
    const now = deps.now();
    const stateRow = await deps.db
      .deleteFrom('oidc_states')
      .where('state_hash', '=', sha256(request.query.state))
      .returning(['nonce', 'return_to', 'created_at'])
      .executeTakeFirst();
    if (!stateRow || now.getTime() - new Date(stateRow.created_at).getTime() > STATE_LIFETIME_MS) {
      return reply.redirect('/mina-sidor/logga-in?fel=avbruten');
    }
    const identified = await deps.eid.exchangeCode(request.query.code, stateRow.nonce, now);
    if (!identified) return reply.redirect('/mina-sidor/logga-in?fel=avbruten');
    const person = await deps.db.selectFrom('persons').select('id').where('personnummer', '=', identified.personnummer).executeTakeFirst();
    if (!person) return reply.redirect('/mina-sidor/logga-in?fel=okand');
    await startSession(deps, reply, { kind: 'client', id: person.id });
    await audit(deps.db, { kind: 'client', personId: person.id, csrfToken: '', sessionHash: '' }, now, {
      action: 'auth.login', targetType: 'person', targetId: person.id, personId: person.id, outcome: 'success',
    });
    return reply.redirect(stateRow.return_to);
  });

  // The local test e-ID provider's own pages (stand-in for BankID); absent when a real broker is configured.
  if (deps.eid instanceof LocalTestEid) {
    const eid = deps.eid;
    const AuthorizeQuery = Type.Object({
      state: Type.String({ minLength: 1, maxLength: 200 }),
      nonce: Type.String({ minLength: 1, maxLength: 200 }),
      redirect_uri: Type.Literal(CALLBACK_PATH),
      response_type: Type.Optional(Type.String({ maxLength: 20 })),
      client_id: Type.Optional(Type.String({ maxLength: 50 })),
      scope: Type.Optional(Type.String({ maxLength: 50 })),
    });
    r.get('/eid/authorize', { schema: { hide: true, querystring: AuthorizeQuery } }, async (request, reply) => {
      return reply.type('text/html; charset=utf-8').send(eidPage(request.query.state, request.query.nonce, null));
    });
    r.post('/eid/authorize', {
      schema: {
        hide: true,
        body: Type.Object({
          state: Type.String({ minLength: 1, maxLength: 200 }),
          nonce: Type.String({ minLength: 1, maxLength: 200 }),
          personnummer: Type.String({ maxLength: 40 }),
        }),
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    }, async (request, reply) => {
      const issued = await eid.issueCode(request.body.personnummer, request.body.nonce, deps.now());
      if (!issued.ok) return reply.status(400).type('text/html; charset=utf-8').send(eidPage(request.body.state, request.body.nonce, issued.message));
      const q = new URLSearchParams({ code: issued.code, state: request.body.state });
      return reply.redirect(`${CALLBACK_PATH}?${q.toString()}`);
    });
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function eidPage(state: string, nonce: string, error: string | null): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${error ? 'Fel – ' : ''}Test-legitimering – Vägen</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f23; line-height: 1.5; }
  main { max-width: 32rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; border: 1px solid #c9d1d9; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  input { font-size: 1.1rem; padding: .5rem; width: 100%; box-sizing: border-box; border: 2px solid #57606a; border-radius: 4px; }
  button { margin-top: 1rem; font-size: 1.1rem; padding: .6rem 1.2rem; background: #0b5394; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  :focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
  .error { color: #a40e26; font-weight: 600; }
  .note { background: #fff8c5; border: 1px solid #9a6700; padding: .75rem; border-radius: 4px; }
</style>
</head>
<body>
<main>
<h1>Test-legitimering</h1>
<p class="note">Det här är en testtjänst som ersätter BankID när Vägen körs för utveckling och demonstration. Använd aldrig riktiga personuppgifter här.</p>
<form method="post" action="/eid/authorize">
  <input type="hidden" name="state" value="${escapeHtml(state)}">
  <input type="hidden" name="nonce" value="${escapeHtml(nonce)}">
  <label for="personnummer">Personnummer</label>
  <p id="pnr-hint">Skriv 12 siffror, till exempel 19850412-1234.</p>
  ${error ? `<p id="pnr-error" class="error" role="alert">${escapeHtml(error)}</p>` : ''}
  <input id="personnummer" name="personnummer" autocomplete="off" inputmode="numeric" required
    aria-describedby="pnr-hint${error ? ' pnr-error' : ''}"${error ? ' aria-invalid="true"' : ''}>
  <button type="submit">Legitimera</button>
</form>
</main>
</body>
</html>`;
}
