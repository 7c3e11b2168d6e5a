/**
 * Load process of `npm run bench:api` (started by tools/src/bench-api.ts as a separate node process, so that the
 * load generator does not share an event loop with the server or the orchestrator).
 *
 * Input: environment variable BENCH_LOAD_CONFIG (JSON, see LoadConfig). Each virtual user signs in with its own
 * session, then alternates GET /api/v1/cases?limit=50 and GET /api/v1/cases/<id> (an id from its latest list)
 * with no think time. Loopback only. Prints progress lines, then one line `RESULT <json>` (LoadResult).
 */
import { Client } from 'undici';

export interface LoadConfig {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  users: number;
  accounts: { username: string; password: string }[];
  warmupSeconds: number;
  durationSeconds: number;
  /** The measured phase also stops after this many requests. */
  maxRequests: number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  users: number;
  signedIn: number;
  loginRetries: number;
  measuredSeconds: number;
  requests: number;
  requestsPerSecond: number;
  all: LatencySummary;
  list: LatencySummary;
  case: LatencySummary;
  /** Measured-phase responses by status code. */
  statusCounts: Record<string, number>;
  non2xx: number;
  networkErrors: number;
  /** Non-2xx responses and errors during warm-up (not in the latencies, but reported). */
  warmupNon2xx: number;
}

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const SESSION_COOKIE = 'vagen_session';

function summarize(samples: number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(samples).sort();
  // Nearest-rank percentile.
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { count: sorted.length, p50: round(rank(50)), p95: round(rank(95)), p99: round(rank(99)), max: round(sorted[sorted.length - 1]!) };
}

/** The case ids of a list response, in order, without parsing the rest of the page. */
const CASE_ID = /"id":"([0-9a-f-]{36})"/g;
function caseIdsOfList(body: string): string[] {
  const ids: string[] = [];
  for (const m of body.matchAll(CASE_ID)) ids.push(m[1]!);
  return ids;
}

class VirtualUser {
  private readonly client: Client;
  private cookie = '';
  caseIds: string[] = [];

  constructor(
    base: URL,
    readonly localAddress: string,
  ) {
    // One keep-alive connection per user, from its own loopback address (127.0.0.x), like one browser per person.
    // undici rather than node:http: the load generator shares the machine's cores with the server and the database,
    // so every microsecond it spends per request is taken from what is measured.
    this.client = new Client(base.origin, { localAddress, pipelining: 1, headersTimeout: 60_000, bodyTimeout: 60_000 });
  }

  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (payload) headers['content-type'] = 'application/json';
    const res = await this.client.request({ method, path, headers, body: payload });
    return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
  }

  async login(username: string, password: string): Promise<{ retries: number }> {
    let retries = 0;
    for (;;) {
      const res = await this.request('POST', '/api/v1/auth/login', { username, password });
      if (res.status === 200) {
        const raw = res.headers['set-cookie'] ?? [];
        const setCookie = Array.isArray(raw) ? raw : [raw];
        const session = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
        if (!session) throw new Error(`inloggningen som ${username} gav ingen sessionskaka`);
        this.cookie = session;
        return { retries };
      }
      if (res.status === 429 && retries < 5) {
        retries++;
        const wait = Number(res.headers['retry-after'] ?? 5);
        await new Promise((r) => setTimeout(r, (Number.isFinite(wait) ? wait : 5) * 1000));
        continue;
      }
      throw new Error(`inloggningen som ${username} misslyckades: ${res.status} ${res.body.slice(0, 200)}`);
    }
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

async function run(config: LoadConfig): Promise<LoadResult> {
  const base = new URL(config.baseUrl);
  if (base.hostname !== '127.0.0.1' && base.hostname !== 'localhost') throw new Error('Lasttestet körs bara mot loopback.');
  const users = Array.from({ length: config.users }, (_, i) => new VirtualUser(base, `127.0.0.${10 + (i % 240)}`));

  // Sign in, a few at a time (each sign-in is an argon2id verification on the server).
  let loginRetries = 0;
  const loginStart = performance.now();
  for (let i = 0; i < users.length; i += 10) {
    const results = await Promise.all(
      users.slice(i, i + 10).map((u, k) => {
        const account = config.accounts[(i + k) % config.accounts.length]!;
        return u.login(account.username, account.password);
      }),
    );
    for (const r of results) loginRetries += r.retries;
  }
  console.log(`  ${users.length} användare inloggade (egna sessioner) på ${((performance.now() - loginStart) / 1000).toFixed(1)} s`);

  type Phase = 'warmup' | 'measure' | 'done';
  let phase: Phase = 'warmup';
  const all: number[] = [];
  const list: number[] = [];
  const detail: number[] = [];
  const statusCounts: Record<string, number> = {};
  let networkErrors = 0;
  let warmupNon2xx = 0;
  let measureStart = 0;

  // A request counts when it was sent during the measured phase, however long it takes to answer (requests still
  // running when the phase ends are awaited, up to the request timeout), so slow answers are never dropped.
  let started = 0;
  const loop = async (u: VirtualUser) => {
    let wantList = true;
    while (phase !== 'done') {
      const isList: boolean = wantList || u.caseIds.length === 0;
      const path = isList ? '/api/v1/cases?limit=50' : `/api/v1/cases/${u.caseIds[Math.floor(Math.random() * u.caseIds.length)]}`;
      const counting = phase === 'measure';
      if (counting && ++started >= config.maxRequests) phase = 'done';
      const t0 = performance.now();
      try {
        const res = await u.request('GET', path);
        const ms = performance.now() - t0;
        if (isList && res.status === 200) u.caseIds = caseIdsOfList(res.body);
        if (counting) {
          all.push(ms);
          (isList ? list : detail).push(ms);
          statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
        } else if (res.status < 200 || res.status > 299) {
          warmupNon2xx++;
        }
      } catch {
        if (counting) networkErrors++;
        else warmupNon2xx++;
        await new Promise((r) => setTimeout(r, 50));
      }
      wantList = !isList;
    }
  };

  const loops = users.map((u) => loop(u));
  await new Promise((r) => setTimeout(r, config.warmupSeconds * 1000));
  phase = 'measure';
  measureStart = performance.now();
  console.log(`  uppvärmning klar (${config.warmupSeconds} s), mäter i upp till ${config.durationSeconds} s eller ${config.maxRequests} anrop`);
  let lastCount = 0;
  let lastAt = measureStart;
  while (phase === 'measure') {
    await new Promise((r) => setTimeout(r, 250));
    const now = performance.now();
    if (now - measureStart >= config.durationSeconds * 1000) phase = 'done';
    if (now - lastAt >= 2000 || phase !== 'measure') {
      const errors =
        Object.entries(statusCounts)
          .filter(([s]) => !s.startsWith('2'))
          .reduce((n, [, c]) => n + c, 0) + networkErrors;
      console.log(
        `  ${((now - measureStart) / 1000).toFixed(1).padStart(5)} s: ${String(all.length).padStart(6)} anrop, ${Math.round(((all.length - lastCount) * 1000) / (now - lastAt))
          .toString()
          .padStart(5)} anrop/s, ${errors} fel`,
      );
      lastCount = all.length;
      lastAt = now;
    }
  }
  const measuredSeconds = (performance.now() - measureStart) / 1000;
  await Promise.all(loops);
  const drainSeconds = (performance.now() - measureStart) / 1000 - measuredSeconds;
  if (drainSeconds > 1) console.log(`  väntade ${drainSeconds.toFixed(1)} s på svar som var på väg när mätningen slutade`);
  await Promise.all(users.map((u) => u.close()));
  const non2xx = Object.entries(statusCounts)
    .filter(([s]) => !s.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  return {
    users: users.length,
    signedIn: users.length,
    loginRetries,
    measuredSeconds: Math.round(measuredSeconds * 10) / 10,
    requests: all.length,
    requestsPerSecond: Math.round(all.length / measuredSeconds),
    all: summarize(all),
    list: summarize(list),
    case: summarize(detail),
    statusCounts,
    non2xx,
    networkErrors,
    warmupNon2xx,
  };
}

const raw = process.env.BENCH_LOAD_CONFIG;
if (!raw) {
  console.error('BENCH_LOAD_CONFIG saknas (startas av tools/src/bench-api.ts).');
  process.exit(2);
}
run(JSON.parse(raw) as LoadConfig).then(
  (result) => {
    console.log(`RESULT ${JSON.stringify(result)}`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
