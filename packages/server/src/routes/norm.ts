/**
 * POST /api/v1/norm-calculations — the norm calculation as a stateless, public service (it doubles as the public
 * provräkning). Needs no personal data and no sign-in; rate-limited per client.
 */
import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  COST_TYPES,
  INCOME_TYPES,
  MAX_AMOUNT_ORE,
  MAX_CHILDREN,
  MAX_COSTS,
  MAX_HOUSEHOLD_SIZE,
  MAX_INCOMES,
  NormInputError,
  calculateNorm,
  type CostType,
  type IncomeType,
  type RuleSet,
} from '@vagen/domain/norm/index.ts';
import { ValidationFailure } from '../errors.ts';
import { getNormRuleSet } from '../norm-rules.ts';

const Amount = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_ORE, description: 'Belopp i hela ören (850000 = 8 500 kr).' });
const Id = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$', description: 'Valfritt kort id (inte personnummer), t.ex. "a1".' });
const stringEnum = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });

export const NormCalculationBody = Type.Object(
  {
    month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'Månaden ÅÅÅÅ-MM; väljer riksnormstabell.' }),
    municipality: Type.Optional(Type.String({ pattern: '^[0-9]{4}$', description: 'Kommunkod; väljer kommunens riktlinjer (tak).' })),
    adults: Type.Array(
      Type.Object(
        {
          id: Id,
          role: stringEnum(['applicant', 'coApplicant'] as const, 'Sökande eller medsökande (make/maka/sambo).'),
          lawfullyResident: Type.Optional(Type.Boolean({ description: 'Vistas lagligen i Sverige (villkor för bistånd från 2027, utom nödbistånd).' })),
          reducedWorkCapacityDueToIllness: Type.Optional(Type.Boolean({ description: 'Nedsatt arbetsförmåga på grund av sjukdom (läkarintyg förväntas från 1 juli 2026).' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2 },
    ),
    children: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Id,
            birthDate: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'ÅÅÅÅ-MM-DD' }),
            daysAtHome: Type.Optional(Type.Integer({ minimum: 0, maximum: 31 })),
            lunchAtPreschool: Type.Optional(Type.Boolean()),
            earningsThisYear: Type.Optional(Amount),
          },
          { additionalProperties: false },
        ),
        { maxItems: MAX_CHILDREN },
      ),
    ),
    householdSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_HOUSEHOLD_SIZE })),
    costs: Type.Optional(
      Type.Array(
        Type.Object(
          {
            type: stringEnum<CostType>(COST_TYPES, 'Kostnadstyp'),
            amount: Amount,
            person: Type.Optional(Id),
            description: Type.Optional(Type.String({ maxLength: 200 })),
            secondHand: Type.Optional(Type.Boolean({ description: 'Bara för rent: bostaden hyrs i andra hand.' })),
            subletApproved: Type.Optional(
              Type.Boolean({ description: 'Bara för hyra i andra hand: hyresvärden eller hyresnämnden har godkänt uthyrningen (villkor från 2027).' }),
            ),
          },
          { additionalProperties: false },
        ),
        { maxItems: MAX_COSTS },
      ),
    ),
    incomes: Type.Optional(
      Type.Array(
        Type.Object({ type: stringEnum<IncomeType>(INCOME_TYPES, 'Inkomsttyp'), person: Id, amount: Amount }, { additionalProperties: false }),
        { maxItems: MAX_INCOMES },
      ),
    ),
    jobStimulus: Type.Optional(Type.Array(Id, { maxItems: 2 })),
    emergencyAid: Type.Optional(Type.Boolean({ description: 'Ansökan gäller nödbistånd (akuta behov).' })),
    options: Type.Optional(
      Type.Object({ partTimeChildrenCountInHouseholdSize: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

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
