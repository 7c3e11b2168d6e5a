import type { FastifyInstance } from 'fastify';

/** Issue 4, area "intake": routes under /api/v1. Registered in app.ts. */
export async function intakeRoutes(_app: FastifyInstance) {}
