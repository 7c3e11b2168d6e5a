/**
 * The payments area: payee accounts, the payment proposal from a decision, the kassa's four-eyes check and stop,
 * payment files (pain.001 XML and the accounting CSV are files, not JSON), the bank's confirmation, the case view,
 * and the återkrav register with its ledger and the service (delgivning) of decisions.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PAYMENT_ACCOUNT_KINDS } from '@vagen/domain/payments/accounts.ts';
import { DECISION_SERVICE_METHODS, RECOVERY_ENTRY_KINDS } from '@vagen/domain/payments/recovery.ts';
import { PAYEE_KINDS, PAYMENT_STAGES, PAYMENT_STATUSES } from '@vagen/domain/payments/status.ts';
import { MAX_AMOUNT_ORE } from '@vagen/domain/money.ts';
import { IsoDate, Nullable, Uuid } from './common.ts';
import { oneOf } from './one-of.ts';

export const PayeeKind = oneOf(PAYEE_KINDS, { description: 'client = sökande/medsökande, landlord = hyresvärd, other = annan' });
export type PayeeKind = Static<typeof PayeeKind>;
export const AccountKind = oneOf(PAYMENT_ACCOUNT_KINDS);
export type AccountKind = Static<typeof AccountKind>;
export const PaymentStage = oneOf(PAYMENT_STAGES);
export type PaymentStage = Static<typeof PaymentStage>;
export const PaymentTiming = oneOf(['ordinary', 'acute'] as const, { description: 'acute = så snart som möjligt' });
export type PaymentTiming = Static<typeof PaymentTiming>;

export const PaymentAccount = Type.Object({
  id: Uuid,
  caseId: Uuid,
  personId: Nullable(Uuid),
  payeeKind: PayeeKind,
  payeeKindLabel: Type.String(),
  holderName: Type.String(),
  kind: AccountKind,
  kindLabel: Type.String(),
  clearing: Nullable(Type.String()),
  number: Type.String(),
  bankName: Nullable(Type.String()),
  display: Type.String(),
  verified: Type.Boolean(),
  verifiedAt: Nullable(Type.String()),
  verifiedByName: Nullable(Type.String()),
  verificationNote: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type PaymentAccount = Static<typeof PaymentAccount>;
export const PaymentAccountList = Type.Object({ items: Type.Array(PaymentAccount) });
export type PaymentAccountList = Static<typeof PaymentAccountList>;

export const ApprovalCheck = Type.Object({ code: Type.String(), label: Type.String(), ok: Type.Boolean(), detail: Type.String() });
export type ApprovalCheck = Static<typeof ApprovalCheck>;

export const PaymentHistoryRow = Type.Object({
  fromStage: Nullable(Type.String()),
  toStage: Type.String(),
  toLabel: Type.String(),
  at: Type.String(),
  actorName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export type PaymentHistoryRow = Static<typeof PaymentHistoryRow>;

export const PaymentFlag = Type.Object({ code: oneOf(['accountNotVerified', 'accountInvalid'] as const), message: Type.String() });
export type PaymentFlag = Static<typeof PaymentFlag>;

const paymentProperties = {
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  decisionId: Nullable(Uuid),
  amount: Type.Integer(),
  payee: Type.String({ description: "Mottagartyp ('client' | 'landlord' | 'other')." }),
  payeeName: Type.String(),
  payeeKind: PayeeKind,
  payeeKindLabel: Type.String(),
  personId: Nullable(Uuid),
  account: Nullable(PaymentAccount),
  plannedDate: IsoDate,
  timing: PaymentTiming,
  dateBasis: Nullable(Type.String()),
  status: oneOf(PAYMENT_STATUSES),
  stage: PaymentStage,
  stageLabel: Type.String(),
  endToEndId: Nullable(Type.String()),
  proposedAt: Nullable(Type.String()),
  proposedByName: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  approvedByName: Nullable(Type.String()),
  checks: Nullable(Type.Array(ApprovalCheck)),
  stoppedAt: Nullable(Type.String()),
  stoppedByName: Nullable(Type.String()),
  stopReason: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  returnedByName: Nullable(Type.String()),
  returnComment: Nullable(Type.String({ description: 'Kassans kommentar när förslaget skickades tillbaka till handläggaren' })),
  flags: Type.Array(PaymentFlag, { description: 'Det som handläggaren och kassan ska se, t.ex. ett konto som inte är kontrollerat' }),
  paymentFileId: Nullable(Uuid),
  sentAt: Nullable(Type.String()),
  paidAt: Nullable(Type.String()),
  history: Type.Array(PaymentHistoryRow),
};
export const Payment = Type.Object(paymentProperties);
export type Payment = Static<typeof Payment>;

export const SuggestedDate = Type.Object({ date: IsoDate, explanation: Type.String() });
export const PayableDecision = Type.Object({
  id: Uuid,
  outcome: Type.String(),
  outcomeLabel: Type.String(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  amount: Type.Integer(),
  decidedAt: Type.String(),
  decidedByName: Nullable(Type.String()),
  paidOrPlanned: Type.Integer(),
  remaining: Type.Integer(),
  suggestedDates: Type.Object({ ordinary: SuggestedDate, acute: SuggestedDate }),
});
export type PayableDecision = Static<typeof PayableDecision>;

export const CasePayments = Type.Object({
  payments: Type.Array(Payment),
  accounts: Type.Array(PaymentAccount),
  payees: Type.Array(Type.Object({ personId: Uuid, name: Type.String(), role: Type.String(), roleLabel: Type.String() })),
  decisions: Type.Array(PayableDecision),
  fourEyes: Type.Boolean(),
  permissions: Type.Object({ canPropose: Type.Boolean(), canApprove: Type.Boolean(), canStop: Type.Boolean(), canManageRecovery: Type.Boolean() }),
});
export type CasePayments = Static<typeof CasePayments>;

export const KassaPayment = Type.Object({
  ...paymentProperties,
  decision: Nullable(
    Type.Object({
      id: Uuid,
      outcome: Type.String(),
      amount: Type.Integer(),
      periodStart: IsoDate,
      periodEnd: IsoDate,
      decidedAt: Type.String(),
      status: Type.String(),
      decidedByName: Nullable(Type.String()),
    }),
  ),
  checkPreview: Nullable(
    Type.Object({
      ok: Type.Boolean(),
      message: Nullable(Type.String()),
      reasons: Type.Array(Type.String(), { description: 'Varför godkännandet inte kan lyckas nu (tomt när det kan det); samma regel som servern godkänner efter' }),
      checks: Type.Array(ApprovalCheck),
    }),
  ),
});
export type KassaPayment = Static<typeof KassaPayment>;
export const KassaList = Type.Object({ items: Type.Array(KassaPayment) });
export type KassaList = Static<typeof KassaList>;

export const KassaQuery = Type.Object(
  {
    stage: Type.Union([Type.Literal('awaitingApproval'), Type.Literal('approved')], { default: 'awaitingApproval' }),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }),
  },
  { additionalProperties: false },
);

/** The kassa's history of what was sent: payment files in a month, each with its payments. */
export const SentQuery = Type.Object(
  {
    month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'Månad ÅÅÅÅ-MM (standard: senaste månaden med betalfiler)' })),
  },
  { additionalProperties: false },
);
export const SentPayment = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  amount: Type.Integer(),
  payeeName: Type.String(),
  plannedDate: IsoDate,
  status: oneOf(PAYMENT_STATUSES),
  statusLabel: Type.String(),
  proposedByName: Nullable(Type.String()),
  approvedByName: Nullable(Type.String()),
});
export type SentPayment = Static<typeof SentPayment>;
export const SentFile = Type.Object({
  id: Uuid,
  messageId: Type.String(),
  sentAt: Type.String(),
  sentOn: IsoDate,
  sentByName: Type.String(),
  status: oneOf(['sent', 'confirmed'] as const),
  statusLabel: Type.String(),
  paymentCount: Type.Integer(),
  totalAmount: Type.Integer(),
  approvedByNames: Type.Array(Type.String()),
  payments: Type.Array(SentPayment),
});
export type SentFile = Static<typeof SentFile>;
export const SentHistory = Type.Object({
  month: Nullable(Type.String({ description: 'Visad månad (ÅÅÅÅ-MM); null när inget har skickats' })),
  months: Type.Array(Type.String(), { description: 'Månader med betalfiler, senaste först' }),
  files: Type.Array(SentFile),
  paymentCount: Type.Integer(),
  totalAmount: Type.Integer(),
});
export type SentHistory = Static<typeof SentHistory>;

export const ReturnPaymentBody = Type.Object({ comment: Type.String({ minLength: 3, maxLength: 1000, description: 'Vad handläggaren behöver rätta' }) }, { additionalProperties: false });
export type ReturnPaymentBody = Static<typeof ReturnPaymentBody>;

export const ProposalResult = Type.Object({ plannedDate: IsoDate, dateExplanation: Type.String(), payments: Type.Array(Payment) });
export type ProposalResult = Static<typeof ProposalResult>;

export const PaymentFile = Type.Object({
  id: Uuid,
  sequenceNumber: Type.Integer(),
  messageId: Type.String(),
  upTo: IsoDate,
  paymentCount: Type.Integer(),
  totalAmount: Type.Integer(),
  status: oneOf(['sent', 'confirmed'] as const),
  statusLabel: Type.String(),
  createdAt: Type.String(),
  createdByName: Type.String(),
  confirmedAt: Nullable(Type.String()),
  confirmedByName: Nullable(Type.String()),
  xmlUrl: Type.String({ description: 'Betalfilen (pain.001, application/xml).' }),
  csvUrl: Type.String({ description: 'Bokföringsunderlaget (text/csv).' }),
});
export type PaymentFile = Static<typeof PaymentFile>;
export const PaymentFileList = Type.Object({ items: Type.Array(PaymentFile) });
export type PaymentFileList = Static<typeof PaymentFileList>;
export const PaymentFileDetail = Type.Composite([PaymentFile, Type.Object({ payments: Type.Array(Payment) })]);
export type PaymentFileDetail = Static<typeof PaymentFileDetail>;

// Requests.

export const NewAccountBody = Type.Object(
  {
    payeeKind: PayeeKind,
    personId: Type.Optional(Type.String({ format: 'uuid', description: 'För client: sökande eller medsökande i ärendet' })),
    holderName: Type.Optional(Type.String({ minLength: 1, maxLength: 70, description: 'Mottagarens namn (hyresvärd eller annan)' })),
    kind: AccountKind,
    clearing: Type.Optional(Type.String({ maxLength: 10 })),
    number: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);
export type NewAccountBody = Static<typeof NewAccountBody>;

export const VerifyAccountBody = Type.Object(
  {
    note: Type.String({ minLength: 3, maxLength: 500, description: 'Hur kontot kontrollerades, t.ex. "Kontobevis från banken"' }),
  },
  { additionalProperties: false },
);
export type VerifyAccountBody = Static<typeof VerifyAccountBody>;

export const ProposalBody = Type.Object(
  {
    timing: Type.Optional(PaymentTiming),
    plannedDate: Type.Optional(Type.String({ format: 'date', description: 'Annan dag än regelns (en bankdag, inte bakåt i tiden)' })),
    parts: Type.Array(
      Type.Object(
        {
          accountId: Uuid,
          amount: Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_ORE, description: 'öre' }),
          personId: Type.Optional(Type.String({ format: 'uuid', description: 'Vems andel (sökande eller medsökande)' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
export type ProposalBody = Static<typeof ProposalBody>;

export const StopPaymentBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) }, { additionalProperties: false });
export type StopPaymentBody = Static<typeof StopPaymentBody>;

export const CreatePaymentFileBody = Type.Object(
  {
    upTo: Type.String({ format: 'date', description: 'Ta med godkända utbetalningar med utbetalningsdag till och med detta datum' }),
  },
  { additionalProperties: false },
);
export type CreatePaymentFileBody = Static<typeof CreatePaymentFileBody>;

export const ConfirmPaymentFileBody = Type.Object(
  {
    paidAt: Type.Optional(Type.String({ format: 'date-time', description: 'När banken betalade ut (standard: nu)' })),
  },
  { additionalProperties: false },
);
export type ConfirmPaymentFileBody = Static<typeof ConfirmPaymentFileBody>;

// Återkrav.

export const RecoveryLedgerEntry = Type.Object({
  id: Uuid,
  kind: oneOf(RECOVERY_ENTRY_KINDS),
  kindLabel: Type.String(),
  amount: Type.Integer(),
  entryDate: IsoDate,
  note: Nullable(Type.String()),
  balanceAfter: Type.Integer(),
  createdAt: Type.String(),
  createdByName: Type.String(),
});
export type RecoveryLedgerEntry = Static<typeof RecoveryLedgerEntry>;

export const RecoveryClaim = Type.Object({
  id: Uuid,
  caseId: Uuid,
  basis: Type.String(),
  basisLabel: Type.String(),
  legalReference: Type.String(),
  decisionId: Nullable(Uuid),
  grantedOn: Nullable(IsoDate),
  amount: Type.Integer(),
  decidedDate: IsoDate,
  description: Nullable(Type.String()),
  balance: Type.Integer(),
  state: oneOf(['open', 'settled'] as const),
  stateLabel: Type.String(),
  createdAt: Type.String(),
  createdByName: Type.String(),
  ledger: Type.Array(RecoveryLedgerEntry),
});
export type RecoveryClaim = Static<typeof RecoveryClaim>;

export const RecoveryBasis = Type.Object({
  code: Type.String(),
  label: Type.String(),
  legalReference: Type.String(),
  description: Type.String(),
  requiresStatedInGrant: Type.Boolean(),
});
export type RecoveryBasis = Static<typeof RecoveryBasis>;

/** A decided decision a claim can rest on, with what the grant-time conditions look at. */
export const RecoveryGrantDecision = Type.Object({
  id: Uuid,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  amount: Type.Integer(),
  grantedOn: IsoDate,
  law: Nullable(Type.String()),
  grantsAssistance: Type.Boolean(),
  written: Type.Boolean(),
  servedOn: Nullable(IsoDate),
  servedMethodLabel: Nullable(Type.String()),
  statedReferenceId: Nullable(Type.String()),
});
export type RecoveryGrantDecision = Static<typeof RecoveryGrantDecision>;

const CodeLabel = Type.Object({ code: Type.String(), label: Type.String() });

export const CaseRecovery = Type.Object({
  items: Type.Array(RecoveryClaim),
  grantedOn: IsoDate,
  law: Nullable(Type.String()),
  bases: Type.Array(RecoveryBasis),
  decisions: Type.Array(RecoveryGrantDecision),
  serviceMethods: Type.Array(CodeLabel),
  entryKinds: Type.Array(CodeLabel),
  permissions: Type.Object({ canManage: Type.Boolean(), canRecordService: Type.Boolean() }),
});
export type CaseRecovery = Static<typeof CaseRecovery>;

export const RecoveryClaimsQuery = Type.Object(
  {
    grantedOn: Type.Optional(Type.String({ format: 'date', description: 'Visa grunderna för bistånd som beviljades denna dag (standard: i dag)' })),
  },
  { additionalProperties: false },
);

const ClaimNote = Type.String({ minLength: 1, maxLength: 2000 });

export const NewRecoveryClaimBody = Type.Object(
  {
    basis: Type.String({ minLength: 1, maxLength: 60, description: 'Kod ur konfigurationen (recoveryBases) för lagen som gällde när biståndet beviljades' }),
    decisionId: Type.Optional(Type.String({ format: 'uuid', description: 'Beslutet om bistånd som kravet gäller; krävs för grunder som ska ha angetts i beslutet' })),
    grantedDate: Type.Optional(Type.String({ format: 'date', description: 'Dagen då biståndet beviljades, när inget beslut väljs; avgör vilken lag som gäller' })),
    amount: Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_ORE, description: 'öre' }),
    decidedDate: IsoDate,
    description: Type.Optional(ClaimNote),
  },
  { additionalProperties: false },
);
export type NewRecoveryClaimBody = Static<typeof NewRecoveryClaimBody>;

export const RecoveryLedgerBody = Type.Object(
  {
    kind: oneOf(RECOVERY_ENTRY_KINDS),
    amount: Type.Integer({ minimum: -MAX_AMOUNT_ORE, maximum: MAX_AMOUNT_ORE, description: 'öre; bara en justering kan vara negativ' }),
    entryDate: IsoDate,
    note: Type.Optional(ClaimNote),
  },
  { additionalProperties: false },
);
export type RecoveryLedgerBody = Static<typeof RecoveryLedgerBody>;

export const DecisionServiceBody = Type.Object(
  {
    servedOn: Type.String({ format: 'date', description: 'Dagen då den enskilde delgavs beslutet' }),
    method: oneOf(DECISION_SERVICE_METHODS, { description: 'Hur beslutet delgavs' }),
  },
  { additionalProperties: false },
);
export type DecisionServiceBody = Static<typeof DecisionServiceBody>;

export const DecisionService = Type.Object({
  id: Uuid,
  servedOn: IsoDate,
  servedMethod: oneOf(DECISION_SERVICE_METHODS),
  servedMethodLabel: Type.String(),
});
export type DecisionService = Static<typeof DecisionService>;
