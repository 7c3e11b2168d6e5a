/** Loading payments, accounts and their history as the JSON the API answers with. */
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import {
  PAYEE_KIND_LABELS,
  PAYMENT_ACCOUNT_KIND_LABELS,
  PAYMENT_STAGE_LABELS,
  paymentFlags,
  paymentStageOf,
  validatePaymentAccount,
  type ApprovalCheck,
  type PaymentFlag,
  type PaymentStage,
  type PaymentStatus,
} from '@vagen/domain';

export interface AccountJson {
  id: string;
  caseId: string;
  personId: string | null;
  payeeKind: 'client' | 'landlord' | 'other';
  payeeKindLabel: string;
  holderName: string;
  kind: 'bankAccount' | 'bankgiro' | 'plusgiro' | 'iban';
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

export async function loadAccounts(db: Kysely<Database>, where: { caseId?: string; ids?: readonly string[] }): Promise<AccountJson[]> {
  let q = db.selectFrom('payment_accounts as a').leftJoin('staff_users as v', 'v.id', 'a.verified_by').selectAll('a').select('v.display_name as verified_by_name').orderBy('a.created_at', 'asc');
  if (where.caseId) q = q.where('a.case_id', '=', where.caseId);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    q = q.where('a.id', 'in', where.ids);
  }
  const rows = await q.execute();
  return rows.map((a) => ({
    id: a.id,
    caseId: a.case_id,
    personId: a.person_id,
    payeeKind: a.payee_kind,
    payeeKindLabel: PAYEE_KIND_LABELS[a.payee_kind],
    holderName: a.holder_name,
    kind: a.kind,
    kindLabel: PAYMENT_ACCOUNT_KIND_LABELS[a.kind],
    clearing: a.clearing,
    number: a.number,
    bankName: a.bank_name,
    display: a.display,
    verified: a.verified_at !== null,
    verifiedAt: a.verified_at,
    verifiedByName: a.verified_by_name,
    verificationNote: a.verification_note,
    createdAt: a.created_at,
  }));
}

/** `payments.payee` holds the payee kind (foundation convention); anything else is treated as 'other'. */
export function payeeKindOf(payee: string): 'client' | 'landlord' | 'other' {
  return payee === 'client' || payee === 'landlord' ? payee : 'other';
}

export interface PaymentHistoryJson {
  fromStage: string | null;
  toStage: string;
  toLabel: string;
  at: string;
  actorName: string | null;
  reason: string | null;
}

export interface PaymentJson {
  id: string;
  caseId: string;
  caseNumber: string;
  decisionId: string | null;
  amount: number;
  /** The payee kind code ('client' | 'landlord' | 'other'), as in the case detail. */
  payee: string;
  /** The payee's name (the account holder). */
  payeeName: string;
  payeeKind: 'client' | 'landlord' | 'other';
  payeeKindLabel: string;
  personId: string | null;
  account: AccountJson | null;
  plannedDate: string;
  timing: 'ordinary' | 'acute';
  dateBasis: string | null;
  status: PaymentStatus;
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
  returnedAt: string | null;
  returnedByName: string | null;
  returnComment: string | null;
  /** Shown at proposal time and to the kassa while the payment waits for its check. */
  flags: PaymentFlag[];
  paymentFileId: string | null;
  sentAt: string | null;
  paidAt: string | null;
  history: PaymentHistoryJson[];
}

export async function loadPayments(db: Kysely<Database>, where: { caseId?: string; ids?: readonly string[]; fileId?: string }): Promise<PaymentJson[]> {
  let q = db
    .selectFrom('payments as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .leftJoin('staff_users as pb', 'pb.id', 'p.proposed_by')
    .leftJoin('staff_users as ab', 'ab.id', 'p.approved_by')
    .leftJoin('staff_users as sb', 'sb.id', 'p.stopped_by')
    .leftJoin('staff_users as rb', 'rb.id', 'p.returned_by')
    .selectAll('p')
    .select(['c.case_number', 'pb.display_name as proposed_by_name', 'ab.display_name as approved_by_name', 'sb.display_name as stopped_by_name', 'rb.display_name as returned_by_name'])
    .orderBy('p.planned_date', 'desc')
    .orderBy('p.id');
  if (where.caseId) q = q.where('p.case_id', '=', where.caseId);
  if (where.fileId) q = q.where('p.payment_file_id', '=', where.fileId);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    q = q.where('p.id', 'in', where.ids);
  }
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const accountIds = [...new Set(rows.map((r) => r.account_id).filter((x): x is string => x !== null))];
  const [accounts, history] = await Promise.all([
    loadAccounts(db, { ids: accountIds }),
    db
      .selectFrom('payment_status_history as h')
      .leftJoin('staff_users as s', 's.id', 'h.actor_id')
      .select(['h.payment_id', 'h.from_stage', 'h.to_stage', 'h.at', 'h.reason', 's.display_name'])
      .where('h.payment_id', 'in', ids)
      .orderBy('h.at')
      .orderBy('h.id')
      .execute(),
  ]);
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  return rows.map((p) => {
    const stage = paymentStageOf({ status: p.status, approvedAt: p.approved_at });
    const account = p.account_id ? (accountById.get(p.account_id) ?? null) : null;
    return {
      id: p.id,
      caseId: p.case_id,
      caseNumber: p.case_number,
      decisionId: p.decision_id,
      amount: Number(p.amount),
      payee: p.payee,
      payeeName: p.payee_name ?? (p.account_id ? accountById.get(p.account_id)?.holderName : null) ?? PAYEE_KIND_LABELS[payeeKindOf(p.payee)],
      payeeKind: payeeKindOf(p.payee),
      payeeKindLabel: PAYEE_KIND_LABELS[payeeKindOf(p.payee)],
      personId: p.person_id,
      account,
      plannedDate: p.planned_date,
      timing: p.timing,
      dateBasis: p.date_basis,
      status: p.status,
      stage,
      // A planned payment that was not proposed in Vägen (imported history) is not waiting for the kassa here.
      stageLabel: stage === 'planned' && !p.proposed_at ? 'Planerad' : PAYMENT_STAGE_LABELS[stage],
      endToEndId: p.end_to_end_id,
      proposedAt: p.proposed_at,
      proposedByName: p.proposed_by_name,
      approvedAt: p.approved_at,
      approvedByName: p.approved_by_name,
      checks: (p.approval_checks as ApprovalCheck[] | null) ?? null,
      stoppedAt: p.stopped_at,
      stoppedByName: p.stopped_by_name,
      stopReason: p.stop_reason,
      returnedAt: p.returned_at,
      returnedByName: p.returned_by_name,
      returnComment: p.return_comment,
      flags:
        stage === 'planned' && p.proposed_at && account
          ? paymentFlags({ verified: account.verified, valid: validatePaymentAccount({ kind: account.kind, clearing: account.clearing, number: account.number }).ok })
          : [],
      paymentFileId: p.payment_file_id,
      sentAt: p.sent_at,
      paidAt: p.paid_at,
      history: history
        .filter((h) => h.payment_id === p.id)
        .map((h) => ({
          fromStage: h.from_stage,
          toStage: h.to_stage,
          toLabel: PAYMENT_STAGE_LABELS[h.to_stage as PaymentStage] ?? h.to_stage,
          at: h.at,
          actorName: h.display_name,
          reason: h.reason,
        })),
    };
  });
}
