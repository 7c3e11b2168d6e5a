/** Shapes of the assessment API (GET /cases/:id/assessment and the routes it links to). Money is integer öre. */

export interface Choice { value: string; label: string }
export interface Warning { type: string; message: string; path?: string }

export interface ContentAdult { personId: string | null; name: string }
export interface ContentChild { id: string; personId: string | null; name: string; birthDate: string; daysAtHome: number | null; lunchAtPreschool: boolean }
export interface ContentIncome { id: string; type: string; person: string; amount: number; note: string }
export interface ContentCost { id: string; type: string; amount: number; note: string }
export interface ContentAsset { id: string; kind: string; value: number; note: string }
export interface ApplicationContent {
  version: 1;
  applicant: ContentAdult;
  coApplicant: ContentAdult | null;
  children: ContentChild[];
  housing: { tenure: string; rent: number; personsInDwelling: number; sharesHousehold: boolean; note: string };
  incomes: ContentIncome[];
  costs: ContentCost[];
  assets: ContentAsset[];
  period: { start: string; end: string };
  jobStimulus: ('applicant' | 'coApplicant')[];
}

export interface ApplicationView {
  id: string; caseId: string; kind: string; kindLabel: string; status: string; statusLabel: string; periodMonth: string;
  periodStart: string | null; periodEnd: string | null; submittedAt: string; channel: string; updatedAt: string | null;
  filled: boolean; content: ApplicationContent; currentCalculationId: string | null; calculationStale: boolean;
}

export interface CalcRow {
  key: string; kind: 'personal' | 'common' | 'cost' | 'income' | 'jobStimulus'; label: string; applied: number | null;
  systemValue: number; workerValue: number | null; value: number; origin: 'system' | 'caseworker'; adjustmentId: string | null;
  note: string | null; adjustable: boolean; explanation: string; rule: string; warnings: Warning[];
}
export interface Totals { personal: number; common: number; norm: number; costsApplied: number; costs: number; need: number; income: number; assistance: number }
export interface CalcMonth { month: string; rows: CalcRow[]; totals: Totals; systemTotals: Totals; warnings: Warning[] }
export interface AdjustmentView {
  id: string; lineKey: string; value: number; note: string; createdByName: string | null; createdAt: string;
  systemValueAtCreation: number | null; deletedAt: string | null; deletedByName: string | null; applied: boolean;
}
export interface CalculationView {
  id: string; applicationId: string; createdAt: string; createdBy: string; createdByName: string | null; current: boolean;
  approval: { required: boolean; approvedBy: string | null; approvedByName: string | null; approvedAt: string | null };
  months: CalcMonth[]; totals: Totals; systemAssistance: number; assistance: number; outcome: string; outcomeExplanation: string;
  normTables: { month: string; table: { id: string; title: string; provisional: boolean }; guidelines: { id: string; example: boolean } | null }[];
  adjustments: AdjustmentView[];
}

export interface DecisionItem {
  key: string; kind: 'norm' | 'cost' | 'income'; costType?: string; label: string; applied: number; approved: number; refused: number; reason: string;
  /** The reference the item is decided under (absent: the decision's main basis); decides how it is appealed. */
  legalBasisId?: string;
  provisionalSources?: { id: string; text: string }[];
}
export type AppealBasisKind = 'right' | 'sanction' | 'discretionary' | 'none';
export interface AppealRouteView {
  route: 'appeal' | 'legalityReview' | 'mixed' | 'unknown';
  items: { key: string; label: string; basisId: string | null; route: 'appeal' | 'legalityReview' | null }[];
  appealReferences: string[]; legalityReviewReferences: string[]; transitionalNote: string | null;
}
export interface Phrase { id: string; title: string; text: string }
export interface CommunicationView {
  id: string; kind: 'sent' | 'unnecessary'; text: string | null; sentAt: string | null; channel: string | null; answerDeadline: string | null;
  answerText: string | null; answeredAt: string | null; exceptionId: string | null; unnecessaryReason: string | null; letterUrl: string | null; recordedAt: string;
}
export interface DecisionView {
  id: string; caseId: string; applicationId: string | null; status: 'draft' | 'awaitingApproval' | 'decided'; statusLabel: string;
  outcome: string; outcomeLabel: string; periodStart: string; periodEnd: string; amount: number; systemAmount: number; appliedAmount: number;
  amountReason: string; items: DecisionItem[]; legalBasis: { id: string; text: string; verified: boolean }[]; reasons: string; appealRoute: AppealRouteView;
  supportObstacles: { adult: 'applicant' | 'coApplicant'; code: string; label: string; adultLabel: string }[];
  childPerspective: { children: { id: string; name: string; birthDate: string }[]; consideration: string; childSpokenTo: boolean; spokenToNote: string } | null;
  recoveryBasis: { legalReferenceId: string; text: string } | null; calculationId: string | null;
  presentingOfficer: { id: string; name: string | null } | null; decidedBy: { id: string; name: string | null } | null; decidedAt: string | null;
  approvedBy: { id: string; name: string | null } | null; approvedAt: string | null; letterUrl: string | null;
  communication: CommunicationView | null; communicationStatus: string; communicationStatusLabel: string;
  delegation: { mayDecideRoles: { role: string; label: string }[]; youMayDecide: boolean };
  fourEyes: { calculation: boolean; decision: boolean; payment: boolean };
  phrases: Phrase[]; itemPhrases: { key: string; phrases: Phrase[] }[];
  legalReferenceChoices: { id: string; text: string; title: string; verified: boolean; appealBasis: AppealBasisKind }[];
  recoveryReferenceChoices: { id: string; text: string; title: string; verified: boolean }[];
  communicationExceptions: { id: string; text: string }[];
  obstacleChoices: { code: string; label: string; group: string; groupLabel: string }[];
}

export interface AssessmentOverview {
  caseId: string; caseNumber: string;
  applications: { application: ApplicationView; calculation: CalculationView | null; decisions: DecisionView[] }[];
  fourEyes: { calculation: boolean; decision: boolean; payment: boolean };
  permissions: { canEdit: boolean; canDecide: boolean };
  choices: { tenure: Choice[]; costTypes: Choice[]; incomeTypes: Choice[]; assetKinds: Choice[]; communicationChannels: Choice[] };
}
