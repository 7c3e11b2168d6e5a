/**
 * The appeals area (förvaltningslagen 43–46 §§): registering an appeal with the time-limit check, omprövning, the
 * outcome for a late appeal, forwarding to förvaltningsrätten and withdrawal; and how a decision can be challenged.
 */
import { Type, type Static } from '@sinclair/typebox';
import { APPEAL_CHANNELS, LATE_APPEAL_OUTCOMES, RECONSIDERATION_RESULTS } from '@vagen/domain/appeals/status.ts';
import { DECISION_OUTCOMES } from '@vagen/domain/decisions/types.ts';
import { MAX_AMOUNT_ORE } from '@vagen/domain/money.ts';
import { IsoDate, Nullable, Uuid } from './common.ts';
import { oneOf } from './one-of.ts';

export const AppealDecision = Type.Object({
  id: Uuid,
  outcome: Type.String(),
  outcomeLabel: Type.String(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  amount: Type.Integer(),
  decidedAt: Type.String(),
});
export type AppealDecision = Static<typeof AppealDecision>;

const KeyLabel = Type.Object({ key: Type.String(), label: Type.String() });

/** How a decision can be challenged, from its legal basis under the law of the day it was made. */
export const DecisionChallenge = Type.Object({
  route: oneOf(['appeal', 'legalityReview', 'mixed', 'unknown'] as const),
  appealReference: Nullable(Type.String()),
  legalityReviewReference: Nullable(Type.String()),
  transitionalNote: Nullable(Type.String()),
  appealableItems: Type.Array(KeyLabel),
  legalityReviewItems: Type.Array(KeyLabel),
  message: Nullable(Type.String({ description: 'När bara laglighetsprövning gäller: vad handläggaren gör i stället.' })),
});
export type DecisionChallenge = Static<typeof DecisionChallenge>;

export const AppealableDecision = Type.Composite([AppealDecision, Type.Object({ letterDate: IsoDate, presumedNotifiedOn: IsoDate, challenge: DecisionChallenge })]);
export type AppealableDecision = Static<typeof AppealableDecision>;

export const Appeal = Type.Object({
  id: Uuid,
  caseId: Uuid,
  decision: AppealDecision,
  challenge: DecisionChallenge,
  receivedOn: IsoDate,
  channel: Type.String(),
  channelLabel: Type.String(),
  appellantName: Nullable(Type.String()),
  text: Type.String(),
  notifiedOn: IsoDate,
  notifiedOnBasis: oneOf(['stated', 'presumed'] as const),
  nominalLastDay: IsoDate,
  lastDay: IsoDate,
  extendedOver: Type.Array(Type.Object({ date: IsoDate, reason: Type.String() })),
  timely: Type.Boolean(),
  daysLate: Type.Integer(),
  timelinessText: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  lateOutcome: Nullable(oneOf(LATE_APPEAL_OUTCOMES)),
  lateException: Nullable(Type.String()),
  lateExceptionLabel: Nullable(Type.String()),
  lateNote: Nullable(Type.String()),
  reconsideration: Nullable(
    Type.Object({
      result: oneOf(RECONSIDERATION_RESULTS),
      resultLabel: Type.String(),
      reason: Nullable(Type.String()),
      fullyAsRequested: Nullable(Type.Boolean()),
      replacementDecision: Nullable(AppealDecision),
      at: Nullable(Type.String()),
      byName: Nullable(Type.String()),
    }),
  ),
  courtName: Nullable(Type.String()),
  forwardedAt: Nullable(Type.String()),
  forwardedByName: Nullable(Type.String()),
  forwardDueOn: IsoDate,
  forwardOverdue: Type.Boolean(),
  registeredAt: Type.String(),
  registeredByName: Type.String(),
  history: Type.Array(
    Type.Object({
      fromStatus: Nullable(Type.String()),
      toStatus: Type.String(),
      toLabel: Type.String(),
      at: Type.String(),
      actorName: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
  documents: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      kind: Type.String(),
      kindLabel: Type.String(),
      role: Type.String(),
      createdAt: Type.String(),
      mimeType: Type.String(),
    }),
  ),
  actions: Type.Object({ canReconsider: Type.Boolean(), canForward: Type.Boolean(), canRecordLateOutcome: Type.Boolean(), canWithdraw: Type.Boolean() }),
});
export type Appeal = Static<typeof Appeal>;

export const CaseAppeals = Type.Object({
  items: Type.Array(Appeal),
  appealableDecisions: Type.Array(AppealableDecision),
  options: Type.Object({
    presumedPostalDays: Type.Integer(),
    forwardWithinDays: Type.Integer(),
    courtName: Nullable(Type.String()),
    lateExceptions: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
    settingsSource: Type.String(),
  }),
  permissions: Type.Object({ canHandle: Type.Boolean() }),
});
export type CaseAppeals = Static<typeof CaseAppeals>;

// Requests.

const Note = Type.String({ minLength: 1, maxLength: 4000 });

export const RegisterAppealBody = Type.Object(
  {
    receivedOn: IsoDate,
    notifiedOn: Type.Optional(IsoDate),
    channel: oneOf(APPEAL_CHANNELS),
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    appellantName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    itemKeys: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 60,
        description: 'Raderna i beslutet som överklagandet gäller (tomt: beslutet). En rad enligt 12 kap. 2 § kan bara laglighetsprövas.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RegisterAppealBody = Static<typeof RegisterAppealBody>;

export const ReplacementDecisionBody = Type.Object(
  {
    outcome: oneOf(DECISION_OUTCOMES),
    amount: Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_ORE, description: 'öre' }),
    periodStart: IsoDate,
    periodEnd: IsoDate,
  },
  { additionalProperties: false },
);

export const ReconsiderationBody = Type.Object(
  {
    result: oneOf(RECONSIDERATION_RESULTS),
    reason: Type.String({ minLength: 1, maxLength: 8000 }),
    fullyAsRequested: Type.Optional(Type.Boolean()),
    newDecision: Type.Optional(ReplacementDecisionBody),
  },
  { additionalProperties: false },
);
export type ReconsiderationBody = Static<typeof ReconsiderationBody>;

export const LateOutcomeBody = Type.Object(
  {
    outcome: oneOf(LATE_APPEAL_OUTCOMES),
    exception: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type LateOutcomeBody = Static<typeof LateOutcomeBody>;

export const ForwardAppealBody = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
export type ForwardAppealBody = Static<typeof ForwardAppealBody>;
export const WithdrawAppealBody = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
export type WithdrawAppealBody = Static<typeof WithdrawAppealBody>;
