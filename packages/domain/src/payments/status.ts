/**
 * A payment's life: planned (proposed by the caseworker) → approved (kassa's four-eyes check) → sent (in a payment
 * file) → paid (confirmed by the bank); stopped from planned or approved; returned (the kassa sends a proposal back to
 * the caseworker with a comment) from planned. The database column `status` keeps the values planned, sent, paid,
 * stopped and returned; "approved" is a planned payment with an approval.
 */
import { checkTransition, type StatusMachine, type TransitionCheck } from '../status-machine.ts';

export const PAYMENT_STAGES = ['planned', 'approved', 'sent', 'paid', 'stopped', 'returned'] as const;
export type PaymentStage = (typeof PAYMENT_STAGES)[number];

/** The values of the `payments.status` column (a stage without "approved"). */
export const PAYMENT_STATUSES = ['planned', 'sent', 'paid', 'stopped', 'returned'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STAGE_LABELS: Record<PaymentStage, string> = {
  planned: 'Föreslagen, väntar på kassan',
  approved: 'Godkänd av kassan',
  sent: 'Skickad till banken',
  paid: 'Utbetald',
  stopped: 'Stoppad',
  returned: 'Skickad tillbaka till handläggaren',
};

export const PAYEE_KINDS = ['client', 'landlord', 'other'] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];
export const PAYEE_KIND_LABELS: Record<PayeeKind, string> = {
  client: 'Den enskilde',
  landlord: 'Hyresvärd',
  other: 'Annan mottagare',
};

export function paymentStageOf(p: { status: string; approvedAt: string | null }): PaymentStage {
  if (p.status === 'planned') return p.approvedAt ? 'approved' : 'planned';
  return (PAYMENT_STAGES as readonly string[]).includes(p.status) ? (p.status as PaymentStage) : 'planned';
}

/** The column value a stage is stored as: an approved payment stays 'planned' (with its approval). */
export function paymentStatusOf(stage: PaymentStage): PaymentStatus {
  return stage === 'approved' ? 'planned' : stage;
}

/**
 * The payment's status machine (the one rule the server's status/change.ts asks). A returned proposal is final: the
 * caseworker corrects what the kassa pointed out and proposes again; the returned one no longer counts against the
 * decision.
 */
export const PAYMENT_STATUS_MACHINE: StatusMachine<PaymentStage> = {
  subject: 'Utbetalningen',
  labels: PAYMENT_STAGE_LABELS,
  initial: ['planned'],
  transitions: {
    planned: ['approved', 'stopped', 'returned'],
    approved: ['sent', 'stopped'],
    sent: ['paid'],
    paid: [],
    stopped: [],
    returned: [],
  },
  staysAllowed: false,
};

/** Whether a payment now in `stage` (null: a new one) may move to `to`, with a Swedish message when it may not. */
export function checkPaymentTransition(stage: PaymentStage | null, to: PaymentStage): TransitionCheck {
  return checkTransition(PAYMENT_STATUS_MACHINE, stage, to);
}

export function canMovePayment(from: PaymentStage, to: PaymentStage): boolean {
  return checkPaymentTransition(from, to).ok;
}

/** Why a payment cannot be stopped, or null. */
export function stopRefusal(stage: PaymentStage): string | null {
  if (stage === 'stopped') return 'Utbetalningen är redan stoppad.';
  if (stage === 'sent') return 'Utbetalningen är redan skickad till banken och kan inte stoppas i Vägen. Kontakta banken.';
  if (stage === 'paid') return 'Utbetalningen är redan utbetald. Ett felaktigt belopp hanteras som återkrav.';
  if (stage === 'returned') return 'Utbetalningen är skickad tillbaka till handläggaren och betalas inte ut.';
  return null;
}

/** Why the kassa cannot send a payment back to the caseworker, or null. */
export function returnRefusal(stage: PaymentStage): string | null {
  if (stage === 'returned') return 'Utbetalningen är redan skickad tillbaka till handläggaren.';
  if (stage === 'approved') return 'Utbetalningen är redan godkänd. Stoppa den i stället om den inte ska betalas ut.';
  if (stage !== 'planned') return 'Bara en föreslagen utbetalning som väntar på kassan kan skickas tillbaka.';
  return null;
}

/** Something the caseworker and the kassa should see about a proposed payment (it does not stop the proposal). */
export interface PaymentFlag {
  code: 'accountNotVerified' | 'accountInvalid';
  message: string;
}

export const ACCOUNT_NOT_VERIFIED_FLAG = 'Kontot är inte kontrollerat. Kassan kan inte godkänna utbetalningen förrän kontot är kontrollerat.';

/** The flags of a payment to `account` (null: no account). */
export function paymentFlags(account: { verified: boolean; valid?: boolean } | null): PaymentFlag[] {
  if (!account) return [];
  if (account.valid === false) return [{ code: 'accountInvalid', message: 'Kontonumret är inte giltigt.' }];
  return account.verified ? [] : [{ code: 'accountNotVerified', message: ACCOUNT_NOT_VERIFIED_FLAG }];
}
