/**
 * Shapes of the payment configuration documents (packages/domain/rules/casework/payment-*.json and accounting-*.json).
 * The server loads them with getCaseworkRules(); the domain only reads the values it is given.
 */
import type { PaymentAccountKind } from './accounts.ts';

export interface PaymentDateRule {
  /** Ordinary payments: day `dayOfMonth` of the month `monthOffset` months from the period's first month (−1 = the month before). */
  ordinary: { dayOfMonth: number; monthOffset: number };
  /** Acute payments ("så snart som möjligt"): this many banking days after today (0 = today, if a banking day). */
  acute: { bankingDaysFromToday: number };
  /** The earliest date any payment can have: today + this many banking days (the file must reach the bank). */
  leadBankingDays: number;
}

export interface PaymentSettings {
  kind: 'paymentSettings';
  id: string;
  municipality?: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  paymentDate: PaymentDateRule;
  /** The municipality as debtor in the payment file. */
  debtor: {
    name: string;
    organisationNumber: string;
    account: { kind: Extract<PaymentAccountKind, 'bankgiro' | 'iban'>; number: string };
    bic: string;
    bankName: string;
    /**
     * pain.001 category purpose (PmtTpInf/CtgyPurp/Cd) as the bank agreement requires, e.g. "SSBE" (social benefit);
     * null = the bank wants none. The file is checked against the XSD, so a malformed code stops the file, not a payment.
     */
    categoryPurpose: string | null;
  };
  /** Text before the case reference in the payment's message (RmtInf/Ustrd). No personal data. */
  remittancePrefix: string;
  currency: 'SEK';
}

export interface AccountingSettings {
  kind: 'accountingSettings';
  id: string;
  municipality?: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  /** The cost account debited per payment. */
  costAccount: { konto: string; name: string };
  /** The account credited with the file's total (bank / settlement account). */
  bankAccount: { konto: string; name: string };
  verksamhet: string;
  /** Ansvar (responsibility code) per unit name; `default` when the unit is not listed. */
  ansvar: { default: string; byUnitName: Record<string, string> };
  /** Motpart (counterparty code) per payee kind. */
  motpart: Record<'client' | 'landlord' | 'other', string>;
  /** Prefix of the verification number, e.g. "EB" → "EB-000012". */
  verificationPrefix: string;
}

export interface RecoveryBasisConfig {
  code: string;
  label: string;
  /** The exact provision, as written in the claim, the ledger and letters. */
  legalReference: string;
  description: string;
  /**
   * true: a claim is possible only if the grant decision was written, served on the person and stated this ground for
   * repayment (the grounds for advances, labour disputes, unavailable assets and conditional assistance).
   */
  requiresStatedInGrant: boolean;
  /** Legal references (legalReferences, use 'recovery') by which a grant decision states this ground. */
  grantReferenceIds: string[];
}

/** The repayment grounds of one law. The document in force on the day the assistance was granted applies. */
export interface RecoveryBasesDocument {
  kind: 'recoveryBases';
  id: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  /** The law the grounds belong to, e.g. "socialtjänstlagen (2025:400)". */
  law: string;
  bases: RecoveryBasisConfig[];
}
