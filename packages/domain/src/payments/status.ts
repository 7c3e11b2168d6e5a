/**
 * A payment's life: planned (proposed by the caseworker) → approved (kassa's four-eyes check) → sent (in a payment
 * file) → paid (confirmed by the bank); stopped from planned or approved. The database column `status` keeps the four
 * values the client sees (planned, sent, paid, stopped); "approved" is a planned payment with an approval.
 */
export const PAYMENT_STAGES = ['planned', 'approved', 'sent', 'paid', 'stopped'] as const;
export type PaymentStage = (typeof PAYMENT_STAGES)[number];

export const PAYMENT_STAGE_LABELS: Record<PaymentStage, string> = {
  planned: 'Föreslagen, väntar på kassan',
  approved: 'Godkänd av kassan',
  sent: 'Skickad till banken',
  paid: 'Utbetald',
  stopped: 'Stoppad',
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

const NEXT: Record<PaymentStage, readonly PaymentStage[]> = {
  planned: ['approved', 'stopped'],
  approved: ['sent', 'stopped'],
  sent: ['paid'],
  paid: [],
  stopped: [],
};

export function canMovePayment(from: PaymentStage, to: PaymentStage): boolean {
  return NEXT[from].includes(to);
}

/** Why a payment cannot be stopped, or null. */
export function stopRefusal(stage: PaymentStage): string | null {
  if (stage === 'stopped') return 'Utbetalningen är redan stoppad.';
  if (stage === 'sent') return 'Utbetalningen är redan skickad till banken och kan inte stoppas i Vägen. Kontakta banken.';
  if (stage === 'paid') return 'Utbetalningen är redan utbetald. Ett felaktigt belopp hanteras som återkrav.';
  return null;
}
