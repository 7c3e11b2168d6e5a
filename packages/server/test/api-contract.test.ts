import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../src/app.ts';
import { DEFAULT_SETTINGS, type AppDeps } from '../src/context.ts';

/**
 * Every /api/ route declares a response schema (the API contract, packages/contract) for its success answer: the web
 * app's types come from those schemas, and the test suite checks every answer against them (the harness refuses an
 * answer from a route without one).
 */

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

/** Every route of the app as "METHOD /path" (OpenAPI form, {id}), with whether a success response has a schema. */
async function routes() {
  // Routes are registered without touching the database; nothing here answers a request.
  const deps = { db: {} as never, backend: 'pglite', now: () => new Date(), settings: { ...DEFAULT_SETTINGS }, eid: null, staffOidc: null } as AppDeps;
  const app = await buildApp(deps);
  await app.ready();
  const doc = app.swagger() as unknown as OpenApiDocument;
  await app.close();
  const out: { route: string; path: string; declared: boolean }[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const answers = Object.entries(op.responses ?? {});
      // A body answer declares its schema; 204 and redirects declare that they have no body.
      const declared = answers.some(([status, r]) => (/^2\d\d$/.test(status) && Object.values(r.content ?? {}).some((c) => c.schema !== undefined)) || status === '204' || /^3\d\d$/.test(status));
      out.push({ route: `${method.toUpperCase()} ${path}`, path, declared });
    }
  }
  return out;
}

test('every /api/ route declares a response schema for its success answer', async () => {
  const all = (await routes()).filter((r) => r.path.startsWith('/api/'));
  assert.ok(all.length > 20, `expected the app's routes, found ${all.length}`);
  const missing = all.filter((r) => !r.declared).map((r) => r.route);
  assert.deepEqual(missing, [], `routes without a response schema:\n${missing.join('\n')}`);
});
