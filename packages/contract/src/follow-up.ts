/**
 * The monthly cycle on an existing case: starting an återansökan or a tilläggsansökan (POST /cases/:id/applications),
 * what changed since last month, and last month's reasons carried into the decision.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STAFF_CHANNELS } from '@vagen/domain/assessment/follow-up.ts';
import { IsoDate } from './common.ts';
import { DecisionView } from './decisions.ts';
import { oneOf } from './one-of.ts';

export const NewFollowUpApplicationBody = Type.Object(
  {
    kind: oneOf(FOLLOW_UP_KINDS, { description: "'renewal' = återansökan för nästa månad, 'supplementary' = tilläggsansökan för en beslutad månad." }),
    periodMonth: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Månaden ansökan gäller, ÅÅÅÅ-MM.', 'x-error': 'Ange månaden som ÅÅÅÅ-MM.' }),
    channel: oneOf(FOLLOW_UP_STAFF_CHANNELS, { description: 'Hur ansökan kom in: pappersansökan, telefon eller besök.' }),
    receivedDate: IsoDate,
  },
  { additionalProperties: false },
);
export type NewFollowUpApplicationBody = Static<typeof NewFollowUpApplicationBody>;

/** One difference between last month's application and this one. */
export const ContentChangeView = Type.Object({
  area: oneOf(['household', 'housing', 'income', 'cost', 'asset', 'jobStimulus'] as const),
  key: Type.String(),
  change: oneOf(['added', 'removed', 'changed'] as const),
  label: Type.String(),
  before: Type.String(),
  after: Type.String(),
});
export type ContentChangeView = Static<typeof ContentChangeView>;

/** What "Ny månadsansökan" on the case page offers. */
export const FollowUpChoices = Type.Object({
  /** The month after the last decided one; null when no month is decided yet. */
  suggestedRenewalMonth: Type.Union([Type.String(), Type.Null()]),
  /** Months with a decision made (a tilläggsansökan may be started for them), latest first. */
  decidedMonths: Type.Array(Type.String()),
  channels: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
});
export type FollowUpChoices = Static<typeof FollowUpChoices>;

export const CarryForwardResult = Type.Object({
  carried: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  changed: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  /** The month whose decision the reasons came from. */
  fromMonth: Type.String(),
});
export type CarryForwardResult = Static<typeof CarryForwardResult>;

export const CarryForwardResponse = Type.Object({ decision: DecisionView, carryForward: CarryForwardResult });
export type CarryForwardResponse = Static<typeof CarryForwardResponse>;
