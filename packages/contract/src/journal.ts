/** The journal area: writing, editing, signing and correcting a case's journal entries. */
import { Type, type Static } from '@sinclair/typebox';
import { JOURNAL_STEPS } from '@vagen/domain';
import { Instant, IsoDate, Nullable, Uuid, literals } from './common.ts';

export const JournalEntryParams = Type.Object({ id: Uuid });
export type JournalEntryParams = Static<typeof JournalEntryParams>;

const Title = Type.String({ minLength: 1, maxLength: 200 });
const EntryText = Type.String({ minLength: 1, maxLength: 20_000 });

export const NewJournalEntryBody = Type.Object(
  {
    eventDate: IsoDate,
    title: Title,
    body: EntryText,
    // FL 27 §: information received other than in writing, with when and from whom.
    receivedOrallyFrom: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    receivedOrallyAt: Type.Optional(Instant),
    step: Type.Optional(literals(JOURNAL_STEPS, 'Vilket steg i ärendet anteckningen hör till')),
  },
  { additionalProperties: false },
);
export type NewJournalEntryBody = Static<typeof NewJournalEntryBody>;

export const PatchJournalEntryBody = Type.Object({ eventDate: Type.Optional(IsoDate), title: Type.Optional(Title), body: Type.Optional(EntryText) }, { additionalProperties: false, minProperties: 1 });
export type PatchJournalEntryBody = Static<typeof PatchJournalEntryBody>;

export const JournalCorrectionBody = Type.Object({ title: Title, body: EntryText }, { additionalProperties: false });
export type JournalCorrectionBody = Static<typeof JournalCorrectionBody>;

/** One entry as the journal routes answer (the case page's entries also say what the user may do). */
export const JournalEntry = Type.Object({
  id: Uuid,
  caseId: Uuid,
  eventDate: IsoDate,
  title: Type.String(),
  body: Type.String(),
  authorId: Uuid,
  authorName: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
  signedAt: Nullable(Instant),
  signedByName: Nullable(Type.String()),
  correctsEntryId: Nullable(Uuid),
  receivedOrallyFrom: Nullable(Type.String()),
  receivedOrallyAt: Nullable(Instant),
  step: Nullable(Type.String()),
});
export type JournalEntry = Static<typeof JournalEntry>;
