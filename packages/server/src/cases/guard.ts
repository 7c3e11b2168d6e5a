import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canReadCase, hasCapability, type Capability } from '@vagen/domain';
import { auditDenied } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { forbidden, notFound } from '../errors.ts';
import { loadCaseAccessFacts } from './access.ts';

/**
 * Staff access to one case. A case the user may not read answers exactly like a case that does not exist (404),
 * so neither its content nor its existence leaks; the attempt is logged as denied.
 */
export async function guardCase(app: FastifyInstance, request: FastifyRequest, caseId: string, action: string, capability?: Capability) {
  const actor = requireStaff(request);
  const { db, now } = app.deps;
  const facts = await loadCaseAccessFacts(db, caseId);
  if (!facts || !canReadCase(actor, facts)) {
    await auditDenied(db, actor, now(), { action, targetType: 'case', targetId: caseId, caseId: facts ? caseId : null });
    throw notFound('Ärendet');
  }
  if (capability && !hasCapability(actor.role, capability)) {
    await auditDenied(db, actor, now(), { action, targetType: 'case', targetId: caseId, caseId, personId: facts.applicantPersonId });
    throw forbidden();
  }
  return { actor, facts };
}
