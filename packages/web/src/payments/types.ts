/** Shapes of the payments API (packages/server/src/payments). Money is integer öre; times ISO 8601 UTC. */

export type PayeeKind = 'client' | 'landlord' | 'other';
export type AccountKind = 'bankAccount' | 'bankgiro' | 'plusgiro' | 'iban';
export type PaymentStage = 'planned' | 'approved' | 'sent' | 'paid' | 'stopped';

export interface PaymentAccount {
  id: string;
  caseId: string;
  personId: string | null;
  payeeKind: PayeeKind;
  payeeKindLabel: string;
  holderName: string;
  kind: AccountKind;
  kindLabel: string;
  clearing: string | null;
  number: string;
  bankName: string | null;
  display: string;
  verified: boolean;
  verifiedAt: string | null;
  verifiedByName: string | null;
  verificationNote: string | null;
  createdAt: string;
}

export interface ApprovalCheck {
  code: string;
  label: string;
  ok: boolean;
  detail: string;
}

export interface PaymentHistoryRow {
  fromStage: string | null;
  toStage: string;
  toLabel: string;
  at: string;
  actorName: string | null;
  reason: string | null;
}

export interface Payment {
  id: string;
  caseId: string;
  caseNumber: string;
  decisionId: string | null;
  amount: number;
  payee: string;
  payeeName: string;
  payeeKind: PayeeKind;
  payeeKindLabel: string;
  personId: string | null;
  account: PaymentAccount | null;
  plannedDate: string;
  timing: 'ordinary' | 'acute';
  dateBasis: string | null;
  status: 'planned' | 'sent' | 'paid' | 'stopped';
  stage: PaymentStage;
  stageLabel: string;
  endToEndId: string | null;
  proposedAt: string | null;
  proposedByName: string | null;
  approvedAt: string | null;
  approvedByName: string | null;
  checks: ApprovalCheck[] | null;
  stoppedAt: string | null;
  stoppedByName: string | null;
  stopReason: string | null;
  paymentFileId: string | null;
  sentAt: string | null;
  paidAt: string | null;
  history: PaymentHistoryRow[];
}

export interface PayableDecision {
  id: string;
  outcome: string;
  outcomeLabel: string;
  periodStart: string;
  periodEnd: string;
  amount: number;
  decidedAt: string;
  decidedByName: string | null;
  paidOrPlanned: number;
  remaining: number;
  suggestedDates: Record<'ordinary' | 'acute', { date: string; explanation: string }>;
}

export interface CasePayments {
  payments: Payment[];
  accounts: PaymentAccount[];
  payees: { personId: string; name: string; role: string; roleLabel: string }[];
  decisions: PayableDecision[];
  fourEyes: boolean;
  permissions: { canPropose: boolean; canApprove: boolean; canStop: boolean; canManageRecovery: boolean };
}

export interface KassaPayment extends Payment {
  decision: { id: string; outcome: string; amount: number; periodStart: string; periodEnd: string; decidedAt: string; status: string; decidedByName: string | null } | null;
  checkPreview: { ok: boolean; message: string | null; checks: ApprovalCheck[] } | null;
}

export interface PaymentFile {
  id: string;
  sequenceNumber: number;
  messageId: string;
  upTo: string;
  paymentCount: number;
  totalAmount: number;
  status: 'sent' | 'confirmed';
  statusLabel: string;
  createdAt: string;
  createdByName: string;
  confirmedAt: string | null;
  confirmedByName: string | null;
  xmlUrl: string;
  csvUrl: string;
}

export interface RecoveryLedgerEntry {
  id: string;
  kind: string;
  kindLabel: string;
  amount: number;
  entryDate: string;
  note: string | null;
  balanceAfter: number;
  createdAt: string;
  createdByName: string;
}

export interface RecoveryClaim {
  id: string;
  caseId: string;
  basis: string;
  basisLabel: string;
  legalReference: string;
  decisionId: string | null;
  /** The day the assistance was granted; it selects the law the claim follows. Null on claims registered before it was kept. */
  grantedOn: string | null;
  amount: number;
  decidedDate: string;
  description: string | null;
  balance: number;
  state: 'open' | 'settled';
  stateLabel: string;
  createdAt: string;
  createdByName: string;
  ledger: RecoveryLedgerEntry[];
}

export interface RecoveryBasis { code: string; label: string; legalReference: string; description: string; requiresStatedInGrant: boolean }

/** A decided decision a claim can rest on, with what the grant-time conditions look at. */
export interface RecoveryGrantDecision {
  id: string;
  periodStart: string;
  periodEnd: string;
  amount: number;
  grantedOn: string;
  law: string | null;
  grantsAssistance: boolean;
  written: boolean;
  servedOn: string | null;
  servedMethodLabel: string | null;
  statedReferenceId: string | null;
}

export interface CaseRecovery {
  items: RecoveryClaim[];
  /** The grant day the bases below belong to, and its law. */
  grantedOn: string;
  law: string | null;
  bases: RecoveryBasis[];
  decisions: RecoveryGrantDecision[];
  serviceMethods: { code: string; label: string }[];
  entryKinds: { code: string; label: string }[];
  permissions: { canManage: boolean; canRecordService: boolean };
}
