/**
 * The assessment area's configuration documents (packages/domain/rules/casework): legal references, reason phrases,
 * försörjningshinder, delegation, four-eyes, decision and communication letter templates. Read through one function so
 * that tests can put in their own documents (e.g. four-eyes on).
 */
import type { CommunicationException, DecisionLegalReference, DecisionOutcome, DelegationRow, ProcedureReferences, ReasonPhrase, SupportObstacleCode } from '@vagen/domain';
import { getCaseworkRules, type CaseworkDocument, type CaseworkRules } from '../rules/casework-rules.ts';
import { HttpProblem } from '../errors.ts';

let override: CaseworkRules | null = null;

/** Tests only: use these documents instead of the files (null = back to the files). */
export function useCaseworkRulesForAssessment(rules: CaseworkRules | null): void {
  override = rules;
}

export function rules(): CaseworkRules {
  return override ?? getCaseworkRules();
}

export interface LegalReferencesDoc extends CaseworkDocument {
  procedureReferences: ProcedureReferences;
  references: DecisionLegalReference[];
  communicationExceptions: CommunicationException[];
}
export interface ReasonPhrasesDoc extends CaseworkDocument {
  phrases: ReasonPhrase[];
}
export interface SupportObstaclesDoc extends CaseworkDocument {
  groups: { id: string; label: string }[];
  codes: SupportObstacleCode[];
}
export interface DelegationDoc extends CaseworkDocument {
  rows: DelegationRow[];
}
export interface FourEyesDoc extends CaseworkDocument {
  sections: { calculation?: boolean; decision?: boolean; payment?: boolean };
}
export interface DecisionLetterDoc extends CaseworkDocument {
  titles: Record<DecisionOutcome, string>;
  outcomeText: Record<DecisionOutcome, string>;
  headings: Record<'decision' | 'amounts' | 'reasons' | 'legalBasis' | 'children' | 'recovery' | 'appeal' | 'appealRoute' | 'legalityReviewRoute' | 'signature', string>;
  amountColumns: string[];
  totalLabel: string;
  childrenText: string;
  recoveryText: string;
  signatureText: string;
  /** Printed only when someone other than the decision-maker presented the decision (FL 31 §). */
  presentingOfficerText: string;
  /** Which way the decision (or each item) is challenged, before the instructions. */
  appealIntro: Record<'appeal' | 'legalityReview' | 'mixed' | 'mixedAppealItems' | 'mixedLegalityItems' | 'transitional', string>;
  /** Förvaltningsbesvär: how, where (postal and e-service address) and when. */
  appeal: string[];
  /** Laglighetsprövning (kommunallagen 13 kap.): who, where, when, what the court can do. */
  legalityReview: string[];
  /** Mark and note for an amount built on provisional data. */
  provisional: { label: string; note: string };
  appealDeadlineWeeks: number;
}
export interface CommunicationLetterDoc extends CaseworkDocument {
  title: string;
  intro: string;
  materialHeading: string;
  answerHeading: string;
  answer: string;
  legal: string;
  /** The right to give information orally before the nämnd ({{oralRightReference}}). */
  oralRight: string;
}

function need<T extends CaseworkDocument>(kind: string, municipality: string, date: string): T {
  const doc = rules().find<T>(kind, municipality, date);
  if (!doc) throw new HttpProblem(503, 'CONFIGURATION_MISSING', `Konfiguration saknas: ${kind} för kommun ${municipality} den ${date}. Kontakta systemförvaltaren.`);
  return doc;
}

export const legalReferences = (m: string, d: string) => need<LegalReferencesDoc>('legalReferences', m, d);
/** The legal references in force on a decision's date (its law regime), or null when none is configured for it. */
export const legalReferencesOn = (m: string, d: string) => rules().find<LegalReferencesDoc>('legalReferences', m, d);
export const reasonPhrases = (m: string, d: string) => need<ReasonPhrasesDoc>('reasonPhrases', m, d);
export const supportObstacles = (m: string, d: string) => need<SupportObstaclesDoc>('supportObstacles', m, d);
export const delegation = (m: string, d: string) => need<DelegationDoc>('delegation', m, d);
export const decisionLetter = (m: string, d: string) => need<DecisionLetterDoc>('decisionLetter', m, d);
export const communicationLetter = (m: string, d: string) => need<CommunicationLetterDoc>('communicationLetter', m, d);

/** Four-eyes per section; no document = off. */
export function fourEyes(m: string, d: string): { calculation: boolean; decision: boolean; payment: boolean } {
  const doc = rules().find<FourEyesDoc>('fourEyes', m, d);
  return { calculation: doc?.sections.calculation === true, decision: doc?.sections.decision === true, payment: doc?.sections.payment === true };
}
