/**
 * The norm calculation (POST /api/v1/norm-calculations): a stateless, public service that also serves as the public
 * provräkning. Amounts in öre. The result is also stored with an intake's preliminary calculation.
 */
import { Type, type Static } from '@sinclair/typebox';
import { COST_TYPES, INCOME_TYPES, MAX_AMOUNT_ORE, MAX_CHILDREN, MAX_COSTS, MAX_HOUSEHOLD_SIZE, MAX_INCOMES, type CostType, type IncomeType } from '@vagen/domain/norm/index.ts';
import { Nullable, literals } from './common.ts';

const Amount = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_ORE, description: 'Belopp i hela ören (850000 = 8 500 kr).' });
const Id = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$', description: 'Valfritt kort id (inte personnummer), t.ex. "a1".' });

export const NormCalculationBody = Type.Object(
  {
    month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'Månaden ÅÅÅÅ-MM; väljer riksnormstabell.' }),
    municipality: Type.Optional(Type.String({ pattern: '^[0-9]{4}$', description: 'Kommunkod; väljer kommunens riktlinjer (tak).' })),
    adults: Type.Array(
      Type.Object(
        {
          id: Id,
          role: literals(['applicant', 'coApplicant'] as const, 'Sökande eller medsökande (make/maka/sambo).'),
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
            type: literals<CostType>(COST_TYPES, 'Kostnadstyp'),
            amount: Amount,
            person: Type.Optional(Id),
            description: Type.Optional(Type.String({ maxLength: 200 })),
            secondHand: Type.Optional(Type.Boolean({ description: 'Bara för rent: bostaden hyrs i andra hand.' })),
            subletApproved: Type.Optional(Type.Boolean({ description: 'Bara för hyra i andra hand: hyresvärden eller hyresnämnden har godkänt uthyrningen (villkor från 2027).' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: MAX_COSTS },
      ),
    ),
    incomes: Type.Optional(Type.Array(Type.Object({ type: literals<IncomeType>(INCOME_TYPES, 'Inkomsttyp'), person: Id, amount: Amount }, { additionalProperties: false }), { maxItems: MAX_INCOMES })),
    jobStimulus: Type.Optional(Type.Array(Id, { maxItems: 2 })),
    emergencyAid: Type.Optional(Type.Boolean({ description: 'Ansökan gäller nödbistånd (akuta behov).' })),
    options: Type.Optional(Type.Object({ partTimeChildrenCountInHouseholdSize: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type NormCalculationBody = Static<typeof NormCalculationBody>;

/** Where a line's amount comes from: the table, guideline or parameter and the cell used, with its validity. */
export const NormLineSource = Type.Object({
  id: Type.String(),
  cell: Type.String(),
  text: Type.String(),
  legalReference: Type.String(),
  legalReferenceVerified: Type.Boolean(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  status: literals(['official', 'provisional', 'unverified', 'example'] as const),
});

export const NormLine = Type.Object({
  kind: literals(['personal', 'common', 'cost', 'income', 'jobStimulus'] as const),
  person: Type.Optional(Type.String()),
  persons: Type.Optional(Type.Array(Type.String())),
  costType: Type.Optional(literals<CostType>(COST_TYPES)),
  incomeType: Type.Optional(literals<IncomeType>(INCOME_TYPES)),
  /** Cost lines: the amount applied for; income lines: the amount reported. Öre. */
  applied: Type.Optional(Type.Integer()),
  /** The amount that counts in the totals (negative for a job-stimulus deduction). Öre. */
  amount: Type.Integer(),
  rule: Type.String(),
  explanation: Type.String(),
  source: NormLineSource,
  inputPath: Type.Optional(Type.String()),
});
export type NormLine = Static<typeof NormLine>;

export const NormWarning = Type.Object({ type: Type.String(), message: Type.String(), path: Type.Optional(Type.String()) });
export type NormWarning = Static<typeof NormWarning>;

/** The sums of a norm calculation, in öre: the same in a trial calculation and in an assessment's calculation. */
export const NormTotals = Type.Object({
  personal: Type.Integer(),
  common: Type.Integer(),
  norm: Type.Integer(),
  costsApplied: Type.Integer(),
  costs: Type.Integer(),
  need: Type.Integer(),
  income: Type.Integer(),
  assistance: Type.Integer(),
});
export type NormTotals = Static<typeof NormTotals>;

export const NormResult = Type.Object({
  month: Type.String(),
  municipality: Nullable(Type.String()),
  normTable: Type.Object({
    id: Type.String(),
    title: Type.String(),
    provisional: Type.Boolean(),
    verified: Type.Boolean(),
    regime: Type.String(),
    validFrom: Type.String(),
    validTo: Type.String(),
    source: Type.String(),
  }),
  guidelines: Nullable(
    Type.Object({
      id: Type.String(),
      municipality: Type.String(),
      example: Type.Boolean(),
      validFrom: Type.String(),
      validTo: Nullable(Type.String()),
      source: Type.String(),
    }),
  ),
  household: Type.Object({
    adults: Type.Integer(),
    children: Type.Integer(),
    personsInCalculation: Type.Integer(),
    householdSize: Type.Integer(),
    daysInMonth: Type.Integer(),
  }),
  lines: Type.Array(NormLine),
  totals: NormTotals,
  proposal: Type.Object({
    outcome: literals(['granted', 'partlyRefused', 'refused'] as const),
    amount: Type.Integer(),
    explanation: Type.String(),
  }),
  warnings: Type.Array(NormWarning),
});
export type NormResult = Static<typeof NormResult>;
