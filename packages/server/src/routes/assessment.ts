import type { FastifyInstance } from 'fastify';

/** Issue 4, area "assessment": routes under /api/v1. Registered in app.ts. */
export async function assessmentRoutes(_app: FastifyInstance) {}
