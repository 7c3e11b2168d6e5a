import type { IntakeChecklistItem, IntakeChecklists } from './settings.ts';
import type { IntakeChecklistStage } from './types.ts';

/** One tick: who and when (stored per stage and key). */
export interface IntakeChecklistTick {
  by: string;
  at: string;
}
export type IntakeChecklistTicks = Partial<Record<IntakeChecklistStage, Record<string, IntakeChecklistTick>>>;

/** Required items of a stage that are not ticked. */
export function missingIntakeChecklistItems(checklists: Pick<IntakeChecklists, 'stages'>, stage: IntakeChecklistStage, ticks: IntakeChecklistTicks): IntakeChecklistItem[] {
  const done = ticks[stage] ?? {};
  return checklists.stages[stage].filter((item) => item.required && !done[item.key]);
}

/** The Swedish 409 message listing what is missing before booking or hand-over. */
export function intakeChecklistGateMessage(stage: IntakeChecklistStage, missing: readonly IntakeChecklistItem[]): string {
  const what = stage === 'beforeBooking' ? 'Nybesöket kan inte bokas' : 'Ärendet kan inte lämnas över';
  return `${what} förrän checklistan är klar. Detta saknas: ${missing.map((m) => m.label).join('; ')}.`;
}

export function findIntakeChecklistItem(checklists: Pick<IntakeChecklists, 'stages'>, stage: IntakeChecklistStage, key: string): IntakeChecklistItem | null {
  return checklists.stages[stage].find((i) => i.key === key) ?? null;
}
