import type { FastifyInstance } from 'fastify';
import { communicationRoutes } from './communication.ts';
import { draftRoutes } from './drafts.ts';
import { finalizeRoutes } from './finalize.ts';

/**
 * The "decisions" area: decision drafts, kommunicering, delegation and four-eyes, decision letters. Routes under
 * /api/v1. Registered in app.ts.
 */
export async function decisionRoutes(app: FastifyInstance) {
  await draftRoutes(app);
  await communicationRoutes(app);
  await finalizeRoutes(app);
}
