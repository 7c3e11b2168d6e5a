/**
 * POST /api/v1/norm-calculations — the norm calculation as a stateless, public service (it doubles as the public
 * provräkning). Needs no personal data and no sign-in; rate-limited per client.
 */
import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NormCalculationBody, NormResult } from '@vagen/contract';
import { NormInputError, calculateNorm, type RuleSet } from '@vagen/domain/norm/index.ts';
import { ValidationFailure } from '../errors.ts';
import { getNormRuleSet } from '../rules/norm-rules.ts';

/** Domain validation error → ValidationFailure with paths under /body (400 in the app's error handler). */
export function toValidationFailure(err: NormInputError): ValidationFailure {
  return new ValidationFailure(
    err.fields.map((f) => ({ path: `/body${f.path}`, message: f.message })),
    err.code === 'NORM_RULE_MISSING' ? err.message : 'Uppgifterna för normberäkningen är inte giltiga.',
  );
}

export interface NormRouteOptions {
  /** Rule set to use (default: the rule files of packages/domain/rules, loaded once). */
  ruleSet?: RuleSet;
}

export async function normRoutes(app: FastifyInstance, options: NormRouteOptions = {}) {
  // Loaded at registration so malformed rule data stops the start-up, not a request.
  const rules = options.ruleSet ?? getNormRuleSet();
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.post(
    '/api/v1/norm-calculations',
    {
      bodyLimit: 64 * 1024,
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['norm'],
        summary: 'Normberäkning (provräkning)',
        description:
          'Beräknar riksnorm, godkända kostnader, inkomster och bistånd för en månad. Kräver ingen inloggning och inga personuppgifter. Belopp i ören. Varje rad har regel, källa och en förklaring.',
        body: NormCalculationBody,
        response: { 200: NormResult },
      },
    },
    async (request) => {
      try {
        return calculateNorm(rules, request.body);
      } catch (err) {
        if (err instanceof NormInputError) throw toValidationFailure(err);
        throw err;
      }
    },
  );
}
