/** Decisions on ekonomiskt bistånd: bifall, delavslag (per cost item), avslag, avvisning. Pure types and config shapes. */
import type { StaffRole } from '../roles.ts';
import type { CostType } from '../norm/types.ts';
import type { AdultRef } from '../assessment/content.ts';
import type { AppealBasisKind } from './appeal-route.ts';

export const DECISION_OUTCOMES = ['granted', 'partlyRefused', 'refused', 'dismissed'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
/** Outcomes that go against the person: kommunicering (FL 25 §) first. */
export const ADVERSE_OUTCOMES: readonly DecisionOutcome[] = ['partlyRefused', 'refused', 'dismissed'];
export const isAdverse = (o: DecisionOutcome) => ADVERSE_OUTCOMES.includes(o);

export const DECISION_STATUSES = ['draft', 'awaitingApproval', 'decided'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  draft: 'Utkast',
  awaitingApproval: 'Väntar på beslutsfattare',
  decided: 'Beslutat',
};

export interface DecisionItem {
  /** The calculation line key: 'norm', 'income', 'cost:<id>'. */
  key: string;
  kind: 'norm' | 'cost' | 'income';
  costType?: CostType;
  label: string;
  /** Whole period, öre. For 'income': the income deducted. */
  applied: number;
  approved: number;
  refused: number;
  /** Required when refused > 0 (FL 32 §). */
  reason: string;
  /**
   * The legal reference (one of the decision's) the item is decided under; absent = the decision's main basis. It
   * decides how the item can be appealed (see appeal-route.ts).
   */
  legalBasisId?: string;
  /** Calculation data behind the amount that is provisional (e.g. a norm not yet published): told in the letter. */
  provisionalSources?: { id: string; text: string }[];
}

export interface SupportObstacleChoice {
  adult: AdultRef;
  personId: string | null;
  code: string;
}
export interface ChildPerspective {
  children: { id: string; name: string; birthDate: string }[];
  /** How the decision considered the children (required when there are children). */
  consideration: string;
  childSpokenTo: boolean;
  spokenToNote: string;
}
/**
 * The repayment ground stated when granting (återbetalningsskyldighet): one of the legal references with use
 * 'recovery' (the grounds that must be stated in the grant decision), and the circumstance in plain Swedish.
 * A later claim on such a ground is possible only if the decision stated it and was served.
 */
export interface RecoveryBasis {
  legalReferenceId: string;
  text: string;
}

export interface DecisionDraft {
  outcome: DecisionOutcome;
  periodStart: string;
  periodEnd: string;
  amount: number;
  /** The calculation's assistance for the period. */
  systemAmount: number;
  amountReason: string;
  items: DecisionItem[];
  legalBasisIds: string[];
  reasons: string;
  supportObstacles: SupportObstacleChoice[];
  childPerspective: ChildPerspective | null;
  recoveryBasis: RecoveryBasis | null;
}

// ---- Configuration documents (packages/domain/rules/casework/*.json) -------------------------------------------------

export interface DecisionLegalReference {
  id: string;
  /** As written in decisions and letters, e.g. "12 kap. 1 § socialtjänstlagen (2025:400)". */
  text: string;
  /** What the rule is about, in plain Swedish (shown in the picker). */
  title: string;
  /** false: the paragraph could not be verified against the statute text; shown to the worker. */
  verified: boolean;
  /** What the reference was verified against (the SFS text and its version). */
  verifiedAgainst?: string;
  /** How a decision under this reference can be challenged (SoL 35 kap. 1 §); absent = 'none'. */
  appealBasis?: AppealBasisKind;
  /** Outcomes for which the reference is pre-selected in a new draft. */
  defaultFor?: DecisionOutcome[];
  /** 'decision' (may be a legal basis), 'recovery' (återkrav), 'procedure' (FL: kommunicering, appeal). */
  use: ('decision' | 'recovery' | 'procedure')[];
}

export interface CommunicationException {
  id: string;
  text: string;
}

/** The references letters cite for procedure, per law regime (the legalReferences document in force on the date). */
export interface ProcedureReferences {
  /** The social services act in force, e.g. "socialtjänstlagen (2025:400)". */
  law: string;
  /** Förvaltningsbesvär, e.g. "35 kap. 1 § socialtjänstlagen (2025:400)". */
  appeal: string;
  /** Laglighetsprövning, "13 kap. kommunallagen (2017:725)". */
  legalityReview: string;
  /** The right to give information orally before the nämnd (kommunicering). */
  oralRight: string;
  /** Plain-Swedish note when a transitional rule applies (decisions under the repealed law); empty otherwise. */
  transitionalNote: string;
}

export interface LegalReferencesConfig {
  procedureReferences: ProcedureReferences;
  references: DecisionLegalReference[];
  /** FL 25 § andra stycket: when kommunicering may be left out. */
  communicationExceptions: CommunicationException[];
}

export interface ReasonPhrase {
  id: string;
  title: string;
  /** Outcomes the phrase fits; empty = all. */
  outcomes: DecisionOutcome[];
  /** 'decision' (the whole decision) or 'item' (one refused cost item; placeholders item.*). */
  scope: 'decision' | 'item';
  /** Mustache text; placeholders are listed in the file. */
  text: string;
  /** Pre-selected in a new draft for its outcomes. */
  default?: boolean;
}

export interface SupportObstacleCode {
  code: string;
  label: string;
  group: string;
}
export interface SupportObstaclesConfig {
  groups: { id: string; label: string }[];
  codes: SupportObstacleCode[];
}

export interface DelegationRow {
  id: string;
  role: StaffRole;
  outcomes: DecisionOutcome[];
  /** Highest decision amount (öre) for the whole period; null = no limit. */
  maxAmount: number | null;
  validFrom?: string;
  validTo?: string | null;
  /** The point in the municipality's delegationsordning. */
  source?: string;
}
