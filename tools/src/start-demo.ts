/**
 * `npm start`: Vägen on http://localhost:3000 with demo data on the embedded database (./data), or on the
 * PostgreSQL server in DATABASE_URL, and the local test sign-in (an OpenID Connect provider) on port 3001
 * (IDP_PORT). Prints the demo logins.
 */
import { ROLE_LABELS } from '@vagen/domain';
import { startDemo } from './demo.ts';

const t0 = Date.now();
const port = Number(process.env.PORT ?? 3000);
const running = await startDemo({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATABASE_URL ? undefined : (process.env.DATA_DIR ?? './data'),
  households: process.env.DEMO_HOUSEHOLDS ? Number(process.env.DEMO_HOUSEHOLDS) : 300,
  logger: process.env.LOG !== 'off',
  ...(process.env.IDP_PORT ? { identityProviderPort: Number(process.env.IDP_PORT) } : {}),
});

const { demoLogins } = running;
const lines = [
  '',
  `Vägen kör på http://localhost:${port} (${running.database.backend}${running.seeded ? ', demodata skapad' : ''}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  `Testinloggningen (ersätter BankID/Freja och kommunens inloggning, bara för demo) kör på ${running.identityProvider.issuer}`,
  `Personal loggar in på http://localhost:${port}/logga-in med användarnamnet via "Logga in med kommunens inloggning", eller med lösenordet ${demoLogins.staff[0]?.password}:`,
  ...demoLogins.staff.map((s) => `  ${s.username.padEnd(18)} ${s.displayName} (${ROLE_LABELS[s.role]}${s.units.length ? `, ${s.units.join(' + ')}` : ''})`),
  `Sökande loggar in på http://localhost:${port}/mina-sidor med testlegitimeringen och personnumret:`,
  ...demoLogins.clients.map((c) => `  ${c.personnummer}  ${c.name} — ${c.note}`),
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
