import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import type { AppDeps } from './context.ts';
import { loadActor, sessionCookieName } from './auth/sessions.ts';
import { installErrorHandler, installValidators } from './http/validation.ts';
import { installPlainSerializer, installResponseContract, type ResponseContractOptions } from './http/response-contract.ts';
import { HttpProblem } from './errors.ts';
import { authRoutes } from './auth/staff-routes.ts';
import { clientAuthRoutes } from './auth/client-routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { journalRoutes } from './journal/routes.ts';
import { meRoutes } from './auth/me-routes.ts';
import { auditLogRoutes } from './audit/routes.ts';
import { staffRoutes } from './staff/routes.ts';
import { normRoutes } from './norm/routes.ts';
import { intakeRoutes } from './intake/routes.ts';
import { assessmentRoutes } from './assessment/routes.ts';
import { decisionRoutes } from './decisions/routes.ts';
import { paymentsRoutes } from './payments/routes.ts';
import { appealRoutes } from './appeals/routes.ts';
import { watchRoutes } from './watches/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { queueRoutes } from './queue/routes.ts';
import { rulesAdminRoutes } from './rules/routes.ts';
import { ensureCurrentRules } from './rules/live.ts';
import { registerAuditRequestContext } from './audit/request-context.ts';
import { startRoutes } from './start/routes.ts';
import { adminRoutes } from './admin/routes.ts';

export interface BuildOptions {
  /** JSON logs (pino). Off in tests. */
  logger?: boolean;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDR, comma-separated), e.g. the municipality's load
   * balancer. Default none: otherwise anyone could pick their own address and slip past rate limits.
   */
  trustProxy?: string | undefined;
  /** Where the logs go (default stdout). */
  logStream?: { write(line: string): unknown };
  /** Directory of the built web app; default packages/web/dist. */
  webRoot?: string;
  /** Check every JSON response against its route's response schema (the test suite turns this on). */
  checkResponses?: ResponseContractOptions;
}

/** Requests that change nothing tied to a session, or that start one, need no CSRF token. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login', '/api/v1/norm-calculations']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          // Never log query strings (one-time codes) or cookies; personnummer never appear in URLs by design.
          ...(options.logStream ? { stream: options.logStream } : {}),
          serializers: {
            req: (req) => ({ method: req.method, url: String(req.url).split('?')[0], remoteAddress: req.ip }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    // One access line per request (written in onResponse below) instead of Fastify's two.
    disableRequestLogging: true,
    trustProxy: options.trustProxy ? options.trustProxy.split(',').map((a) => a.trim()) : false,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
  });
  app.decorate('deps', deps);
  app.decorateRequest('actor', null);
  installValidators(app);
  installPlainSerializer(app);
  installErrorHandler(app);
  if (options.checkResponses) installResponseContract(app, options.checkResponses);

  await app.register(cookie);
  // Security headers on every response. The web app is built into files of its own (scripts and stylesheets from
  // /assets, no inline code), so the policy allows this origin and nothing else; pages may not be framed.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Served over https everywhere but a demo on http://localhost, where upgrading would break every request.
        ...(deps.settings.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: deps.settings.secureCookies ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Vägen API', version: '1', description: 'Ärendesystem för ekonomiskt bistånd. Alla fel har ett svenskt meddelande.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(deps.settings) } } },
    },
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.actor = await loadActor(deps, request.cookies[sessionCookieName(deps.settings)]);
    const unsafe = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    const path = request.url.split('?')[0]!;
    if (unsafe && request.actor && !CSRF_EXEMPT.has(path)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.actor.csrfToken)) {
        throw new HttpProblem(403, 'CSRF', 'Sidan behöver laddas om innan du kan fortsätta (säkerhetskontroll).');
      }
    }
  });
  // The rules of this request: the files plus the versions published (by any process) up to a second ago.
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/')) await ensureCurrentRules(deps.db);
  });
  registerAuditRequestContext(app);
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  });

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await deps.db.selectFrom('municipalities').select('code').limit(1).execute();
    return { status: 'ok', backend: deps.backend };
  });
  // The OpenAPI document describes the contract; its own shape is OpenAPI's, not ours.
  app.get('/api/openapi.json', { schema: { hide: true, response: { 200: { type: 'object', additionalProperties: true } } } }, async () => app.swagger());

  await app.register(authRoutes);
  await app.register(clientAuthRoutes);
  await app.register(caseRoutes);
  await app.register(journalRoutes);
  await app.register(meRoutes);
  await app.register(auditLogRoutes);
  await app.register(staffRoutes);
  await app.register(normRoutes);
  await app.register(intakeRoutes);
  await app.register(assessmentRoutes);
  await app.register(decisionRoutes);
  await app.register(paymentsRoutes);
  await app.register(appealRoutes);
  await app.register(watchRoutes);
  await app.register(documentRoutes);
  await app.register(queueRoutes);
  await app.register(rulesAdminRoutes);
  await app.register(startRoutes);
  await app.register(adminRoutes);

  const webRoot = resolve(options.webRoot ?? new URL('../../web/dist', import.meta.url).pathname);
  if (existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: false,
      cacheControl: false,
      // @fastify/static 10 hands setHeaders the Fastify reply, not the raw response.
      setHeaders: (res, path) => (res as unknown as { header(k: string, v: string): void }).header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
    // Every other GET for a page (not the API, not a file) is the web app's route.
    app.get('/*', (request, reply) => {
      const path = request.url.split('?')[0]!;
      // /eid/ once held a test e-ID inside the server; it is gone, and its old links must not look like a page.
      if (path.startsWith('/api/') || path.startsWith('/eid/') || /\.[a-z0-9]+$/i.test(path)) {
        return reply.status(404).send({ error: 'NOT_FOUND', message: 'Sidan eller resursen finns inte.' });
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
    app.get('/', (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
    app.get('/assets/*', (request, reply) => reply.sendFile(`assets/${(request.params as { '*': string })['*']}`));
  }
  return app;
}
