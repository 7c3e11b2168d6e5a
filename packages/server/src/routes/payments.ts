import type { FastifyInstance } from 'fastify';

/** Issue 4, area "payments": routes under /api/v1. Registered in app.ts. */
export async function paymentsRoutes(_app: FastifyInstance) {}
