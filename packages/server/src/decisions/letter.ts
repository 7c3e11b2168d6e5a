/**
 * The decision letter (FL 31–33 §§) and the kommunicering letter (FL 25 §) as PDF from the municipality's templates
 * (decision-letter-*.json, communication-letter-*.json). Plain Swedish; försörjningshinder are never printed.
 */
import { swedishDate, type ApplicationContent } from '@vagen/domain';
import { ROLE_LABELS, isStaffRole } from '@vagen/domain';
import { formatKronor, formatSwedishDate, renderLetterPdf, type Letter, type LetterBlock } from '../letters/render.ts';
import { communicationLetter, decisionLetter, legalReferences } from '../assessment/config.ts';
import { householdPersons, type Db } from '../assessment/store.ts';
import { draftOf, periodText, phraseView, render, type DecisionRecord } from './store.ts';

interface CaseInfo { case_number: string; municipality_code: string; municipality_name: string; unit_name: string; household_id: string; responsible_worker_id: string | null }

async function recipientOf(db: Db, householdId: string): Promise<Letter['recipient']> {
  const persons = await householdPersons(db, householdId);
  const a = persons.find((p) => p.role === 'applicant');
  if (!a) return null;
  const name = `${a.first_name} ${a.last_name}`;
  // A protected address is never printed; the letter is sent through the channel the unit uses for the person.
  if (a.protected_identity || !a.address_line) return { name, addressLines: [] };
  return { name, addressLines: [a.address_line, `${a.postal_code ?? ''} ${a.city ?? ''}`.trim()].filter(Boolean) };
}

async function contactOf(db: Db, workerId: string | null): Promise<Letter['contact']> {
  if (!workerId) return null;
  const w = await db.selectFrom('staff_users').select(['display_name']).where('id', '=', workerId).executeTakeFirst();
  return w ? { name: `${w.display_name}, handläggare` } : null;
}

export async function buildDecisionLetter(db: Db, d: DecisionRecord, c: CaseInfo, content: ApplicationContent | null): Promise<Buffer> {
  const date = swedishDate(d.decidedAt);
  const t = decisionLetter(c.municipality_code, date);
  const draft = draftOf(d);
  const view = phraseView(draft, content, d.legalBasis.map((l) => l.text));
  const people = await db.selectFrom('staff_users').select(['id', 'display_name', 'role']).where('id', 'in', [d.decidedBy ?? '', d.presentingOfficer ?? ''].filter(Boolean)).execute();
  const decider = people.find((p) => p.id === d.decidedBy);
  const presenter = people.find((p) => p.id === d.presentingOfficer);
  const deadlineWeeks = t.appealDeadlineWeeks;
  const letterView = {
    ...view,
    caseNumber: c.case_number, decidedAt: formatSwedishDate(d.decidedAt), decidedBy: decider?.display_name ?? '',
    decidedByRole: decider && isStaffRole(decider.role) ? ROLE_LABELS[decider.role].toLowerCase() : '',
    presentingOfficer: presenter?.display_name ?? decider?.display_name ?? '', deadlineWeeks: String(deadlineWeeks),
    unitName: c.unit_name, municipalityName: c.municipality_name, addressLines: '',
  };
  const blocks: LetterBlock[] = [
    { type: 'heading', text: t.headings.decision },
    { type: 'paragraph', text: render(t.outcomeText[d.outcome], letterView) },
  ];
  const costItems = d.items.filter((i) => i.kind === 'cost');
  const norm = d.items.find((i) => i.kind === 'norm');
  const income = d.items.find((i) => i.kind === 'income');
  if (d.items.length > 0 && d.outcome !== 'dismissed') {
    const dash = '–';
    const rows: string[][] = [];
    if (norm) rows.push([norm.label, formatKronor(norm.applied), formatKronor(norm.approved), dash]);
    for (const i of costItems) rows.push([i.label, formatKronor(i.applied), formatKronor(i.approved), i.refused > 0 ? formatKronor(i.refused) : dash]);
    if (income) rows.push([`Minus ${income.label.toLowerCase()}`, dash, `-${formatKronor(income.approved)}`, dash]);
    if (d.amount !== d.systemAmount) rows.push([`Ändrat belopp: ${d.amountReason}`, dash, formatKronor(d.amount - d.systemAmount), dash]);
    blocks.push({ type: 'table', caption: `${t.headings.amounts} (${periodText(d.periodStart, d.periodEnd)})`, columns: t.amountColumns, rows, totalRow: [t.totalLabel, '', formatKronor(d.amount), ''] });
    const refused = costItems.filter((i) => i.refused > 0);
    if (refused.length) blocks.push({ type: 'list', items: refused.map((i) => `${i.label}: ${formatKronor(i.refused)} beviljas inte. ${i.reason}`) });
  }
  blocks.push({ type: 'heading', text: t.headings.reasons }, ...d.reasons.split(/\n{2,}/).map((p) => ({ type: 'paragraph' as const, text: p.trim() })).filter((p) => p.text));
  blocks.push({ type: 'heading', text: t.headings.legalBasis }, { type: 'list', items: d.legalBasis.map((l) => l.text) });
  if (d.childPerspective && d.childPerspective.consideration.trim()) {
    blocks.push({ type: 'heading', text: t.headings.children }, { type: 'paragraph', text: render(t.childrenText, { consideration: d.childPerspective.consideration }) });
  }
  if (d.recoveryBasis) {
    const ref = legalReferences(c.municipality_code, date).references.find((r) => r.id === d.recoveryBasis!.legalReferenceId);
    blocks.push({ type: 'heading', text: t.headings.recovery }, { type: 'paragraph', text: render(t.recoveryText, { text: d.recoveryBasis.text, reference: ref?.text ?? '' }) });
  }
  blocks.push({ type: 'heading', text: t.headings.appeal }, ...t.appeal.map((p) => ({ type: 'paragraph' as const, text: render(p, letterView) })));
  blocks.push({ type: 'heading', text: t.headings.signature }, { type: 'paragraph', text: render(t.signatureText, letterView) });
  return renderLetterPdf({
    sender: { municipality: c.municipality_name, unit: c.unit_name },
    date: formatSwedishDate(d.decidedAt),
    reference: c.case_number,
    recipient: await recipientOf(db, c.household_id),
    title: t.titles[d.outcome],
    blocks,
    contact: await contactOf(db, c.responsible_worker_id),
  });
}

export async function buildCommunicationLetter(db: Db, d: DecisionRecord, c: CaseInfo, material: string, deadline: string, at: Date): Promise<Buffer> {
  const t = communicationLetter(c.municipality_code, swedishDate(at));
  const view = { period: periodText(d.periodStart, d.periodEnd), caseNumber: c.case_number, deadline: formatSwedishDate(deadline) };
  return renderLetterPdf({
    sender: { municipality: c.municipality_name, unit: c.unit_name },
    date: formatSwedishDate(at),
    reference: c.case_number,
    recipient: await recipientOf(db, c.household_id),
    title: t.title,
    blocks: [
      { type: 'paragraph', text: render(t.intro, view) },
      { type: 'heading', text: t.materialHeading },
      ...material.split(/\n{2,}/).map((p) => ({ type: 'paragraph' as const, text: p.trim() })).filter((p) => p.text),
      { type: 'heading', text: t.answerHeading },
      { type: 'paragraph', text: render(t.answer, view) },
      { type: 'paragraph', text: t.legal },
    ],
    contact: await contactOf(db, c.responsible_worker_id),
  });
}
