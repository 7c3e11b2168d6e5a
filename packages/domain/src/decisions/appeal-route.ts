/**
 * How a decision on ekonomiskt bistånd can be challenged follows its legal basis (SoL 2025:400 35 kap. 1 §; for a
 * decision made before 1 July 2025 the repealed SoL 2001:453 16 kap. 3 §): a decision under the right to assistance
 * (12 kap. 1 §) and a refusal or reduction after declined praktik (12 kap. 5 §) are appealed to förvaltningsrätten
 * (förvaltningsbesvär); assistance beyond the right (12 kap. 2 §) can only be challenged by laglighetsprövning
 * (kommunallagen 2017:725 13 kap.). Which paragraph is which kind is data: `appealBasis` on each legal reference.
 * Wrong appeal instructions have legal effect, so a decision with items under both kinds says which item goes which way.
 */
import type { DecisionItem } from './types.ts';

export const APPEAL_BASIS_KINDS = ['right', 'sanction', 'discretionary', 'none'] as const;
export type AppealBasisKind = (typeof APPEAL_BASIS_KINDS)[number];

/** 'appeal' = förvaltningsbesvär to förvaltningsrätten; 'legalityReview' = laglighetsprövning only. */
export type ChallengeRoute = 'appeal' | 'legalityReview';

export function routeOfKind(kind: AppealBasisKind | undefined): ChallengeRoute | null {
  if (kind === 'right' || kind === 'sanction') return 'appeal';
  if (kind === 'discretionary') return 'legalityReview';
  return null;
}

export interface BasisReference {
  id: string;
  text: string;
  appealBasis?: AppealBasisKind;
}

/** Items that are decided on their own: the norm and each cost (incomes are only deducted). */
export const itemHasOwnBasis = (item: Pick<DecisionItem, 'kind'>) => item.kind !== 'income';

/** The reference an item is decided under: its own choice, else the decision's first reference that settles the route. */
export function itemBasisId(item: Pick<DecisionItem, 'legalBasisId'>, decisionBasis: readonly BasisReference[]): string | null {
  if (item.legalBasisId) return item.legalBasisId;
  return decisionBasis.find((r) => routeOfKind(r.appealBasis) !== null)?.id ?? null;
}

export interface RoutedItem {
  key: string;
  label: string;
  basisId: string | null;
  route: ChallengeRoute | null;
}

export interface AppealPlan {
  /**
   * 'appeal': everything is appealed to förvaltningsrätten; 'legalityReview': only laglighetsprövning; 'mixed': per
   * item; 'unknown': no reference on the decision settles it (e.g. a decision recorded without its legal basis).
   */
  route: 'appeal' | 'legalityReview' | 'mixed' | 'unknown';
  items: RoutedItem[];
  /** The decision's references that lead to each route (for "Beslutet är fattat enligt …"). */
  appealReferences: BasisReference[];
  legalityReviewReferences: BasisReference[];
}

export function appealPlan(decisionBasis: readonly BasisReference[], items: readonly Pick<DecisionItem, 'key' | 'kind' | 'label' | 'legalBasisId'>[]): AppealPlan {
  const byId = new Map(decisionBasis.map((r) => [r.id, r]));
  const routed: RoutedItem[] = items.filter(itemHasOwnBasis).map((item) => {
    const basisId = itemBasisId(item, decisionBasis);
    return { key: item.key, label: item.label, basisId, route: routeOfKind(basisId ? byId.get(basisId)?.appealBasis : undefined) };
  });
  const decisionRoutes = new Set(decisionBasis.map((r) => routeOfKind(r.appealBasis)).filter((x): x is ChallengeRoute => x !== null));
  // With items, the items decide; a decision without items (e.g. an avvisning) is routed by its own references.
  const used = routed.length ? new Set(routed.map((i) => i.route).filter((x): x is ChallengeRoute => x !== null)) : decisionRoutes;
  const route: AppealPlan['route'] = used.size === 0 ? 'unknown' : used.size === 2 ? 'mixed' : used.has('appeal') ? 'appeal' : 'legalityReview';
  // Every reference of the decision that leads to a route is named with it (12 kap. 1 § together with 7 §).
  const refsFor = (r: ChallengeRoute) => (used.has(r) ? decisionBasis.filter((ref) => routeOfKind(ref.appealBasis) === r) : []);
  return { route, items: routed, appealReferences: refsFor('appeal'), legalityReviewReferences: refsFor('legalityReview') };
}

/** Whether a förvaltningsbesvär can be registered against the decision (or the given items of it). */
export type AppealRegistrationCheck = { ok: true } | { ok: false; itemKeys: string[] };

export function checkAppealAgainst(plan: AppealPlan, itemKeys: readonly string[] = []): AppealRegistrationCheck {
  if (plan.route === 'legalityReview') return { ok: false, itemKeys: [] };
  const blocked = itemKeys.filter((k) => plan.items.find((i) => i.key === k)?.route === 'legalityReview');
  return blocked.length ? { ok: false, itemKeys: blocked } : { ok: true };
}
