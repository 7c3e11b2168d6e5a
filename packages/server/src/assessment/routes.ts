import type { FastifyInstance } from 'fastify';
import { applicationRoutes } from './applications.ts';
import { calculationRoutes } from './calculations.ts';
import { overviewRoutes } from './overview.ts';

/**
 * The "assessment" area: the application under assessment, the calculation with adjustments, and the case overview.
 * Routes under /api/v1. Registered in app.ts.
 */
export async function assessmentRoutes(app: FastifyInstance) {
  await applicationRoutes(app);
  await calculationRoutes(app);
  await overviewRoutes(app);
}
