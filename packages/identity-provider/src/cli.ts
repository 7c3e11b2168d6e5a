/**
 * Runs the local OpenID Connect provider alone, for a Vägen started separately:
 *   node --import tsx packages/identity-provider/src/cli.ts
 * Environment: IDP_PORT (default 3001), IDP_HOST (default 127.0.0.1), IDP_PUBLIC_URL, VAGEN_URL (default
 * http://localhost:3000; the callbacks are registered under it) and the client ids and secrets Vägen is configured
 * with: VAGEN_EID_CLIENT_ID / VAGEN_EID_CLIENT_SECRET, VAGEN_STAFF_OIDC_CLIENT_ID / VAGEN_STAFF_OIDC_CLIENT_SECRET.
 */
import { startIdentityProvider } from './index.ts';

const vagen = (process.env.VAGEN_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const env = (name: string, fallback: string) => process.env[name] || fallback;
const running = await startIdentityProvider({
  port: Number(process.env.IDP_PORT ?? 3001),
  host: process.env.IDP_HOST ?? '127.0.0.1',
  publicUrl: process.env.IDP_PUBLIC_URL || undefined,
  clients: [
    {
      kind: 'eid',
      clientId: env('VAGEN_EID_CLIENT_ID', 'vagen-eid'),
      clientSecret: env('VAGEN_EID_CLIENT_SECRET', 'vagen-eid-demo'),
      redirectUris: [`${vagen}/api/v1/client-auth/callback`],
      name: 'Vägen – Mina sidor',
    },
    {
      kind: 'staff',
      clientId: env('VAGEN_STAFF_OIDC_CLIENT_ID', 'vagen-staff'),
      clientSecret: env('VAGEN_STAFF_OIDC_CLIENT_SECRET', 'vagen-staff-demo'),
      redirectUris: [`${vagen}/api/v1/auth/oidc/callback`],
      name: 'Vägen – personal',
    },
  ],
});
process.stdout.write(`Testinloggning (OpenID Connect) kör på ${running.issuer} – endast för utveckling och demo, aldrig i produktion.\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
