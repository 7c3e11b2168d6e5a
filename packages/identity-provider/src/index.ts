/// <reference path="./oidc-provider.d.ts" />
/**
 * A local OpenID Connect provider: the stand-in for the e-ID broker (BankID/Freja) and for the municipality's staff
 * identity provider when Vägen runs for development, demonstration and tests. Vägen signs in against it exactly as it
 * does against the real ones, so the code path that is tested is the production one.
 *
 * It identifies nobody: whoever opens its page can type any personnummer or username. It must therefore never be
 * reachable in production, and Vägen's production entry refuses an http:// issuer unless told it is a demo.
 */
import { generateKeyPair, randomBytes, createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { interactionPolicy, type AdapterPayload, type KoaContextLike } from 'oidc-provider';
import { memoryAdapterFactory } from './adapter.ts';
import { PAGE_CSP, errorPage, signInPage, type ClientKind } from './pages.ts';
import { normalisePersonnummer } from './personnummer.ts';

export type { ClientKind } from './pages.ts';

/** The claim of the Swedish OpenID Connect profile that carries a personnummer (12 digits, YYYYMMDDNNNN). */
export const PERSONAL_IDENTITY_NUMBER_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
/** The Swedish profile's scope that asks for the personnummer. */
export const NATURAL_PERSON_NUMBER_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';

export interface IdentityProviderClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** "eid": the page asks for a personnummer (clients); "staff": for a username (municipal staff). */
  kind: ClientKind;
  /** Shown on the sign-in page ("Du loggar in till …"). */
  name?: string;
}

export interface PersonName {
  givenName: string;
  familyName: string;
}

export interface IdentityProviderOptions {
  /** 0 picks a free port. */
  port: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** The issuer URL browsers and Vägen use (default http://localhost:<port>). */
  publicUrl?: string;
  clients?: IdentityProviderClient[];
  /** Names sent with a personnummer (given_name, family_name); default "Test" "Testsson". */
  nameOf?: (personnummer: string) => PersonName | undefined | Promise<PersonName | undefined>;
}

export interface RunningIdentityProvider {
  /** The issuer URL; its /.well-known/openid-configuration describes the provider. */
  issuer: string;
  /** Registers another client, e.g. once the relying party knows its own address. */
  addClient(client: IdentityProviderClient): void;
  /** Lets the process end while the provider still listens (tests). */
  unref(): void;
  close(): Promise<void>;
}

const MAX_FORM_BYTES = 10_000;

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<RunningIdentityProvider> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/$/, '');

  const clientMetadata = new Map<string, AdapterPayload>();
  const clientInfo = new Map<string, { kind: ClientKind; name: string }>();
  const addClient = (client: IdentityProviderClient) => {
    clientMetadata.set(client.clientId, {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      client_name: client.name ?? client.clientId,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
    clientInfo.set(client.clientId, { kind: client.kind, name: client.name ?? 'Vägen' });
  };
  for (const client of options.clients ?? []) addClient(client);

  /** Claims of the people who signed in, by account id. */
  const accounts = new Map<string, Record<string, string>>();
  const nameOf = options.nameOf ?? (() => ({ givenName: 'Test', familyName: 'Testsson' }));

  // A fresh signing key every start: nothing secret is kept in the source or on disk.
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };

  // A stand-in asks every time: a sign-in never silently reuses the previous person's session here.
  const policy = interactionPolicy.base();
  policy
    .get('login')
    ?.checks.push(
      new interactionPolicy.Check('fresh_sign_in', 'the stand-in identifies anew for every sign-in', (ctx) =>
        ctx.oidc.result && 'login' in ctx.oidc.result ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );

  const provider: Provider = new Provider(issuer, {
    adapter: memoryAdapterFactory(clientMetadata),
    clients: [],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      [NATURAL_PERSON_NUMBER_SCOPE]: [PERSONAL_IDENTITY_NUMBER_CLAIM],
    },
    // The Swedish profile delivers the identity in the ID token itself.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    // Lifetimes in seconds. A sign-in is a short errand; nothing here needs to outlive it for long.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 300, IdToken: 300 },
    pkce: { methods: ['S256'], required: () => true },
    // End-session stays on: it is how the provider lets the next person sign in in a browser that still holds the
    // previous person's session (it ends that session first).
    features: { devInteractions: { enabled: false } },
    interactions: { policy, url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const claims = accounts.get(id);
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
    // Vägen is a first-party client: it gets what it asks for without a consent page.
    async loadExistingGrant(ctx: KoaContextLike) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await provider.Grant.find(grantId) : undefined;
      // A grant from an earlier sign-in in the same browser may belong to someone else.
      if (existing && existing.accountId === session.accountId && existing.clientId === client.clientId) return existing;
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(`openid profile ${NATURAL_PERSON_NUMBER_SCOPE}`);
      await grant.save();
      return grant;
    },
    async renderError(ctx: { type: string; body: string }, out: { error_description?: string }) {
      ctx.type = 'html';
      ctx.body = errorPage(out.error_description ?? 'Något gick fel.');
    },
  });
  const providerCallback = provider.callback();

  function send(res: ServerResponse, status: number, html: string) {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(html);
  }

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    let details: Awaited<ReturnType<typeof provider.interactionDetails>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      return send(res, 400, errorPage('Inloggningen har gått ut eller är redan avslutad.'));
    }
    if (details.uid !== uid) return send(res, 400, errorPage('Inloggningen har gått ut eller är redan avslutad.'));
    const info = clientInfo.get(String(details.params.client_id));
    if (!info) return send(res, 400, errorPage('Tjänsten som bad om inloggningen är okänd.'));
    const render = (status: number, extra: { value?: string; error?: string } = {}) => send(res, status, signInPage({ kind: info.kind, uid, serviceName: info.name, ...extra }));

    if (req.method === 'GET' && !action) return render(200);
    if (req.method !== 'POST' || (action !== 'login' && action !== 'abort')) return send(res, 405, errorPage('Det går inte att göra så här.'));
    const form = await readForm(req);
    if (!form) return send(res, 413, errorPage('Formuläret var för stort.'));
    if (action === 'abort') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Inloggningen avbröts.' }, { mergeWithLastSubmission: false });
    }
    let accountId: string;
    if (info.kind === 'eid') {
      const typed = form.get('personnummer') ?? '';
      const personnummer = normalisePersonnummer(typed);
      if (!personnummer) {
        return render(400, { value: typed, error: typed.trim() ? 'Det är inte ett giltigt personnummer. Skriv 12 siffror, till exempel 19850412-1234.' : 'Skriv ett personnummer.' });
      }
      const name = (await nameOf(personnummer)) ?? { givenName: 'Test', familyName: 'Testsson' };
      // A pseudonymous subject, as the brokers give: the personnummer travels only in its own claim.
      accountId = `eid-${createHash('sha256').update(personnummer).digest('hex').slice(0, 24)}`;
      accounts.set(accountId, {
        [PERSONAL_IDENTITY_NUMBER_CLAIM]: personnummer,
        given_name: name.givenName,
        family_name: name.familyName,
        name: `${name.givenName} ${name.familyName}`,
      });
    } else {
      const typed = form.get('username') ?? '';
      const username = typed.trim().toLowerCase();
      if (!/^[\p{L}\p{N}._@-]{1,100}$/u.test(username)) {
        return render(400, { value: typed, error: username ? 'Användarnamnet får bara innehålla bokstäver, siffror och . _ @ -' : 'Skriv ditt användarnamn.' });
      }
      accountId = `staff-${username}`;
      accounts.set(accountId, { preferred_username: username, name: username });
    }
    return provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const m = /^\/interaction\/([\w-]{1,100})(?:\/(\w+))?$/.exec(path);
    if (!m) return providerCallback(req, res);
    interaction(req, res, m[1]!, m[2]).catch(() => {
      if (!res.headersSent) send(res, 500, errorPage('Något gick fel i testtjänsten.'));
      else res.end();
    });
  });

  return {
    issuer,
    addClient,
    unref: () => {
      server.unref();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
