/**
 * Which request, and which page view of the web app, an audit record belongs to. Every /api request runs its
 * handler inside a context holding a fresh request id and the page-view id the web app sends (x-page-view), so
 * audit() can stamp its records without each of its callers passing them on. The log check groups a page view's
 * records into one line; the records themselves stay one per read.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface AuditRequestContext {
  requestId: string;
  pageViewId: string | null;
}

const storage = new AsyncLocalStorage<AuditRequestContext>();

/** The running request's ids; null outside a request (jobs, seed). */
export function currentAuditRequest(): AuditRequestContext | null {
  return storage.getStore() ?? null;
}

/** The header is the browser's word only: a short token, or it is ignored. */
const PAGE_VIEW_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

export function pageViewIdOf(header: unknown): string | null {
  return typeof header === 'string' && PAGE_VIEW_ID.test(header) ? header : null;
}

/** Runs each handler (after parsing and validation) inside its request's context. */
export function registerAuditRequestContext(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => {
    storage.run({ requestId: randomUUID(), pageViewId: pageViewIdOf(request.headers['x-page-view']) }, done);
  });
}
