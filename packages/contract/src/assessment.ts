/**
 * The assessment area: the application under assessment (its content), the calculation with the caseworker's
 * adjustments, and the case page's overview of applications, calculations and decisions.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ASSET_KINDS, MAX_CONTENT_ROWS, TENURE_FORMS } from '@vagen/domain/assessment/content.ts';
import { MAX_AMOUNT_ORE } from '@vagen/domain/money.ts';
import { COST_TYPES, INCOME_TYPES } from '@vagen/domain/norm/types.ts';
import { DecisionView, FourEyes } from './decisions.ts';
import { IsoDate, Nullable, Ore, Uuid } from './common.ts';
import { oneOf } from './one-of.ts';
import { NormTotals } from './norm.ts';
import { ContentChangeView, FollowUpChoices } from './follow-up.ts';

/** A value and its Swedish label, for a select. */
export const AssessmentChoice = Type.Object({ value: Type.String(), label: Type.String() });
export type AssessmentChoice = Static<typeof AssessmentChoice>;

// ---------------------------------------------------------------------------------------------------------------
// The application's content (PUT /applications/:id). The domain checks what a schema cannot: row ids unique and not
// reserved, incomes belong to someone in the household, persons in the dwelling at least the household, birth dates
// not in the future, the period at most 12 calendar months, rent entered under housing and not among the costs.
// ---------------------------------------------------------------------------------------------------------------

/** An amount someone enters: integer öre, with the messages a person needs when it is typed wrong. */
const EnteredOre = Type.Integer({
  minimum: 0,
  maximum: MAX_AMOUNT_ORE,
  description: 'Belopp i hela ören.',
  'x-error': {
    type: 'Beloppet ska vara ett tal i hela ören, inte text eller decimaltal (t.ex. 850000 för 8 500 kr).',
    minimum: 'Beloppet får inte vara negativt.',
    maximum: 'Beloppet är för stort.',
  },
});
const ROW_ID_MESSAGE = 'Radens id ska vara 1–40 tecken (bokstäver, siffror, punkt, bindestreck, understreck).';
/** A row's own id; left out (or empty) on a new row, which then gets one. */
const RowIdInput = Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z0-9_.-]{0,40}$', 'x-error': ROW_ID_MESSAGE })));
const NoteInput = Type.Optional(Type.String({ maxLength: 1000 }));
const PersonIdInput = Type.Optional(Nullable(Uuid));

export const ApplicationAdultInput = Type.Object(
  {
    personId: PersonIdInput,
    name: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const ApplicationContentInput = Type.Object(
  {
    version: Type.Optional(Type.Literal(1, { 'x-error': 'Okänd version av ansökan (ska vara 1).' })),
    applicant: ApplicationAdultInput,
    coApplicant: Type.Optional(Nullable(ApplicationAdultInput)),
    children: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: RowIdInput,
            personId: PersonIdInput,
            name: Type.String({ minLength: 1, maxLength: 200 }),
            birthDate: Type.String({ format: 'date', 'x-error': 'Ange födelsedatum som ÅÅÅÅ-MM-DD.' }),
            daysAtHome: Type.Optional(
              Nullable(Type.Integer({ minimum: 0, maximum: 31, 'x-error': 'Ange antal dagar hemma per månad (0–31).', description: 'Dagar hemma per månad; tomt = varje dag.' })),
            ),
            lunchAtPreschool: Type.Optional(Type.Boolean({ description: '0–6 år och äter lunch i förskolan på vardagar.' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: MAX_CONTENT_ROWS },
      ),
    ),
    housing: Type.Object(
      {
        tenure: oneOf(TENURE_FORMS),
        rent: Type.Optional(EnteredOre),
        personsInDwelling: Type.Integer({ minimum: 1, maximum: 30, 'x-error': 'Ange antal personer i bostaden (1–30).', description: 'Alla som bor i bostaden, hushållet medräknat.' }),
        sharesHousehold: Type.Optional(Type.Boolean({ description: 'Hushållet delar de gemensamma kostnaderna med de andra i bostaden.' })),
        note: NoteInput,
      },
      { additionalProperties: false },
    ),
    incomes: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: RowIdInput,
            type: oneOf(INCOME_TYPES),
            person: Type.Optional(Type.String({ maxLength: 40, description: "'applicant', 'coApplicant' eller ett barns id; standard: sökande." })),
            amount: EnteredOre,
            note: NoteInput,
          },
          { additionalProperties: false },
        ),
        { maxItems: MAX_CONTENT_ROWS },
      ),
    ),
    costs: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: RowIdInput,
            type: oneOf(COST_TYPES, { description: 'Hyran anges under boendet (housing.rent), inte som en egen kostnad.' }),
            amount: EnteredOre,
            note: NoteInput,
          },
          { additionalProperties: false },
        ),
        { maxItems: MAX_CONTENT_ROWS },
      ),
    ),
    assets: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: RowIdInput,
            kind: oneOf(ASSET_KINDS),
            value: EnteredOre,
            note: NoteInput,
          },
          { additionalProperties: false },
        ),
        { maxItems: MAX_CONTENT_ROWS },
      ),
    ),
    period: Type.Object({ start: IsoDate, end: IsoDate }, { additionalProperties: false, description: 'Perioden ansökan gäller: en eller flera kalendermånader.' }),
    jobStimulus: Type.Optional(Type.Array(oneOf(['applicant', 'coApplicant'] as const), { maxItems: 2, description: 'Vuxna med aktiv jobbstimulans.', 'x-error': 'Ange sökande eller medsökande.' })),
  },
  { additionalProperties: false },
);
export type ApplicationContentInput = Static<typeof ApplicationContentInput>;

/** The content as stored and answered: every field present, ids given, text trimmed. */
export const ApplicationAdult = Type.Object({ personId: Nullable(Uuid), name: Type.String() });
export type ApplicationAdult = Static<typeof ApplicationAdult>;
export const ApplicationChild = Type.Object({
  id: Type.String(),
  personId: Nullable(Uuid),
  name: Type.String(),
  birthDate: Type.String(),
  daysAtHome: Nullable(Type.Integer()),
  lunchAtPreschool: Type.Boolean(),
});
export type ApplicationChild = Static<typeof ApplicationChild>;
export const ApplicationIncome = Type.Object({ id: Type.String(), type: oneOf(INCOME_TYPES), person: Type.String(), amount: Ore, note: Type.String() });
export type ApplicationIncome = Static<typeof ApplicationIncome>;
export const ApplicationCost = Type.Object({ id: Type.String(), type: oneOf(COST_TYPES), amount: Ore, note: Type.String() });
export type ApplicationCost = Static<typeof ApplicationCost>;
export const ApplicationAsset = Type.Object({ id: Type.String(), kind: oneOf(ASSET_KINDS), value: Ore, note: Type.String() });
export type ApplicationAsset = Static<typeof ApplicationAsset>;
export const ApplicationHousing = Type.Object({
  tenure: oneOf(TENURE_FORMS),
  rent: Ore,
  personsInDwelling: Type.Integer(),
  sharesHousehold: Type.Boolean(),
  note: Type.String(),
});
export type ApplicationHousing = Static<typeof ApplicationHousing>;
export const ApplicationContent = Type.Object({
  version: Type.Literal(1),
  applicant: ApplicationAdult,
  coApplicant: Nullable(ApplicationAdult),
  children: Type.Array(ApplicationChild),
  housing: ApplicationHousing,
  incomes: Type.Array(ApplicationIncome),
  costs: Type.Array(ApplicationCost),
  assets: Type.Array(ApplicationAsset),
  period: Type.Object({ start: Type.String(), end: Type.String() }),
  jobStimulus: Type.Array(oneOf(['applicant', 'coApplicant'] as const)),
});
export type ApplicationContent = Static<typeof ApplicationContent>;

export const ApplicationView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  kind: Type.String(),
  kindLabel: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  periodMonth: Type.String({ description: 'ÅÅÅÅ-MM' }),
  periodStart: Nullable(IsoDate),
  periodEnd: Nullable(IsoDate),
  submittedAt: Type.String(),
  channel: Type.String(),
  updatedAt: Nullable(Type.String()),
  filled: Type.Boolean({ description: 'false: innehållet är en mall från ärendets hushåll och har inte sparats.' }),
  content: ApplicationContent,
  currentCalculationId: Nullable(Uuid),
  calculationStale: Type.Boolean({ description: 'Innehållet ändrades efter den senaste beräkningen.' }),
  previous: Nullable(
    Type.Object(
      { applicationId: Uuid, periodMonth: Type.String({ description: 'ÅÅÅÅ-MM' }), kindLabel: Type.String(), content: ApplicationContent },
      { description: 'Den beslutade månad som en återansökan eller tilläggsansökan jämförs med.' },
    ),
  ),
  changes: Type.Array(ContentChangeView, { description: 'Ändrat sedan förra månaden (tom när inget ändrats eller ingen tidigare månad finns).' }),
});
export type ApplicationView = Static<typeof ApplicationView>;

// ---------------------------------------------------------------------------------------------------------------
// The calculation.
// ---------------------------------------------------------------------------------------------------------------

export const CalcWarning = Type.Object({ type: Type.String(), message: Type.String(), path: Type.Optional(Type.String()) });
export type CalcWarning = Static<typeof CalcWarning>;

export const CalcRow = Type.Object({
  key: Type.String(),
  kind: oneOf(['personal', 'common', 'cost', 'income', 'jobStimulus'] as const),
  label: Type.String(),
  costType: Type.Optional(oneOf(COST_TYPES)),
  incomeType: Type.Optional(oneOf(INCOME_TYPES)),
  applied: Nullable(Type.Integer()),
  systemValue: Type.Integer(),
  workerValue: Nullable(Type.Integer()),
  value: Type.Integer(),
  origin: oneOf(['system', 'caseworker'] as const),
  adjustmentId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  adjustable: Type.Boolean(),
  explanation: Type.String(),
  rule: Type.String(),
  source: Type.Optional(Type.Object({ id: Type.String(), status: oneOf(['official', 'provisional', 'unverified', 'example'] as const), text: Type.String() })),
  warnings: Type.Array(CalcWarning),
});
export type CalcRow = Static<typeof CalcRow>;

export const CalcTotals = NormTotals;
export type CalcTotals = Static<typeof CalcTotals>;

export const CalcMonth = Type.Object({ month: Type.String(), rows: Type.Array(CalcRow), totals: CalcTotals, systemTotals: CalcTotals, warnings: Type.Array(CalcWarning) });
export type CalcMonth = Static<typeof CalcMonth>;

export const AdjustmentView = Type.Object({
  id: Uuid,
  lineKey: Type.String(),
  value: Type.Integer(),
  note: Type.String(),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
  systemValueAtCreation: Nullable(Type.Integer()),
  deletedAt: Nullable(Type.String()),
  deletedByName: Nullable(Type.String()),
  applied: Type.Boolean(),
});
export type AdjustmentView = Static<typeof AdjustmentView>;

export const NormTableRef = Type.Object({
  id: Type.String(),
  title: Type.String(),
  provisional: Type.Boolean(),
  verified: Type.Boolean(),
  regime: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  source: Type.String(),
});
export const GuidelinesRef = Type.Object({
  id: Type.String(),
  municipality: Type.String(),
  example: Type.Boolean(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  source: Type.String(),
});

export const CalculationView = Type.Object({
  id: Uuid,
  applicationId: Uuid,
  caseId: Uuid,
  createdAt: Type.String(),
  createdBy: Uuid,
  createdByName: Nullable(Type.String()),
  current: Type.Boolean(),
  supersededAt: Nullable(Type.String()),
  approval: Type.Object({ required: Type.Boolean(), approvedBy: Nullable(Uuid), approvedByName: Nullable(Type.String()), approvedAt: Nullable(Type.String()) }),
  months: Type.Array(CalcMonth),
  totals: CalcTotals,
  systemAssistance: Type.Integer(),
  assistance: Type.Integer(),
  outcome: Type.String(),
  outcomeExplanation: Type.String(),
  normTables: Type.Array(Type.Object({ month: Type.String(), table: NormTableRef, guidelines: Nullable(GuidelinesRef) })),
  adjustments: Type.Array(AdjustmentView),
});
export type CalculationView = Static<typeof CalculationView>;

export const AdjustmentBody = Type.Object(
  {
    lineKey: Type.String({ minLength: 1, maxLength: 100, description: "Radens nyckel, t.ex. 'cost:tand1', 'income:lon1', 'personal:adults', 'common'." }),
    value: Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_ORE, description: 'Handläggarens värde i hela ören.' }),
    note: Type.String({ minLength: 1, maxLength: 2000, description: 'Varför värdet ändras (krävs).' }),
  },
  { additionalProperties: false },
);
export type AdjustmentBody = Static<typeof AdjustmentBody>;

// ---------------------------------------------------------------------------------------------------------------
// The overview: GET /cases/:id/assessment.
// ---------------------------------------------------------------------------------------------------------------

export const AssessmentQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 24, default: 3, description: 'Antal senaste ansökningar.' }),
  },
  { additionalProperties: false },
);

export const AssessmentOverview = Type.Object({
  caseId: Uuid,
  caseNumber: Type.String(),
  applications: Type.Array(Type.Object({ application: ApplicationView, calculation: Nullable(CalculationView), decisions: Type.Array(DecisionView) })),
  fourEyes: FourEyes,
  permissions: Type.Object({ canEdit: Type.Boolean(), canDecide: Type.Boolean() }),
  followUp: FollowUpChoices,
  choices: Type.Object({
    tenure: Type.Array(AssessmentChoice),
    costTypes: Type.Array(AssessmentChoice),
    incomeTypes: Type.Array(AssessmentChoice),
    assetKinds: Type.Array(AssessmentChoice),
    communicationChannels: Type.Array(AssessmentChoice),
  }),
});
export type AssessmentOverview = Static<typeof AssessmentOverview>;
