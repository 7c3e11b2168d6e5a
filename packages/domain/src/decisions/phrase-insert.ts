/**
 * Inserting a phrase from the phrase library into a decision's reasons: a phrase already in the text (however it is
 * spaced or broken over lines) is not inserted again, since a letter that says the same thing twice reads as an error.
 */

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** True when the phrase's text already stands in the reasons. */
export function phraseAlreadyIn(reasons: string, phraseText: string): boolean {
  const p = normalize(phraseText);
  return p !== '' && normalize(reasons).includes(p);
}

export type PhraseInsertion = { ok: true; text: string } | { ok: false; message: string };

/** The reasons with the phrase added as its own paragraph, or a warning when it is there already. */
export function insertPhrase(reasons: string, phraseText: string): PhraseInsertion {
  if (phraseAlreadyIn(reasons, phraseText)) return { ok: false, message: 'Frasen finns redan i motiveringen.' };
  const base = reasons.trim();
  return { ok: true, text: base ? `${base}\n\n${phraseText.trim()}` : phraseText.trim() };
}
