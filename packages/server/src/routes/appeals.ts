import type { FastifyInstance } from 'fastify';
import { appealRoutes } from '../appeals/routes.ts';
import { documentRoutes } from '../lifecycle/documents.ts';
import { watchRoutes } from '../lifecycle/watches.ts';
import { queueRoutes } from '../queue/routes.ts';

/**
 * The "appeals" area: routes under /api/v1. Registered in app.ts.
 * Appeals (överklaganden), watches (bevakningar), documents on a case, and the work queues.
 */
export async function appealsRoutes(app: FastifyInstance) {
  await appealRoutes(app);
  await watchRoutes(app);
  await documentRoutes(app);
  await queueRoutes(app);
}
