import { randomBytes } from 'node:crypto';
import { swedishDate } from '@vagen/domain';
import { startIdentityProvider, type IdentityProviderClient, type RunningIdentityProvider } from '@vagen/identity-provider';
import { startVagen, relyingParties, type RunningVagen, type StartOptions } from '@vagen/server/start.ts';
import type { SignInSettings } from '@vagen/server/auth/config.ts';
import { NATURAL_PERSON_NUMBER_SCOPE } from '@vagen/server/auth/oidc.ts';
import { hashPassword } from '@vagen/server/auth/passwords.ts';
import { seedDemo, type DemoLogins } from './seed/index.ts';

export interface DemoOptions extends Omit<StartOptions, 'beforeListen' | 'signIn'> {
  /** Households seeded into an empty database (default 300). */
  households?: number;
  seed?: number;
  /** Day the demo history ends (default: today in Europe/Stockholm). */
  today?: string;
  /** Port of the local sign-in provider (default: Vägen's port + 1, or any free port when Vägen's is 0). */
  identityProviderPort?: number;
}

export type RunningDemo = RunningVagen & { demoLogins: DemoLogins; seeded: boolean; identityProvider: { issuer: string } };

/**
 * Vägen with demo data and the local OpenID Connect provider as its e-ID and staff sign-in: seeds an empty
 * database deterministically, starts the provider on its own port and points Vägen at it. A database that already
 * holds the demo keeps its data (and its logins are read back), so restarts lose nothing.
 *
 * The demo runs on http://localhost, so its cookies go without Secure (unless options.settings says otherwise).
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  let demoLogins: DemoLogins | null = null;
  let seeded = false;
  let nameLookup: ((personnummer: string) => Promise<{ givenName: string; familyName: string } | undefined>) | null = null;
  const idp = await startIdentityProvider({
    port: options.identityProviderPort ?? (options.port ? options.port + 1 : 0),
    host: options.host === '0.0.0.0' ? '0.0.0.0' : '127.0.0.1',
    nameOf: (personnummer) => nameLookup?.(personnummer),
  });
  let running: RunningVagen;
  try {
    const known = options.port ? `http://localhost:${options.port}` : null;
    const clients = demoClients();
    running = await startVagen({
      ...options,
      settings: { secureCookies: false, ...options.settings },
      ...(known ? { signIn: signInFor(idp, known, clients) } : {}),
      async beforeListen({ db }) {
        nameLookup = async (personnummer) => {
          const p = await db.selectFrom('persons').select(['first_name', 'last_name']).where('personnummer', '=', personnummer).executeTakeFirst();
          return p ? { givenName: p.first_name, familyName: p.last_name } : undefined;
        };
        const stored = await db.selectFrom('installation_settings').select('value').where('key', '=', 'demoLogins').executeTakeFirst();
        if (stored) {
          demoLogins = stored.value as DemoLogins;
          return;
        }
        const existing = await db.selectFrom('municipalities').select('code').limit(1).executeTakeFirst();
        if (existing) throw new Error('Databasen innehåller redan data som inte är demodata; demodata läggs inte in.');
        const passwordHash = await hashPassword('Demo-vagen-2026');
        demoLogins = await seedDemo(db, { households: options.households ?? 300, seed: options.seed, today: options.today ?? swedishDate(new Date()), passwordHash });
        await db
          .insertInto('installation_settings')
          .values({ key: 'demoLogins', value: JSON.stringify(demoLogins) })
          .execute();
        seeded = true;
      },
    });
    // On a port picked at start the callbacks are known only now.
    if (!known) Object.assign(running.app.deps, relyingParties(signInFor(idp, running.url, clients)));
  } catch (err) {
    await idp.close();
    throw err;
  }
  const closeVagen = running.close.bind(running);
  return Object.assign(running, {
    demoLogins: demoLogins!,
    seeded,
    identityProvider: { issuer: idp.issuer },
    async close() {
      await closeVagen();
      await idp.close();
    },
  });
}

type DemoClients = Record<'eid' | 'staff', { clientId: string; clientSecret: string }>;

/** Client registrations made up at each start: the secrets exist only in this process. */
function demoClients(): DemoClients {
  const secret = () => randomBytes(24).toString('base64url');
  return { eid: { clientId: 'vagen-eid', clientSecret: secret() }, staff: { clientId: 'vagen-staff', clientSecret: secret() } };
}

/** Registers Vägen at the provider and gives Vägen's sign-in settings for it. */
function signInFor(idp: RunningIdentityProvider, vagenUrl: string, clients: DemoClients): SignInSettings {
  const base = vagenUrl.replace(/\/$/, '');
  const eidRedirect = `${base}/api/v1/client-auth/callback`;
  const staffRedirect = `${base}/api/v1/auth/oidc/callback`;
  const registrations: IdentityProviderClient[] = [
    { kind: 'eid', ...clients.eid, redirectUris: [eidRedirect], name: 'Vägen – Mina sidor' },
    { kind: 'staff', ...clients.staff, redirectUris: [staffRedirect], name: 'Vägen – personal' },
  ];
  for (const client of registrations) idp.addClient(client);
  return {
    eid: { issuer: idp.issuer, ...clients.eid, redirectUri: eidRedirect, scope: `openid profile ${NATURAL_PERSON_NUMBER_SCOPE}` },
    staff: { issuer: idp.issuer, ...clients.staff, redirectUri: staffRedirect, scope: 'openid profile', usernameClaim: 'preferred_username' },
  };
}
