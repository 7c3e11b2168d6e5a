/**
 * The kassa's four-eyes check before a payment leaves (the cashiers check that decisions are correct and that the
 * right sums go to the right account and payee before anything is sent): the decision exists and is decided, the payments do not exceed the decided amount, the account
 * and the payee are verified, and — when four-eyes is on for payments — the approver is neither the decision-maker
 * nor the one who proposed the payment.
 */
import { formatKr } from '../norm/money.ts';
import { paymentStageOf } from './status.ts';

export interface PaymentApprovalFacts {
  approverId: string;
  /** fourEyes.sections.payment of the municipality. */
  fourEyes: boolean;
  payment: {
    status: string;
    approvedAt: string | null;
    proposedBy: string | null;
    amount: number;
    payeeKind: 'client' | 'landlord' | 'other';
  };
  account: {
    /** Null when the account is not verified. */
    verifiedAt: string | null;
    verifiedByName: string | null;
    /** The number still passes validation. */
    valid: boolean;
    /** For a client payee: the account holder is a party (applicant/co-applicant) of the case. */
    holderIsParty: boolean;
  } | null;
  decision: { status: string; amount: number; decidedBy: string | null } | null;
  /** Sum of the decision's payments that are not stopped, this one included. */
  activeSumForDecision: number;
}

export type ApprovalCheckCode = 'decisionExists' | 'amountWithinDecision' | 'accountVerified' | 'payeeVerified' | 'fourEyes';

export interface ApprovalCheck {
  code: ApprovalCheckCode;
  label: string;
  ok: boolean;
  detail: string;
}

/** One reason the approval cannot succeed, in the order the kassa should deal with them. */
export interface ApprovalBlocker {
  reason: string;
  status: 403 | 409;
  message: string;
}

/**
 * `blockers` holds every reason the approval cannot succeed now (the kassa's button shows them and stays disabled);
 * a refusal answers with the first one only, so a failed approval gives one clear message.
 */
export type ApprovalOutcome =
  | { ok: true; checks: ApprovalCheck[]; blockers: [] }
  | { ok: false; status: 403 | 409; reason: string; message: string; checks: ApprovalCheck[]; blockers: ApprovalBlocker[] };

export function evaluatePaymentApproval(f: PaymentApprovalFacts): ApprovalOutcome {
  const d = f.decision;
  const decided = d !== null && d.status === 'decided';
  const sameAsDecider = d?.decidedBy != null && d.decidedBy === f.approverId;
  const sameAsProposer = f.payment.proposedBy != null && f.payment.proposedBy === f.approverId;
  const within = d !== null && f.activeSumForDecision <= d.amount;
  const accountOk = f.account !== null && f.account.verifiedAt !== null && f.account.valid;
  const payeeOk = f.account !== null && (f.payment.payeeKind !== 'client' || f.account.holderIsParty);
  const checks: ApprovalCheck[] = [
    {
      code: 'decisionExists',
      label: 'Beslutet finns och är fattat',
      ok: decided,
      detail: d === null ? 'Det finns inget beslut för utbetalningen.' : decided ? 'Beslutet är fattat.' : 'Beslutet är inte fattat ännu.',
    },
    {
      code: 'amountWithinDecision',
      label: 'Beloppet stämmer med beslutet',
      ok: within,
      detail:
        d === null
          ? 'Inget beslut att jämföra med.'
          : f.activeSumForDecision === d.amount
            ? `Utbetalningarna för beslutet är ${formatKr(f.activeSumForDecision)}, lika med beslutat belopp.`
            : f.activeSumForDecision < d.amount
              ? `Utbetalningarna för beslutet är ${formatKr(f.activeSumForDecision)} av beslutade ${formatKr(d.amount)}.`
              : `Utbetalningarna för beslutet är ${formatKr(f.activeSumForDecision)}, mer än beslutade ${formatKr(d.amount)}.`,
    },
    {
      code: 'accountVerified',
      label: 'Kontot är kontrollerat',
      ok: accountOk,
      detail:
        f.account === null
          ? 'Utbetalningen saknar konto.'
          : !f.account.valid
            ? 'Kontonumret är inte giltigt.'
            : f.account.verifiedAt
              ? `Kontrollerat av ${f.account.verifiedByName ?? 'okänd'}.`
              : 'Kontot är inte kontrollerat av handläggaren.',
    },
    {
      code: 'payeeVerified',
      label: 'Mottagaren stämmer med kontot',
      ok: payeeOk,
      detail: payeeOk
        ? f.payment.payeeKind === 'client'
          ? 'Kontot tillhör sökande eller medsökande i ärendet.'
          : 'Mottagaren är kontots innehavare.'
        : 'Kontot tillhör inte sökande eller medsökande i ärendet.',
    },
    {
      code: 'fourEyes',
      label: 'Annan person än den som beslutade och föreslog',
      ok: !f.fourEyes || (!sameAsDecider && !sameAsProposer),
      detail: !f.fourEyes
        ? 'Fyra ögon krävs inte för utbetalningar i kommunen.'
        : sameAsDecider
          ? 'Du fattade beslutet.'
          : sameAsProposer
            ? 'Du föreslog utbetalningen.'
            : 'Godkännaren är en annan person.',
    },
  ];
  const blockers: ApprovalBlocker[] = [];
  const block = (status: 403 | 409, reason: string, message: string) => blockers.push({ status, reason, message });
  const stage = paymentStageOf({ status: f.payment.status, approvedAt: f.payment.approvedAt });
  if (stage === 'stopped') block(409, 'stopped', 'Utbetalningen är stoppad och kan inte godkännas.');
  else if (stage === 'returned') block(409, 'returned', 'Utbetalningen är skickad tillbaka till handläggaren och kan inte godkännas.');
  else if (stage !== 'planned') block(409, 'alreadyApproved', 'Utbetalningen är redan godkänd.');
  if (!decided) block(409, 'decisionMissing', 'Beslutet finns inte eller är inte fattat ännu.');
  if (f.fourEyes && sameAsDecider) block(403, 'fourEyes', 'Du fattade beslutet och kan därför inte godkänna utbetalningen. En annan person måste göra kassakontrollen (fyra ögon).');
  else if (f.fourEyes && sameAsProposer) block(403, 'fourEyes', 'Du föreslog utbetalningen och kan därför inte godkänna den. En annan person måste göra kassakontrollen (fyra ögon).');
  if (decided && !within) block(409, 'exceedsDecision', 'Utbetalningarna för beslutet överstiger det beslutade beloppet. Stoppa den felaktiga utbetalningen först.');
  if (!accountOk) {
    block(
      409,
      'accountNotVerified',
      f.account === null
        ? 'Utbetalningen saknar konto.'
        : !f.account.valid
          ? 'Kontonumret är inte giltigt.'
          : 'Kontot är inte kontrollerat. Handläggaren behöver kontrollera kontot innan utbetalningen kan godkännas.',
    );
  }
  if (!payeeOk && f.account !== null) block(409, 'payeeNotVerified', 'Mottagaren stämmer inte med kontot: kontot tillhör inte sökande eller medsökande i ärendet.');
  const first = blockers[0];
  if (first) return { ok: false, status: first.status, reason: first.reason, message: first.message, checks, blockers };
  return { ok: true, checks, blockers: [] };
}
