/**
 * npm run bench:api -- [--households 10000] [--users 50] [--seconds 20] [--warmup 5] [--max-requests 50000] [--seed 2281]
 *
 * 1. Seeds a fresh database with the demo data: embedded PGlite in a temporary directory, or — when DATABASE_URL is
 *    set — a new database vagen_bench_<random> on that PostgreSQL server (dropped again at the end).
 * 2. Starts the Vägen server (packages/server/src/main.ts) in a child process on a free loopback port and waits for
 *    GET /healthz.
 * 3. Runs the load from a second process (tools/src/bench-api-load.ts): N signed-in users, each with its own session,
 *    alternating the case list and case pages, first a warm-up, then a bounded measured phase.
 * 4. Stops the server, removes the database, and prints as its last line:
 *    api: p50 <ms> p95 <ms> at <users> users, <n> households, <pglite|postgres>
 */
import { swedishDate } from '@vagen/domain';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connect, migrateToLatest } from '@vagen/db';
import { hashPassword } from '@vagen/server/auth/passwords.ts';
import type { LoadConfig, LoadResult } from './bench-api-load.ts';
import { DEMO_PASSWORD, seedDemo } from './seed/index.ts';
import { cleanup, cleanups, freePort, freshBenchDatabase, healthz, stopChild, tail } from './bench-support.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '10000' },
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    'max-requests': { type: 'string', default: '50000' },
    seed: { type: 'string', default: '2281' },
  },
});
const households = Number(values.households);
const users = Number(values.users);
const durationSeconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const maxRequests = Number(values['max-requests']);
const seed = Number(values.seed);
for (const [name, v] of Object.entries({ households, users, durationSeconds, warmupSeconds, maxRequests, seed })) {
  if (!Number.isFinite(v) || v < 0) throw new Error(`Ogiltigt värde för ${name}`);
}
if (users < 1 || users > 240) throw new Error('--users ska vara 1–240 (en loopback-adress per användare).');

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'vagen-bench-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));

  // 1. A fresh database.
  const { databaseUrl, dataDir } = await freshBenchDatabase(workDir);

  const today = swedishDate(new Date());
  console.log(`Skapar demodata: ${households} hushåll (frö ${seed}, idag ${today}) …`);
  const handle = await connect({ databaseUrl, dataDir });
  const backend = handle.backend;
  let seedSeconds: number;
  let accounts: { username: string; password: string }[];
  try {
    await migrateToLatest(handle.db);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const t0 = performance.now();
    let lastReport = performance.now();
    const onProgress = (done: number, total: number) => {
      if (performance.now() - lastReport < 5000 || done === total) return;
      lastReport = performance.now();
      console.log(`  … ${done} av ${total} hushåll`);
    };
    const logins = await seedDemo(handle.db, { households, seed, today, passwordHash, onProgress });
    seedSeconds = (performance.now() - t0) / 1000;
    // Everyone who works with cases; several virtual users share an account but each has its own session.
    accounts = logins.staff.filter((s) => s.role !== 'systemAdministrator').map((s) => ({ username: s.username, password: s.password }));
  } finally {
    // PGlite: one process at a time per data directory, so the seeder lets go before the server starts.
    await handle.close();
  }
  console.log(`Demodata klar på ${seedSeconds.toFixed(1)} s (${backend}).`);

  // 2. The server.
  const port = await freePort();
  const logFile = join(workDir, 'server.log');
  const log = createWriteStream(logFile);
  // The production entry on plain http on loopback, signed in with local staff accounts: a demo setting, said so.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', VAGEN_DEMO: 'true', SECURE_COOKIES: 'false' };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else env.DATA_DIR = dataDir;
  const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.pipe(log, { end: false });
  server.stderr!.pipe(log, { end: false });
  cleanups.push(() => stopChild(server));
  const t1 = performance.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`Servern avslutades (kod ${server.exitCode}) innan den svarade:\n${tail(logFile)}`);
    if ((await healthz(port)) === 200) break;
    if (performance.now() - t1 > 180_000) throw new Error(`Servern svarade inte på /healthz inom 180 s:\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`Servern svarar på http://127.0.0.1:${port} (start ${((performance.now() - t1) / 1000).toFixed(1)} s).`);

  // 3. The load, from a second process.
  const config: LoadConfig = { baseUrl: `http://127.0.0.1:${port}`, users, accounts, warmupSeconds, durationSeconds, maxRequests };
  console.log(`Last: ${users} användare, uppvärmning ${warmupSeconds} s, sedan ${durationSeconds} s (högst ${maxRequests} anrop) …`);
  const load = spawn(process.execPath, ['--import', 'tsx', 'tools/src/bench-api-load.ts'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_LOAD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => stopChild(load));
  let result: LoadResult | null = null;
  const lines = createInterface({ input: load.stdout! });
  lines.on('line', (line) => {
    if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7)) as LoadResult;
    else console.log(line);
  });
  const code = await new Promise<number | null>((r) => load.once('close', (c) => r(c)));
  if (code !== 0 || !result) throw new Error(`Lastprocessen misslyckades (kod ${code}).\nServerlogg:\n${tail(logFile)}`);
  const r: LoadResult = result;

  await stopChild(server);
  log.end();

  const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  console.log('');
  console.log(`Anrop: ${r.requests} på ${r.measuredSeconds} s (${r.requestsPerSecond}/s), statuskoder ${JSON.stringify(r.statusCounts)}`);
  console.log(`  ärendelista  p50 ${fmt(r.list.p50)} ms  p95 ${fmt(r.list.p95)} ms  p99 ${fmt(r.list.p99)} ms  max ${fmt(r.list.max)} ms  (${r.list.count})`);
  console.log(`  ärendesida   p50 ${fmt(r.case.p50)} ms  p95 ${fmt(r.case.p95)} ms  p99 ${fmt(r.case.p99)} ms  max ${fmt(r.case.max)} ms  (${r.case.count})`);
  console.log(`  icke-2xx: ${r.non2xx}, nätverksfel: ${r.networkErrors}, fel under uppvärmning: ${r.warmupNon2xx}, omförsök vid inloggning: ${r.loginRetries}`);
  console.log(`  demodata: ${households} hushåll på ${seedSeconds.toFixed(1)} s`);
  await cleanup();
  // Non-2xx answers are a finding, not a crash: they are reported above and the summary line still comes last.
  if (r.non2xx > 0 || r.networkErrors > 0) console.log(`VARNING: ${r.non2xx} svar utan 2xx och ${r.networkErrors} nätverksfel under mätningen.`);
  console.log(`api: p50 ${fmt(r.all.p50)} p95 ${fmt(r.all.p95)} at ${r.users} users, ${households} households, ${backend}`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await cleanup();
  process.exitCode = 1;
});
