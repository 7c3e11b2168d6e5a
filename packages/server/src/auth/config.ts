import { NATURAL_PERSON_NUMBER_SCOPE, type OidcClientSettings } from './oidc.ts';

/** Staff sign-in at the municipality's identity provider: which claim names the Vägen user (staff_users.username). */
export interface StaffOidcSettings extends OidcClientSettings {
  usernameClaim: string;
}

export interface SignInSettings {
  /** The client e-ID (an e-ID broker for BankID/Freja). */
  eid: OidcClientSettings | null;
  /** The municipality's identity provider for staff; local accounts remain besides it. */
  staff: StaffOidcSettings | null;
}

export type ProductionConfig =
  | { ok: true; signIn: SignInSettings; secureCookies: boolean; demo: boolean }
  /** Each problem in Swedish, then in English. */
  | { ok: false; problems: string[] };

type Env = Record<string, string | undefined>;

function readClient(env: Env, prefix: string, defaultScope: string, problems: string[]): OidcClientSettings | null {
  const names = ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'REDIRECT_URI'].map((n) => `${prefix}_${n}`);
  const values = names.map((n) => env[n]?.trim() ?? '');
  if (values.every((v) => !v)) return null;
  const missing = names.filter((_, i) => !values[i]);
  if (missing.length) {
    problems.push(`${missing.join(', ')} saknas: ange alla fyra ${prefix}_*-variablerna. / ${missing.join(', ')} missing: set all four ${prefix}_* variables.`);
    return null;
  }
  const [issuer, clientId, clientSecret, redirectUri] = values as [string, string, string, string];
  for (const [name, value] of [
    [names[0]!, issuer],
    [names[3]!, redirectUri],
  ] as const) {
    if (!URL.canParse(value)) problems.push(`${name} är ingen giltig URL. / ${name} is not a valid URL.`);
  }
  return { issuer, clientId, clientSecret, redirectUri, scope: env[`${prefix}_SCOPE`]?.trim() || defaultScope };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

function requireProductionGrade(name: string, settings: OidcClientSettings, problems: string[]) {
  if (!URL.canParse(settings.issuer) || !URL.canParse(settings.redirectUri)) return;
  const issuer = new URL(settings.issuer);
  if (issuer.protocol !== 'https:') {
    problems.push(
      `${name}: utfärdaren ${settings.issuer} använder inte https. Bara en demo (VAGEN_DEMO=true) får logga in via http. / ${name}: the issuer ${settings.issuer} is not https. Only a demo (VAGEN_DEMO=true) may sign in over http.`,
    );
  } else if (LOCAL_HOSTS.has(issuer.hostname)) {
    problems.push(
      `${name}: utfärdaren ${settings.issuer} är den lokala testinloggningen, som inte kontrollerar vem någon är. / ${name}: the issuer ${settings.issuer} is the local test sign-in, which identifies nobody.`,
    );
  }
  if (new URL(settings.redirectUri).protocol !== 'https:') {
    problems.push(`${name}: återkomstadressen ${settings.redirectUri} använder inte https. / ${name}: the redirect URI ${settings.redirectUri} is not https.`);
  }
}

/**
 * Reads sign-in from the environment and refuses what is unsafe in production: no client e-ID, or an e-ID or staff
 * provider that is the local test provider or plain http, or cookies without Secure. VAGEN_DEMO=true lifts these
 * (a demo on http://localhost signs in at the local test provider).
 *
 * Client e-ID: VAGEN_EID_ISSUER, VAGEN_EID_CLIENT_ID, VAGEN_EID_CLIENT_SECRET, VAGEN_EID_REDIRECT_URI
 * (https://…/api/v1/client-auth/callback), optionally VAGEN_EID_SCOPE.
 * Staff: VAGEN_STAFF_OIDC_ISSUER, VAGEN_STAFF_OIDC_CLIENT_ID, VAGEN_STAFF_OIDC_CLIENT_SECRET,
 * VAGEN_STAFF_OIDC_REDIRECT_URI (https://…/api/v1/auth/oidc/callback), optionally VAGEN_STAFF_OIDC_SCOPE and
 * VAGEN_STAFF_OIDC_USERNAME_CLAIM (default preferred_username).
 */
export function productionConfig(env: Env): ProductionConfig {
  const problems: string[] = [];
  const demo = env.VAGEN_DEMO === 'true';
  const eid = readClient(env, 'VAGEN_EID', `openid profile ${NATURAL_PERSON_NUMBER_SCOPE}`, problems);
  const staffClient = readClient(env, 'VAGEN_STAFF_OIDC', 'openid profile', problems);
  const staff = staffClient ? { ...staffClient, usernameClaim: env.VAGEN_STAFF_OIDC_USERNAME_CLAIM?.trim() || 'preferred_username' } : null;
  if (!demo) {
    if (!eid && !problems.length) {
      problems.push(
        'Ingen e-legitimation för sökande är inställd (VAGEN_EID_ISSUER m.fl.). Utan den kan ingen sökande logga in säkert. Sätt VAGEN_DEMO=true bara för en demo. / No client e-ID is configured (VAGEN_EID_ISSUER etc.). Set VAGEN_DEMO=true only for a demo.',
      );
    }
    if (eid) requireProductionGrade('VAGEN_EID', eid, problems);
    if (staff) requireProductionGrade('VAGEN_STAFF_OIDC', staff, problems);
    if (env.SECURE_COOKIES === 'false') {
      problems.push(
        'SECURE_COOKIES=false är bara tillåtet i en demo; i drift skickas kakor bara över https. / SECURE_COOKIES=false is only allowed in a demo; in production cookies travel over https only.',
      );
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, signIn: { eid, staff }, secureCookies: demo ? env.SECURE_COOKIES !== 'false' : true, demo };
}
