/**
 * The decisions area: decision drafts, kommunicering (förvaltningslagen 25 §), submitting, returning and making the
 * decision, and the decision letter (GET /decisions/:id/letter answers application/pdf, not JSON).
 */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_AMOUNT_ORE } from '@vagen/domain/money.ts';
import { COST_TYPES } from '@vagen/domain/norm/types.ts';
import { COMMUNICATION_CHANNELS } from '@vagen/domain/decisions/communication.ts';
import { APPEAL_BASIS_KINDS } from '@vagen/domain/decisions/appeal-route.ts';
import { DECISION_OUTCOMES, DECISION_STATUSES } from '@vagen/domain/decisions/types.ts';
import { Instant, IsoDate, Nullable, Uuid } from './common.ts';
import { oneOf } from './one-of.ts';

export const DecisionOutcome = oneOf(DECISION_OUTCOMES);
export type DecisionOutcome = Static<typeof DecisionOutcome>;
export const AppealBasisKind = oneOf(APPEAL_BASIS_KINDS);
export type AppealBasisKind = Static<typeof AppealBasisKind>;
const AdultRef = oneOf(['applicant', 'coApplicant'] as const);

/** Four-eyes per section, as configured for the municipality on the day. */
export const FourEyes = Type.Object({ calculation: Type.Boolean(), decision: Type.Boolean(), payment: Type.Boolean() });
export type FourEyes = Static<typeof FourEyes>;

export const DecisionItem = Type.Object({
  key: Type.String({ description: "Beräkningens rad: 'norm', 'income', 'cost:<id>'." }),
  kind: oneOf(['norm', 'cost', 'income'] as const),
  costType: Type.Optional(oneOf(COST_TYPES)),
  label: Type.String(),
  applied: Type.Integer(),
  approved: Type.Integer(),
  refused: Type.Integer(),
  reason: Type.String(),
  legalBasisId: Type.Optional(Type.String({ description: 'Lagrummet raden beslutas enligt; saknas = beslutets huvudlagrum.' })),
  provisionalSources: Type.Optional(Type.Array(Type.Object({ id: Type.String(), text: Type.String() }))),
});
export type DecisionItem = Static<typeof DecisionItem>;

export const AppealRouteView = Type.Object({
  route: oneOf(['appeal', 'legalityReview', 'mixed', 'unknown'] as const),
  items: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), basisId: Nullable(Type.String()), route: Nullable(oneOf(['appeal', 'legalityReview'] as const)) })),
  appealReferences: Type.Array(Type.String()),
  legalityReviewReferences: Type.Array(Type.String()),
  transitionalNote: Nullable(Type.String()),
});
export type AppealRouteView = Static<typeof AppealRouteView>;

export const DecisionPhrase = Type.Object({ id: Type.String(), title: Type.String(), text: Type.String() });
export type DecisionPhrase = Static<typeof DecisionPhrase>;

export const CommunicationView = Type.Object({
  id: Uuid,
  decisionId: Uuid,
  caseId: Uuid,
  kind: oneOf(['sent', 'unnecessary'] as const),
  text: Nullable(Type.String()),
  sentAt: Nullable(Type.String()),
  channel: Nullable(Type.String()),
  answerDeadline: Nullable(Type.String()),
  answerText: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  exceptionId: Nullable(Type.String()),
  unnecessaryReason: Nullable(Type.String()),
  letterDocumentId: Nullable(Uuid),
  recordedBy: Uuid,
  recordedAt: Type.String(),
  letterUrl: Nullable(Type.String({ description: 'Kommuniceringsbrevet (PDF), om ett skapades.' })),
});
export type CommunicationView = Static<typeof CommunicationView>;

const PersonRef = Type.Object({ id: Uuid, name: Nullable(Type.String()) });

export const ChildPerspective = Type.Object({
  children: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), birthDate: Type.String() })),
  consideration: Type.String(),
  childSpokenTo: Type.Boolean(),
  spokenToNote: Type.String(),
});
export type ChildPerspective = Static<typeof ChildPerspective>;

export const RecoveryBasisStated = Type.Object({ legalReferenceId: Type.String(), text: Type.String() });

export const DecisionView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  applicationId: Nullable(Uuid),
  status: oneOf(DECISION_STATUSES),
  statusLabel: Type.String(),
  outcome: DecisionOutcome,
  outcomeLabel: Type.String(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  amount: Type.Integer(),
  systemAmount: Type.Integer(),
  appliedAmount: Type.Integer(),
  amountReason: Type.String(),
  items: Type.Array(DecisionItem),
  legalBasis: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), verified: Type.Boolean(), appealBasis: Type.Optional(AppealBasisKind) })),
  reasons: Type.String(),
  appealRoute: AppealRouteView,
  supportObstacles: Type.Array(
    Type.Object({
      adult: AdultRef,
      personId: Nullable(Type.String()),
      code: Type.String(),
      label: Type.String(),
      group: Type.Optional(Nullable(Type.String())),
      adultLabel: Type.String(),
    }),
  ),
  childPerspective: Nullable(ChildPerspective),
  recoveryBasis: Nullable(RecoveryBasisStated),
  calculationId: Nullable(Uuid),
  presentingOfficer: Nullable(PersonRef),
  decidedBy: Nullable(PersonRef),
  decidedAt: Nullable(Type.String()),
  approvedBy: Nullable(PersonRef),
  approvedAt: Nullable(Type.String()),
  letterDocumentId: Nullable(Uuid),
  letterUrl: Nullable(Type.String()),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  communication: Nullable(CommunicationView),
  communicationStatus: Type.String(),
  communicationStatusLabel: Type.String(),
  delegation: Type.Object({ mayDecideRoles: Type.Array(Type.Object({ role: Type.String(), label: Type.String() })), youMayDecide: Type.Boolean() }),
  fourEyes: FourEyes,
  phrases: Type.Array(DecisionPhrase),
  itemPhrases: Type.Array(Type.Object({ key: Type.String(), phrases: Type.Array(DecisionPhrase) })),
  legalReferenceChoices: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), title: Type.String(), verified: Type.Boolean(), appealBasis: AppealBasisKind })),
  recoveryReferenceChoices: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), title: Type.String(), verified: Type.Boolean() })),
  communicationExceptions: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
  obstacleChoices: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), group: Type.String(), groupLabel: Type.String() })),
});
export type DecisionView = Static<typeof DecisionView>;

/** POST /applications/:id/decisions: the body may be left out; outcome chooses another outcome than the proposal. */
export const NewDecisionBody = Type.Object(
  {
    outcome: Type.Optional(DecisionOutcome),
  },
  { additionalProperties: false, description: "Valfri: { outcome?: 'dismissed' | … } – välj utfall i stället för förslaget, t.ex. avvisning av en ofullständig ansökan." },
);
export type NewDecisionBody = Static<typeof NewDecisionBody>;

export const DecisionPatchBody = Type.Object(
  {
    outcome: Type.Optional(DecisionOutcome),
    periodStart: Type.Optional(IsoDate),
    periodEnd: Type.Optional(IsoDate),
    amount: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_ORE, description: 'Beviljat belopp för perioden i hela ören.' })),
    amountReason: Type.Optional(Type.String({ maxLength: 2000 })),
    itemReasons: Type.Optional(
      Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 100 }), reason: Type.String({ maxLength: 4000 }) }, { additionalProperties: false }), { maxItems: 60 }),
    ),
    legalBasisIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
    itemLegalBasis: Type.Optional(
      Type.Array(
        Type.Object(
          {
            key: Type.String({ minLength: 1, maxLength: 100 }),
            legalBasisId: Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 60 })], {
              description: 'Lagrummet raden beslutas enligt (ett av beslutets lagrum); null = beslutets huvudlagrum.',
            }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 60 },
      ),
    ),
    reasons: Type.Optional(Type.String({ maxLength: 20_000 })),
    supportObstacles: Type.Optional(Type.Array(Type.Object({ adult: AdultRef, code: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false }), { maxItems: 2 })),
    childPerspective: Type.Optional(
      Type.Object(
        {
          consideration: Type.String({ maxLength: 10_000 }),
          childSpokenTo: Type.Boolean(),
          spokenToNote: Type.Optional(Type.String({ maxLength: 4000 })),
        },
        { additionalProperties: false },
      ),
    ),
    recoveryBasis: Type.Optional(
      Type.Union([
        Type.Null(),
        Type.Object(
          {
            legalReferenceId: Type.String({
              minLength: 1,
              maxLength: 60,
              description: 'Grund för återbetalningsskyldighet: ett lagrum med användning "recovery" (33 kap. 2 § 1 a–c eller 3 § socialtjänstlagen)',
            }),
            text: Type.String({ maxLength: 4000, description: 'Omständigheten som grundar återbetalningsskyldigheten, i klartext' }),
          },
          { additionalProperties: false },
        ),
      ]),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DecisionPatchBody = Static<typeof DecisionPatchBody>;

export const CommunicationBody = Type.Object(
  {
    kind: oneOf(['sent', 'unnecessary'] as const, { description: "'sent' = underlaget har kommunicerats; 'unnecessary' = kommunicering är obehövlig (skäl krävs)" }),
    text: Type.Optional(Type.String({ maxLength: 20_000, description: 'Vad som kommunicerades (underlaget).' })),
    sentAt: Type.Optional(Instant),
    channel: Type.Optional(oneOf(COMMUNICATION_CHANNELS)),
    answerDeadline: Type.Optional(Type.String({ format: 'date-time', description: 'Sista dag för svar (tidpunkt).' })),
    createLetter: Type.Optional(Type.Boolean({ description: 'Skapa ett kommuniceringsbrev (PDF) från mallen.' })),
    exceptionId: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    reason: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type CommunicationBody = Static<typeof CommunicationBody>;

export const CommunicationAnswerBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    answeredAt: Instant,
  },
  { additionalProperties: false },
);
export type CommunicationAnswerBody = Static<typeof CommunicationAnswerBody>;

export const ReturnDecisionBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export type ReturnDecisionBody = Static<typeof ReturnDecisionBody>;

/**
 * A response that is a file, not JSON (a letter as PDF, a payment file as XML, an accounting export as CSV): the route
 * declares its content type; the JSON contract check does not apply to it.
 */
export const fileResponse = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: { type: 'string', format: 'binary' } } },
});
