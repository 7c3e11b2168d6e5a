/**
 * HTTP side of `npm run bench:casework`: signed-in staff sessions against the running server, and per-step
 * statistics (latencies, status codes, network errors) of every request the chains make.
 */
import http from 'node:http';

const SESSION_COOKIE = 'vagen_session';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export interface StepStats {
  step: string;
  ok: number;
  /** Non-2xx answers by status code. */
  failed: Record<string, number>;
  networkErrors: number;
  latencies: number[];
  /** The first few failures, for the report. */
  samples: string[];
}

/** Per-step counters shared by every chain. */
export class Stats {
  readonly steps = new Map<string, StepStats>();

  of(step: string): StepStats {
    let s = this.steps.get(step);
    if (!s) {
      s = { step, ok: 0, failed: {}, networkErrors: 0, latencies: [], samples: [] };
      this.steps.set(step, s);
    }
    return s;
  }

  get non2xx(): number {
    let n = 0;
    for (const s of this.steps.values()) for (const c of Object.values(s.failed)) n += c;
    return n;
  }

  get networkErrors(): number {
    let n = 0;
    for (const s of this.steps.values()) n += s.networkErrors;
    return n;
  }
}

/** Nearest-rank percentile of a list of numbers (0 for an empty list). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A request that did not get the expected answer: ends the chain of that application. */
export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface StaffProfile {
  id: string;
  displayName: string;
  role: string;
  units: { id: string; name: string }[];
}

/** One signed-in staff member: its own session, keep-alive connections from its own loopback address. */
export class StaffSession {
  private readonly agent: http.Agent;
  private cookie = '';
  private csrf = '';
  profile: StaffProfile | null = null;

  constructor(
    private readonly base: URL,
    readonly username: string,
    readonly localAddress: string,
    maxSockets: number,
    private readonly stats: Stats,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  get user(): StaffProfile {
    if (!this.profile) throw new Error(`${this.username} är inte inloggad`);
    return this.profile;
  }

  raw(method: string, path: string, body?: unknown, timeoutMs = 180_000): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method,
          agent: this.agent,
          localAddress: this.localAddress,
          headers: {
            accept: 'application/json',
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
            ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout efter ${timeoutMs / 1000} s`)));
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** Signs in (retries on the login rate limit); keeps the session cookie and the CSRF token. */
  async login(password: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const res = await this.raw('POST', '/api/v1/auth/login', { username: this.username, password });
      if (res.status === 200) {
        const session = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
        if (!session) throw new Error(`inloggningen som ${this.username} gav ingen sessionskaka`);
        const parsed = JSON.parse(res.body) as { csrfToken: string; user: StaffProfile };
        this.cookie = session;
        this.csrf = parsed.csrfToken;
        this.profile = parsed.user;
        return;
      }
      if (res.status === 429 && attempt < 5) {
        const wait = Number(res.headers['retry-after'] ?? 5);
        await new Promise((r) => setTimeout(r, (Number.isFinite(wait) ? wait : 5) * 1000));
        continue;
      }
      throw new Error(`inloggningen som ${this.username} misslyckades: ${res.status} ${res.body.slice(0, 200)}`);
    }
  }

  /**
   * One step of a chain: the answer (JSON parsed, other content as text) when 2xx, otherwise a StepFailure. Counted per
   * step: the latency of each 2xx answer, non-2xx answers by status code, network errors.
   */
  async call<T = unknown>(step: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const s = this.stats.of(step);
    let res: HttpAnswer;
    try {
      res = await this.raw(method, path, body);
    } catch (error) {
      s.networkErrors++;
      const message = error instanceof Error ? error.message : String(error);
      if (s.samples.length < 3) s.samples.push(`nätverksfel: ${message}`);
      throw new StepFailure(step, 0, message);
    }
    if (res.status >= 200 && res.status < 300) {
      s.ok++;
      s.latencies.push(res.ms);
      if (res.body === '') return undefined as T;
      const type = String(res.headers['content-type'] ?? '');
      return (type.includes('json') ? JSON.parse(res.body) : res.body) as T;
    }
    s.failed[res.status] = (s.failed[res.status] ?? 0) + 1;
    let message = res.body.slice(0, 300);
    try {
      const problem = JSON.parse(res.body) as { message?: string; fields?: { path: string; message: string }[] };
      message = [problem.message, ...(problem.fields ?? []).slice(0, 4).map((f) => `${f.path}: ${f.message}`)].filter(Boolean).join(' | ');
    } catch {
      /* not JSON */
    }
    if (s.samples.length < 3) s.samples.push(`${res.status} ${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')}: ${message}`);
    throw new StepFailure(step, res.status, `${res.status} ${message}`);
  }

  close(): void {
    this.agent.destroy();
  }
}
