/** Decision rows: load, JSON for the API, the view used by phrases and letters. */
import type { Selectable } from 'kysely';
import Mustache from 'mustache';
import {
  formatSwedishDate,
  swedishDate,
  ADULT_REF_LABELS,
  COMMUNICATION_STATUS_LABELS,
  communicationStatus,
  DECISION_OUTCOME_LABELS,
  DECISION_STATUS_LABELS,
  labelOf,
  rolesThatMayDecide,
  ROLE_LABELS,
  totalApplied,
  totalRefused,
  type ApplicationContent,
  type ChildPerspective,
  type CommunicationState,
  type DecisionDraft,
  type DecisionItem,
  type DecisionOutcome,
  type DecisionStatus,
  type RecoveryBasis,
  type SupportObstacleChoice,
  type AppealBasisKind,
} from '@vagen/domain';
import type { DecisionCommunicationsTable, DecisionsTable } from '@vagen/db';
import { formatKronor } from '@vagen/domain/money.ts';
import { delegation, fourEyes, legalReferences, reasonPhrases, supportObstacles } from './config.ts';
import type { Db } from '../assessment/store.ts';
import { decisionAppealRoute } from './appeal-instructions.ts';

export interface LegalBasisEntry {
  id: string;
  text: string;
  verified: boolean;
  appealBasis?: AppealBasisKind;
}
export interface StoredObstacle extends SupportObstacleChoice {
  label?: string;
  group?: string;
}

export interface DecisionRecord {
  id: string;
  caseId: string;
  applicationId: string | null;
  status: DecisionStatus;
  outcome: DecisionOutcome;
  periodStart: string;
  periodEnd: string;
  amount: number;
  systemAmount: number;
  appliedAmount: number;
  amountReason: string;
  items: DecisionItem[];
  legalBasis: LegalBasisEntry[];
  reasons: string;
  supportObstacles: StoredObstacle[];
  childPerspective: ChildPerspective | null;
  recoveryBasis: RecoveryBasis | null;
  calculationId: string | null;
  presentingOfficer: string | null;
  decidedBy: string | null;
  decidedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  letterDocumentId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export function toDecision(r: Selectable<DecisionsTable>): DecisionRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    applicationId: r.application_id,
    status: r.status as DecisionStatus,
    outcome: r.outcome,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    amount: Number(r.amount),
    systemAmount: Number(r.system_amount ?? r.amount),
    appliedAmount: Number(r.applied_amount ?? 0),
    amountReason: r.amount_reason ?? '',
    items: (r.items as DecisionItem[] | null) ?? [],
    legalBasis: (r.legal_basis as LegalBasisEntry[] | null) ?? [],
    reasons: r.reasons ?? '',
    supportObstacles: (r.support_obstacles as StoredObstacle[] | null) ?? [],
    childPerspective: (r.child_perspective as ChildPerspective | null) ?? null,
    recoveryBasis: (r.recovery_basis as RecoveryBasis | null) ?? null,
    calculationId: r.calculation_id,
    presentingOfficer: r.presenting_officer,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    letterDocumentId: r.letter_document_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function loadDecision(db: Db, id: string): Promise<DecisionRecord | null> {
  const r = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDecision(r) : null;
}

export function draftOf(d: DecisionRecord): DecisionDraft {
  return {
    outcome: d.outcome,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    amount: d.amount,
    systemAmount: d.systemAmount,
    amountReason: d.amountReason,
    items: d.items,
    legalBasisIds: d.legalBasis.map((l) => l.id),
    reasons: d.reasons,
    supportObstacles: d.supportObstacles.map(({ adult, personId, code }) => ({ adult, personId, code })),
    childPerspective: d.childPerspective,
    recoveryBasis: d.recoveryBasis,
  };
}

export interface CommunicationRecord {
  id: string;
  decisionId: string;
  caseId: string;
  kind: 'sent' | 'unnecessary';
  text: string | null;
  sentAt: string | null;
  channel: string | null;
  answerDeadline: string | null;
  answerText: string | null;
  answeredAt: string | null;
  exceptionId: string | null;
  unnecessaryReason: string | null;
  letterDocumentId: string | null;
  recordedBy: string;
  recordedAt: string;
}

export function toCommunication(r: Selectable<DecisionCommunicationsTable>): CommunicationRecord {
  return {
    id: r.id,
    decisionId: r.decision_id,
    caseId: r.case_id,
    kind: r.kind,
    text: r.text,
    sentAt: r.sent_at,
    channel: r.channel,
    answerDeadline: r.answer_deadline,
    answerText: r.answer_text,
    answeredAt: r.answered_at,
    exceptionId: r.exception_id,
    unnecessaryReason: r.unnecessary_reason,
    letterDocumentId: r.letter_document_id,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}

/** The decision's valid (not withdrawn) communication, the newest. */
export async function currentCommunication(db: Db, decisionId: string): Promise<CommunicationRecord | null> {
  const r = await db.selectFrom('decision_communications').selectAll().where('decision_id', '=', decisionId).where('withdrawn_at', 'is', null).orderBy('recorded_at', 'desc').executeTakeFirst();
  return r ? toCommunication(r) : null;
}

export const communicationState = (c: CommunicationRecord | null): CommunicationState | null =>
  c ? { kind: c.kind, sentAt: c.sentAt, answerDeadline: c.answerDeadline, answeredAt: c.answeredAt, unnecessaryReason: c.unnecessaryReason } : null;

export const periodText = (start: string, end: string) => `${formatSwedishDate(start)} – ${formatSwedishDate(end)}`;

function householdText(content: ApplicationContent | null): string {
  if (!content) return 'okänt antal personer';
  const adults = content.coApplicant ? '2 vuxna' : '1 vuxen';
  const n = content.children.length;
  return n === 0 ? adults : `${adults} och ${n} ${n === 1 ? 'barn' : 'barn'}`;
}

/** Placeholders for the phrase library and letters (kronor formatted in Swedish). */
export function phraseView(d: DecisionDraft, content: ApplicationContent | null, legalTexts: string[]) {
  const norm = d.items.find((i) => i.kind === 'norm')?.approved ?? 0;
  const income = d.items.find((i) => i.key === 'income')?.approved ?? 0;
  const costs = d.items.filter((i) => i.kind === 'cost').reduce((s, i) => s + i.approved, 0);
  const refusedItems = d.items.filter((i) => i.refused > 0).map((i) => `${i.label.toLowerCase()} ${formatKronor(i.refused)}`);
  return {
    period: periodText(d.periodStart, d.periodEnd),
    household: householdText(content),
    norm: formatKronor(norm),
    costs: formatKronor(costs),
    need: formatKronor(norm + costs),
    income: formatKronor(income),
    amount: formatKronor(d.amount),
    appliedTotal: formatKronor(totalApplied(d.items)),
    refusedTotal: formatKronor(totalRefused(d.items)),
    refusedItems: refusedItems.length ? refusedItems.join(', ') : 'ingenting',
    legalBasis: legalTexts.length ? legalTexts.join(' och ') : 'socialtjänstlagen',
  };
}

export const render = (template: string, view: object) => Mustache.render(template, view, {}, { escape: (s: string) => s });

export async function decisionJson(db: Db, d: DecisionRecord, opts: { municipality: string; content: ApplicationContent | null; now: Date; actorRole: string }) {
  // Choices and rules in force today (an old decision keeps its own snapshot of legal references and obstacles).
  const date = swedishDate(opts.now);
  const refs = legalReferences(opts.municipality, date);
  const phrasesDoc = reasonPhrases(opts.municipality, date);
  const obstacles = supportObstacles(opts.municipality, date);
  const deleg = delegation(opts.municipality, date);
  const comm = await currentCommunication(db, d.id);
  const people = [d.presentingOfficer, d.decidedBy, d.approvedBy].filter((x): x is string => !!x);
  const names = people.length ? await db.selectFrom('staff_users').select(['id', 'display_name', 'role']).where('id', 'in', people).execute() : [];
  const nameOf = (id: string | null) => names.find((n) => n.id === id)?.display_name ?? null;
  const draft = draftOf(d);
  const view = phraseView(
    draft,
    opts.content,
    d.legalBasis.map((l) => l.text),
  );
  const status = communicationStatus(d.outcome, communicationState(comm), opts.now.toISOString());
  const mayDecide = rolesThatMayDecide(deleg.rows, d.outcome, d.amount, date);
  // How the decision can be challenged, per item (a draft is read as if decided now).
  const route = decisionAppealRoute(opts.municipality, d.status === 'decided' ? d.decidedAt : opts.now.toISOString(), d.legalBasis, d.items);
  return {
    id: d.id,
    caseId: d.caseId,
    applicationId: d.applicationId,
    status: d.status,
    statusLabel: DECISION_STATUS_LABELS[d.status] ?? d.status,
    outcome: d.outcome,
    outcomeLabel: labelOf(DECISION_OUTCOME_LABELS, d.outcome),
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    amount: d.amount,
    systemAmount: d.systemAmount,
    appliedAmount: d.appliedAmount,
    amountReason: d.amountReason,
    items: d.items,
    legalBasis: d.legalBasis,
    reasons: d.reasons,
    appealRoute: {
      route: route.plan.route,
      items: route.plan.items,
      appealReferences: route.plan.appealReferences.map((r) => r.text),
      legalityReviewReferences: route.plan.legalityReviewReferences.map((r) => r.text),
      transitionalNote: route.procedure?.transitionalNote || null,
    },
    supportObstacles: d.supportObstacles.map((s) => ({ ...s, adultLabel: ADULT_REF_LABELS[s.adult], label: obstacles.codes.find((c) => c.code === s.code)?.label ?? s.label ?? s.code })),
    childPerspective: d.childPerspective,
    recoveryBasis: d.recoveryBasis,
    calculationId: d.calculationId,
    presentingOfficer: d.presentingOfficer ? { id: d.presentingOfficer, name: nameOf(d.presentingOfficer) } : null,
    decidedBy: d.status === 'decided' && d.decidedBy ? { id: d.decidedBy, name: nameOf(d.decidedBy) } : null,
    decidedAt: d.status === 'decided' ? d.decidedAt : null,
    approvedBy: d.approvedBy ? { id: d.approvedBy, name: nameOf(d.approvedBy) } : null,
    approvedAt: d.approvedAt,
    letterDocumentId: d.letterDocumentId,
    letterUrl: d.letterDocumentId ? `/api/v1/decisions/${d.id}/letter` : null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    communication: comm ? { ...comm, letterUrl: comm.letterDocumentId ? `/api/v1/communications/${comm.id}/letter` : null } : null,
    communicationStatus: status,
    communicationStatusLabel: COMMUNICATION_STATUS_LABELS[status],
    delegation: { mayDecideRoles: mayDecide.map((r) => ({ role: r, label: ROLE_LABELS[r] })), youMayDecide: mayDecide.includes(opts.actorRole as never) },
    fourEyes: fourEyes(opts.municipality, date),
    phrases: phrasesDoc.phrases
      .filter((p) => p.scope === 'decision' && (p.outcomes.length === 0 || p.outcomes.includes(d.outcome)))
      .map((p) => ({ id: p.id, title: p.title, text: render(p.text, view) })),
    itemPhrases: d.items
      .filter((i) => i.refused > 0)
      .map((item) => ({
        key: item.key,
        phrases: phrasesDoc.phrases
          .filter((p) => p.scope === 'item')
          .map((p) => ({
            id: p.id,
            title: p.title,
            text: render(p.text, { ...view, item: { label: item.label, applied: formatKronor(item.applied), approved: formatKronor(item.approved), refused: formatKronor(item.refused) } }),
          })),
      })),
    legalReferenceChoices: refs.references
      .filter((r) => r.use.includes('decision'))
      .map((r) => ({ id: r.id, text: r.text, title: r.title, verified: r.verified, appealBasis: r.appealBasis ?? 'none' })),
    recoveryReferenceChoices: refs.references.filter((r) => r.use.includes('recovery')).map((r) => ({ id: r.id, text: r.text, title: r.title, verified: r.verified })),
    communicationExceptions: refs.communicationExceptions,
    obstacleChoices: obstacles.codes.map((c) => ({ ...c, groupLabel: obstacles.groups.find((g) => g.id === c.group)?.label ?? c.group })),
  };
}
