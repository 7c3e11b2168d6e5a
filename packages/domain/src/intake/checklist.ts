import type { IntakeChecklistItem, IntakeChecklists } from './settings.ts';
import type { IntakeChecklistFact, IntakeChecklistStage } from './types.ts';

/** One tick: who and when (stored per stage and key). */
export interface IntakeChecklistTick {
  by: string;
  at: string;
}
export type IntakeChecklistTicks = Partial<Record<IntakeChecklistStage, Record<string, IntakeChecklistTick>>>;

/** Which facts hold for an intake (computed by the server from its data). */
export type IntakeChecklistFacts = Record<IntakeChecklistFact, boolean>;

/** A point is done when its fact holds (derived points) or when a person ticked it (judgements). */
export function isIntakeChecklistItemDone(item: IntakeChecklistItem, stage: IntakeChecklistStage, ticks: IntakeChecklistTicks, facts: IntakeChecklistFacts): boolean {
  return item.derivedFrom ? facts[item.derivedFrom] : !!ticks[stage]?.[item.key];
}

/** Required items of a stage that are not done. */
export function missingIntakeChecklistItems(
  checklists: Pick<IntakeChecklists, 'stages'>,
  stage: IntakeChecklistStage,
  ticks: IntakeChecklistTicks,
  facts: IntakeChecklistFacts,
): IntakeChecklistItem[] {
  return checklists.stages[stage].filter((item) => item.required && !isIntakeChecklistItemDone(item, stage, ticks, facts));
}

/** The Swedish message refusing a hand tick of a point the system reads from the case. */
export function derivedChecklistItemMessage(item: IntakeChecklistItem): string {
  return `”${item.label}” hämtas från ärendet och kan inte markeras för hand.`;
}

/** The Swedish 409 message listing what is missing before booking or hand-over. */
export function intakeChecklistGateMessage(stage: IntakeChecklistStage, missing: readonly IntakeChecklistItem[]): string {
  const what = stage === 'beforeBooking' ? 'Nybesöket kan inte bokas' : 'Ärendet kan inte lämnas över';
  return `${what} förrän checklistan är klar. Detta saknas: ${missing.map((m) => m.label).join('; ')}.`;
}

export function findIntakeChecklistItem(checklists: Pick<IntakeChecklists, 'stages'>, stage: IntakeChecklistStage, key: string): IntakeChecklistItem | null {
  return checklists.stages[stage].find((i) => i.key === key) ?? null;
}
