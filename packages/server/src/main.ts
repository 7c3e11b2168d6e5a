/**
 * Production entry: PORT (default 3000), DATA_DIR (embedded database directory, default ./data) or DATABASE_URL
 * (a PostgreSQL server). Stateless between requests, so several processes can serve one PostgreSQL installation.
 *
 * Sign-in is read from the environment (see auth/config.ts): a client e-ID at an https OpenID Connect provider is
 * required, and the municipality's identity provider for staff is optional. Without them, or with the local test
 * provider, the server refuses to start unless VAGEN_DEMO=true says it is a demo.
 */
import { productionConfig } from './auth/config.ts';
import { startVagen } from './start.ts';

const config = productionConfig(process.env);
if (!config.ok) {
  process.stderr.write(
    ['Vägen startar inte: inloggningen är inte säker för drift. / Vägen will not start: sign-in is not safe for production.', ...config.problems.map((p) => `  - ${p}`), ''].join('\n'),
  );
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const running = await startVagen({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATABASE_URL ? undefined : (process.env.DATA_DIR ?? './data'),
  logger: true,
  settings: { secureCookies: config.secureCookies },
  signIn: config.signIn,
});
running.app.log.info({ backend: running.database.backend, port, demo: config.demo, staffOidc: config.signIn.staff !== null }, 'Vägen is listening');
if (config.demo) running.app.log.warn('VAGEN_DEMO=true: sign-in checks for production are off');

let shuttingDown = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    running.app.log.info({ signal }, 'shutting down: finishing requests in flight');
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
