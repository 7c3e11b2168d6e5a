import * as oidc from 'openid-client';

/** The Swedish OpenID Connect profile's claim with the personnummer (12 digits) and the scope that asks for it. */
export const PERSONAL_IDENTITY_NUMBER_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
export const NATURAL_PERSON_NUMBER_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';

/** One OpenID Connect client registration: Vägen at an identity provider. */
export interface OidcClientSettings {
  /** The provider's issuer URL; its /.well-known/openid-configuration is read on first use. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Vägen's callback, absolute, exactly as registered at the provider. */
  redirectUri: string;
  /** Space-separated scopes to ask for. */
  scope: string;
}

export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type OidcOutcome =
  | { ok: true; claims: Record<string, unknown> }
  /** cancelled: the person stopped at the provider; failed: anything else (the detail is for the log, never for the person). */
  | { ok: false; reason: 'cancelled' | 'failed'; detail: string };

/**
 * A relying party for the authorization code flow with PKCE, state and nonce; openid-client checks the
 * authorization response and validates the ID token (signature against the provider's keys, issuer, audience,
 * expiry, nonce).
 */
export class OidcRelyingParty {
  #configuration: Promise<oidc.Configuration> | null = null;
  constructor(readonly settings: OidcClientSettings) {}

  /** The provider's metadata, fetched once; a failed fetch is retried on the next sign-in. */
  private configuration(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    // Plain http is only reached in a demo: the production entry refuses such an issuer.
    const insecure = new URL(issuer).protocol === 'http:';
    this.#configuration ??= oidc
      .discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(clientSecret), insecure ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((err: unknown) => {
        this.#configuration = null;
        throw err;
      });
    return this.#configuration;
  }

  static newChecks(): FlowChecks {
    return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  }

  async authorizationUrl(checks: FlowChecks): Promise<URL> {
    const config = await this.configuration();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Checks the provider's answer (the callback's query string) and exchanges the code for the ID token's claims. */
  async finish(callbackQuery: URLSearchParams, checks: FlowChecks): Promise<OidcOutcome> {
    const current = new URL(this.settings.redirectUri);
    current.search = callbackQuery.toString();
    try {
      const config = await this.configuration();
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) return { ok: false, reason: 'failed', detail: 'no ID token' };
      return { ok: true, claims: { ...claims } };
    } catch (err) {
      if (err instanceof oidc.AuthorizationResponseError && err.error === 'access_denied') {
        return { ok: false, reason: 'cancelled', detail: err.error };
      }
      const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : '';
      return { ok: false, reason: 'failed', detail: `${code} ${err instanceof Error ? err.message : String(err)}`.trim() };
    }
  }
}
