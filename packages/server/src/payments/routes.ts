import type { FastifyInstance } from 'fastify';
import { paymentAccountRoutes } from './accounts.ts';
import { paymentApprovalRoutes } from './approval.ts';
import { paymentCaseViewRoutes } from './case-view.ts';
import { paymentFileRoutes } from './files.ts';
import { paymentProposalRoutes } from './proposal.ts';
import { recoveryRoutes } from './recovery.ts';

/**
 * The "payments" area: routes under /api/v1. Registered in app.ts.
 * Accounts, proposal, the kassa's four-eyes check, stop, payment files (pain.001 + accounting export), the bank's
 * confirmation, the case view, and the återkrav register.
 */
export async function paymentsRoutes(app: FastifyInstance) {
  await paymentAccountRoutes(app);
  await paymentProposalRoutes(app);
  await paymentApprovalRoutes(app);
  await paymentFileRoutes(app);
  await paymentCaseViewRoutes(app);
  await recoveryRoutes(app);
}
