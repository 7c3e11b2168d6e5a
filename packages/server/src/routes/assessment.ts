import type { FastifyInstance } from 'fastify';
import { applicationRoutes } from '../assessment/applications.ts';
import { calculationRoutes } from '../assessment/calculations.ts';
import { followUpRoutes } from '../assessment/follow-up.ts';
import { overviewRoutes } from '../assessment/overview.ts';
import { carryForwardRoutes } from '../decisions/carry-forward.ts';
import { communicationRoutes } from '../decisions/communication.ts';
import { draftRoutes } from '../decisions/drafts.ts';
import { finalizeRoutes } from '../decisions/finalize.ts';

/**
 * The "assessment" area: the application under assessment, the calculation with adjustments, decisions with
 * kommunicering and delegation, decision letters. Routes under /api/v1. Registered in app.ts.
 */
export async function assessmentRoutes(app: FastifyInstance) {
  await applicationRoutes(app);
  await calculationRoutes(app);
  await followUpRoutes(app);
  await overviewRoutes(app);
  await draftRoutes(app);
  await carryForwardRoutes(app);
  await communicationRoutes(app);
  await finalizeRoutes(app);
}
