import type { FastifyInstance } from 'fastify';
// Placeholder until the norm engine's route lands (issue 3).
export async function normRoutes(_app: FastifyInstance) {}
