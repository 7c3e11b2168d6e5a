/**
 * Omprövning (förvaltningslagen 2017:900 37–38 §§; 39 §: an appeal covers the changed decision). A decision may be changed to the party's disadvantage only
 * in the narrow cases of 37 § (e.g. incorrect information from the party); a change made because of an appeal is
 * therefore a change in the party's favour: the outcome is not worse and the amount is not lower.
 */
export type DecisionOutcomeCode = 'granted' | 'partlyRefused' | 'refused' | 'dismissed';

/** Higher is better for the person. Avvisning and avslag both give nothing. */
const OUTCOME_RANK: Record<DecisionOutcomeCode, number> = { dismissed: 0, refused: 0, partlyRefused: 1, granted: 2 };

export interface DecisionTerms {
  outcome: DecisionOutcomeCode;
  /** Öre. */
  amount: number;
  periodStart: string;
  periodEnd: string;
}

export type ChangeCheck = { ok: true } | { ok: false; field: 'outcome' | 'amount' | 'periodStart' | 'periodEnd' | 'same'; message: string };

export function checkChangeInFavour(original: DecisionTerms, replacement: DecisionTerms): ChangeCheck {
  if (OUTCOME_RANK[replacement.outcome] < OUTCOME_RANK[original.outcome]) {
    return { ok: false, field: 'outcome', message: 'Ett beslut får vid omprövning inte ändras till den enskildes nackdel (37 § förvaltningslagen).' };
  }
  if (replacement.amount < original.amount) {
    return { ok: false, field: 'amount', message: 'Beloppet får vid omprövning inte bli lägre än i det överklagade beslutet (37 § förvaltningslagen).' };
  }
  if (replacement.periodStart > original.periodStart || replacement.periodEnd < original.periodEnd) {
    return { ok: false, field: replacement.periodStart > original.periodStart ? 'periodStart' : 'periodEnd', message: 'Perioden får inte bli kortare än i det överklagade beslutet.' };
  }
  if (replacement.outcome === original.outcome && replacement.amount === original.amount && replacement.periodStart === original.periodStart && replacement.periodEnd === original.periodEnd) {
    return { ok: false, field: 'same', message: 'Det nya beslutet är likadant som det överklagade. Välj ”Beslutet står fast” i stället.' };
  }
  return { ok: true };
}
