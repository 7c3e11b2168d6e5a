import type { FastifyInstance } from 'fastify';

/** Issue 4, area "appeals": routes under /api/v1. Registered in app.ts. */
export async function appealsRoutes(_app: FastifyInstance) {}
