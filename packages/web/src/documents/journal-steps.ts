/** The case steps a journal entry can belong to (same codes as the API, packages/domain/src/journal.ts). */
export const JOURNAL_STEP_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'intake', label: 'Mottagning' },
  { value: 'investigation', label: 'Utredning' },
  { value: 'assessment', label: 'Bedömning' },
  { value: 'decision', label: 'Beslut' },
  { value: 'payment', label: 'Utbetalning' },
  { value: 'appeal', label: 'Överklagande' },
  { value: 'followUp', label: 'Uppföljning' },
  { value: 'other', label: 'Övrigt' },
];

export function journalStepLabel(step: string | null | undefined): string | null {
  if (!step) return null;
  return JOURNAL_STEP_OPTIONS.find((s) => s.value === step)?.label ?? step;
}
