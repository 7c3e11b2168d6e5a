/** Journal entries: editable by the author until signed, locked after; corrections are new entries. */
export interface JournalEntryState {
  authorId: string;
  signedAt: string | null;
}

export type JournalEditCheck = { ok: true } | { ok: false; reason: 'signed' | 'notAuthor'; message: string };

export function canEditJournalEntry(entry: JournalEntryState, userId: string): JournalEditCheck {
  if (entry.signedAt) return { ok: false, reason: 'signed', message: 'Anteckningen är signerad och kan inte ändras. Skriv en rättelse i stället.' };
  if (entry.authorId !== userId) return { ok: false, reason: 'notAuthor', message: 'Bara den som skrev anteckningen kan ändra den innan den signeras.' };
  return { ok: true };
}

export function canSignJournalEntry(entry: JournalEntryState, userId: string): JournalEditCheck {
  if (entry.signedAt) return { ok: false, reason: 'signed', message: 'Anteckningen är redan signerad.' };
  if (entry.authorId !== userId) return { ok: false, reason: 'notAuthor', message: 'Bara den som skrev anteckningen kan signera den.' };
  return { ok: true };
}

/** A correction may refer only to a signed entry (an unsigned one is simply edited). */
export function canCorrectJournalEntry(entry: JournalEntryState): JournalEditCheck {
  if (!entry.signedAt) return { ok: false, reason: 'signed', message: 'Anteckningen är inte signerad. Ändra den direkt i stället för att skriva en rättelse.' };
  return { ok: true };
}

/** The case step a journal entry belongs to, so the journal can be read per step. */
export const JOURNAL_STEPS = ['intake', 'investigation', 'assessment', 'decision', 'payment', 'appeal', 'followUp', 'other'] as const;
export type JournalStep = (typeof JOURNAL_STEPS)[number];
export const JOURNAL_STEP_LABELS: Record<JournalStep, string> = {
  intake: 'Mottagning',
  investigation: 'Utredning',
  assessment: 'Bedömning',
  decision: 'Beslut',
  payment: 'Utbetalning',
  appeal: 'Överklagande',
  followUp: 'Uppföljning',
  other: 'Övrigt',
};
