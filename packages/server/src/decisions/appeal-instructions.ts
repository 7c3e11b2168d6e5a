/**
 * The appeal route of a stored decision: its legal basis (the snapshot taken when the draft was saved, completed from
 * the configuration for snapshots older than `appealBasis`) and its items, read against the law regime in force on the
 * day it was made. A decision made before 1 July 2025 is appealed under the repealed SoL 2001:453 (transitional
 * rule), which is the legalReferences document in force on that day.
 */
import { swedishDate, appealPlan, type AppealBasisKind, type AppealPlan, type BasisReference, type DecisionItem, type ProcedureReferences } from '@vagen/domain';
import { legalReferencesOn } from './config.ts';

export interface StoredBasis {
  id: string;
  text: string;
  appealBasis?: AppealBasisKind;
}

export interface DecisionAppealRoute {
  plan: AppealPlan;
  /** The references the letters cite for the regime of the decision's day; null when no regime is configured. */
  procedure: ProcedureReferences | null;
}

export function decisionAppealRoute(municipality: string, decidedAt: string, legalBasis: readonly StoredBasis[], items: readonly DecisionItem[]): DecisionAppealRoute {
  const regime = legalReferencesOn(municipality, swedishDate(decidedAt));
  const basis: BasisReference[] = legalBasis.map((b) => {
    const kind = b.appealBasis ?? regime?.references.find((r) => r.id === b.id)?.appealBasis;
    return kind ? { id: b.id, text: b.text, appealBasis: kind } : { id: b.id, text: b.text };
  });
  return { plan: appealPlan(basis, items), procedure: regime?.procedureReferences ?? null };
}

/** "12 kap. 1 § socialtjänstlagen (2025:400) och 12 kap. 7 § …" */
export const referencesText = (refs: readonly { text: string }[]) => refs.map((r) => r.text).join(' och ');

/**
 * Plain Swedish for the worker when a förvaltningsbesvär cannot be registered or forwarded: what applies instead
 * (laglighetsprövning, brought by the person directly at the court).
 */
export function legalityOnlyMessage(route: DecisionAppealRoute, what: string): string {
  const refs = referencesText(route.plan.legalityReviewReferences) || '12 kap. 2 § socialtjänstlagen';
  const appealRef = route.procedure?.appeal ?? '35 kap. 1 § socialtjänstlagen (2025:400)';
  const review = route.procedure?.legalityReview ?? '13 kap. kommunallagen (2017:725)';
  return (
    `${what} är beslutat enligt ${refs}. Ett sådant beslut kan inte överklagas till förvaltningsrätten (${appealRef}), så skrivelsen kan inte registreras eller lämnas över som ett överklagande. ` +
    `Det som gäller i stället är laglighetsprövning enligt ${review}: den enskilde skickar själv sin skrivelse direkt till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på kommunens anslagstavla att protokollet över beslutet justerats, och domstolen prövar bara om beslutet är lagligt. ` +
    'Svara den enskilde och berätta det, och anteckna skrivelsen i journalen. Är skrivelsen i själva verket en ny ansökan, registrera den som en ansökan.'
  );
}
