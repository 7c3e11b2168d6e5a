/**
 * npm run bench:casework -- [--applications 1000] [--households 50] [--concurrency 12] [--max-minutes 15] [--seed 2281]
 *
 * The whole chain of case work through the HTTP API, for many new applications:
 * intake (mottagning) → assessment and decision (handläggare) → approved payment (kassa, four-eyes) → payment file.
 *
 * 1. A fresh database: embedded PGlite in a temporary directory, or — when DATABASE_URL is set — a new database
 *    vagen_bench_<random> on that PostgreSQL server (dropped again at the end). A small demo (--households) is seeded
 *    so that the municipality, its units and its staff exist.
 * 2. The Vägen server (packages/server/src/main.ts) in a child process on a free loopback port; wait for /healthz.
 * 3. From this process (tools/src/bench-casework-flow.ts): --applications new applications with synthetic
 *    personnummer the demo does not use, --concurrency chains in flight, each through every step; new chains stop
 *    after --max-minutes (the ones in flight are finished). Then one payment file of all approved payments, checked
 *    against the decided amounts and the pain.001 XML, and confirmed.
 * 4. Stops the server, removes the database, and prints as its last line:
 *    casework: <n> applications in <s> s, p95 decision <ms>
 *    n = applications that reached an approved payment included in a payment file; s = wall seconds from the first
 *    chain to the payment file; p95 decision = POST /api/v1/decisions/:id/decide, nearest rank, successful requests.
 *
 * Non-2xx answers are counted per step and reported; they end that application's chain but not the run. The exit code
 * is non-zero only when the run cannot be made (database, seed, server start, sign-in).
 */
import { swedishDate } from '@vagen/domain';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connect, migrateToLatest } from '@vagen/db';
import { hashPassword } from '@vagen/server/auth/passwords.ts';
import { runCasework, type CaseworkResult } from './bench-casework-flow.ts';
import { percentile } from './bench-casework-http.ts';
import { DEMO_PASSWORD, seedDemo } from './seed/index.ts';
import { cleanup, cleanups, freePort, freshBenchDatabase, healthz, stopChild, tail } from './bench-support.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: '1000' },
    households: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '12' },
    'max-minutes': { type: 'string', default: '15' },
    seed: { type: 'string', default: '2281' },
  },
});
const applications = Number(values.applications);
const households = Number(values.households);
const concurrency = Number(values.concurrency);
const maxMinutes = Number(values['max-minutes']);
const seed = Number(values.seed);
for (const [name, v] of Object.entries({ applications, households, concurrency, maxMinutes, seed })) {
  if (!Number.isFinite(v) || v < 0) throw new Error(`Ogiltigt värde för ${name}`);
}
if (concurrency < 1 || concurrency > 64) throw new Error('--concurrency ska vara 1–64.');

/** The first server log lines at level error (pino JSON, level ≥ 50), shortened. */
function serverErrors(file: string, max = 3): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /"level":(50|60)/.test(l))
      .slice(0, max)
      .map((l) => l.slice(0, 400));
  } catch {
    return [];
  }
}

/** The month the applications are for: next month (people apply ahead), within the same year so the year's rules apply. */
function periodMonthFor(today: string): string {
  const y = Number(today.slice(0, 4)),
    m = Number(today.slice(5, 7));
  return m === 12 ? today.slice(0, 7) : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Steps in the order of the chain, for the report. */
const STEP_ORDER = [
  'intake.register',
  'intake.interview',
  'intake.preliminary',
  'intake.responsibility',
  'intake.checklist',
  'intake.booking',
  'intake.assign',
  'application.read',
  'application.update',
  'calculation.create',
  'calculation.adjust',
  'decision.draft',
  'decision.update',
  'decision.communication',
  'communication.answer',
  'decision.submit',
  'decision.decide',
  'account.create',
  'account.verify',
  'payment.propose',
  'payment.approve',
  'paymentFile.create',
  'paymentFile.read',
  'paymentFile.xml',
  'paymentFile.confirm',
];

const kr = (ore: number) => `${(ore / 100).toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr`;

function report(r: CaseworkResult, seedSeconds: number) {
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const list = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || '–';
  console.log('');
  console.log(
    `Kedjan: ${r.started} ansökningar startade, ${r.completedChains} klara, ${r.failedChains} avbrutna, på ${r.chainSeconds.toFixed(1)} s; betalfilen klar efter ${r.measuredSeconds.toFixed(1)} s${r.timeCapHit ? ' (tidsgränsen nåddes)' : ''}`,
  );
  console.log(`  hushåll: ${list(r.householdKinds)}`);
  console.log(`  planerat utfall: ${list(r.plans)}; fattade beslut: ${list(r.outcomes)}; ${r.decidedByManager} fattade av enhetschefen (över handläggarens delegation)`);
  if (r.failedChains) console.log(`  avbrutna kedjor per steg: ${list(r.failuresByStep)}`);
  console.log(`  ${'steg'.padEnd(24)}${'ok'.padStart(7)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}  fel`);
  const order = STEP_ORDER.filter((k) => r.stats.steps.has(k)).concat([...r.stats.steps.keys()].filter((k) => !STEP_ORDER.includes(k)));
  for (const s of order.map((k) => r.stats.steps.get(k)!)) {
    const errors = [...Object.entries(s.failed).map(([code, n]) => `${n}×${code}`), ...(s.networkErrors ? [`${s.networkErrors}×nätverk`] : [])].join(', ');
    const max = s.latencies.reduce((a, b) => Math.max(a, b), 0);
    console.log(
      `  ${s.step.padEnd(24)}${String(s.ok).padStart(7)}${ms(percentile(s.latencies, 50)).padStart(9)}${ms(percentile(s.latencies, 95)).padStart(9)}${ms(max).padStart(9)}  ${errors || '–'}`,
    );
  }
  const samples = [...r.stats.steps.values()].flatMap((s) => s.samples.map((x) => `${s.step}: ${x}`));
  if (samples.length) {
    console.log('  exempel på fel:');
    for (const x of samples.slice(0, 12)) console.log(`    ${x}`);
  }
  console.log(`  svar utan 2xx: ${r.stats.non2xx}, nätverksfel: ${r.stats.networkErrors}; demodata ${households} hushåll på ${seedSeconds.toFixed(1)} s`);
  if (r.fileError) console.log(`check: betalfilen kunde inte skapas: ${r.fileError}`);
  for (const f of r.files) {
    console.log(
      `check: betalfil ${f.messageId}: ${f.paymentCount} utbetalningar (${f.ourPayments} från körningen, ${f.otherPayments} andra), ${kr(f.paidSum)} utbetalt för körningens ansökningar` +
        ` ${f.paidSum === f.decidedSum ? '=' : '≠'} summan av deras beslutade belopp ${kr(f.decidedSum)}; XML NbOfTxs ${f.xmlTransactions}, CtrlSum ${kr(f.xmlControlSum)}` +
        ` ${f.xmlControlSum === f.totalAmount ? '=' : '≠'} filens total ${kr(f.totalAmount)}; ${f.confirmed ? 'bekräftad av banken' : 'inte bekräftad'}: ${f.ok ? 'OK' : `FEL – ${f.problems.join('; ')}`}`,
    );
  }
  if (r.files.length === 0 && !r.fileError) console.log('check: ingen betalfil (inga godkända utbetalningar)');
}

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'vagen-bench-casework-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));

  // 1. A fresh database with a small demo.
  const { databaseUrl, dataDir } = await freshBenchDatabase(workDir);

  const today = swedishDate(new Date());
  const periodMonth = periodMonthFor(today);
  console.log(`Skapar demodata: ${households} hushåll (frö ${seed}, idag ${today}) …`);
  const handle = await connect({ databaseUrl, dataDir });
  const backend = handle.backend;
  let seedSeconds: number;
  let taken: string[];
  try {
    await migrateToLatest(handle.db);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const t0 = performance.now();
    await seedDemo(handle.db, { households, seed, today, passwordHash });
    seedSeconds = (performance.now() - t0) / 1000;
    // The new applicants must not be people the demo already has (an open case stops a registration).
    taken = (await handle.db.selectFrom('persons').select('personnummer').execute()).map((p) => p.personnummer);
  } finally {
    // PGlite: one process at a time per data directory, so the seeder lets go before the server starts.
    await handle.close();
  }
  console.log(`Demodata klar på ${seedSeconds.toFixed(1)} s (${backend}, ${taken.length} personer).`);

  // 2. The server.
  const port = await freePort();
  const logFile = join(workDir, 'server.log');
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' };
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

  // 3. The chain, from this process.
  console.log(`Kedja: ${applications} nya ansökningar för ${periodMonth}, ${concurrency} samtidigt, högst ${maxMinutes} min …`);
  const result = await runCasework({
    baseUrl: `http://127.0.0.1:${port}`,
    password: DEMO_PASSWORD,
    applications,
    concurrency,
    maxSeconds: maxMinutes * 60,
    seed,
    today,
    periodMonth,
    takenPersonnummer: taken,
    log: (line) => console.log(line),
  });
  const serverDied = server.exitCode !== null;

  await stopChild(server);
  log.end();

  report(result, seedSeconds);
  if (serverDied) console.log(`VARNING: servern avslutades under körningen (kod ${server.exitCode}):\n${tail(logFile)}`);
  const errorLines = serverErrors(logFile);
  if (errorLines.length) {
    console.log('Fel i serverloggen (de första):');
    for (const l of errorLines) console.log(`  ${l}`);
  }
  await cleanup();
  const p95 = percentile(result.decisionLatencies, 95);
  console.log(`casework: ${result.inFile} applications in ${result.measuredSeconds.toFixed(1)} s, p95 decision ${Math.round(p95)} ms`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await cleanup();
  process.exitCode = 1;
});
