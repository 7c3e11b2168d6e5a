/**
 * Production entry: PORT (default 3000), DATA_DIR (embedded database directory, default ./data) or DATABASE_URL
 * (a PostgreSQL server). Stateless between requests, so several processes can serve one PostgreSQL installation.
 */
import { startVagen } from './start.ts';

const port = Number(process.env.PORT ?? 3000);
const running = await startVagen({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATABASE_URL ? undefined : process.env.DATA_DIR ?? './data',
  logger: true,
  settings: { secureCookies: process.env.SECURE_COOKIES === 'true' },
});
running.app.log.info({ backend: running.database.backend, port }, 'Vägen is listening');

let shuttingDown = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    running.app.log.info({ signal }, 'shutting down: finishing requests in flight');
    running.close().then(() => process.exit(0), () => process.exit(1));
  });
}
