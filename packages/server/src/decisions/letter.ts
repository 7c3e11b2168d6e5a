/**
 * The decision letter (FL 31–33 §§) and the kommunicering letter (FL 25 §) as PDF from the municipality's templates
 * (decision-letter-*.json, communication-letter-*.json). Plain Swedish; försörjningshinder are never printed.
 */
import { formatSwedishDate, isStaffRole, ROLE_LABELS, swedishDate, type ApplicationContent } from '@vagen/domain';
import { formatKronor } from '@vagen/domain/money.ts';
import { renderLetterPdf, type Letter, type LetterBlock } from '../letters/render.ts';
import { unitContactOf } from '../letters/unit-contact.ts';
import { communicationLetter, decisionLetter, legalReferences, type DecisionLetterDoc } from './config.ts';
import { householdPersons, type Db } from '../assessment/store.ts';
import { appealSettings } from '../appeals/settings.ts';
import { HttpProblem } from '../errors.ts';
import { decisionAppealRoute, referencesText } from './appeal-instructions.ts';
import { draftOf, periodText, phraseView, render, type DecisionRecord } from './store.ts';

interface CaseInfo {
  case_number: string;
  municipality_code: string;
  municipality_name: string;
  unit_id: string;
  unit_name: string;
  household_id: string;
  responsible_worker_id: string | null;
}

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
  const view = phraseView(
    draft,
    content,
    d.legalBasis.map((l) => l.text),
  );
  const people = await db
    .selectFrom('staff_users')
    .select(['id', 'display_name', 'role'])
    .where('id', 'in', [d.decidedBy ?? '', d.presentingOfficer ?? ''].filter(Boolean))
    .execute();
  const decider = people.find((p) => p.id === d.decidedBy);
  const presenter = people.find((p) => p.id === d.presentingOfficer);
  const deadlineWeeks = t.appealDeadlineWeeks;
  // FL 31 §: a föredragande is named only when someone other than the decision-maker presented the decision.
  const presented = presenter && presenter.id !== decider?.id ? presenter : null;
  const letterView = {
    ...view,
    caseNumber: c.case_number,
    decidedAt: formatSwedishDate(d.decidedAt),
    decidedBy: decider?.display_name ?? '',
    decidedByRole: decider && isStaffRole(decider.role) ? ROLE_LABELS[decider.role].toLowerCase() : '',
    presentingOfficer: presented?.display_name ?? '',
    deadlineWeeks: String(deadlineWeeks),
    unitName: c.unit_name,
    municipalityName: c.municipality_name,
  };
  const blocks: LetterBlock[] = [
    { type: 'heading', text: t.headings.decision },
    { type: 'paragraph', text: render(t.outcomeText[d.outcome], letterView) },
  ];
  const costItems = d.items.filter((i) => i.kind === 'cost');
  const norm = d.items.find((i) => i.kind === 'norm');
  const incomes = d.items.filter((i) => i.kind === 'income');
  if (d.items.length > 0 && d.outcome !== 'dismissed') {
    const dash = '–';
    const rows: string[][] = [];
    // An amount built on provisional data (e.g. a norm not yet published) is marked, and a note says from which source.
    const mark = (label: string, i: { provisionalSources?: { text: string }[] }) => (i.provisionalSources?.length ? render(t.provisional.label, { label }) : label);
    if (norm) rows.push([mark(norm.label, norm), formatKronor(norm.applied), formatKronor(norm.approved), dash]);
    for (const i of costItems) rows.push([mark(i.label, i), formatKronor(i.applied), formatKronor(i.approved), i.refused > 0 ? formatKronor(i.refused) : dash]);
    for (const income of incomes) rows.push([mark(`Minus ${income.label.toLowerCase()}`, income), dash, `-${formatKronor(income.approved)}`, dash]);
    if (d.amount !== d.systemAmount) rows.push([`Ändrat belopp: ${d.amountReason}`, dash, formatKronor(d.amount - d.systemAmount), dash]);
    blocks.push({
      type: 'table',
      caption: `${t.headings.amounts} (${periodText(d.periodStart, d.periodEnd)})`,
      columns: t.amountColumns,
      rows,
      totalRow: [t.totalLabel, '', formatKronor(d.amount), ''],
    });
    for (const i of [norm, ...costItems, ...incomes]) {
      if (!i?.provisionalSources?.length) continue;
      blocks.push({ type: 'paragraph', text: render(t.provisional.note, { label: i.label.toLowerCase(), source: i.provisionalSources.map((p) => p.text).join(' och ') }) });
    }
    const refused = costItems.filter((i) => i.refused > 0);
    if (refused.length) blocks.push({ type: 'list', items: refused.map((i) => `${i.label}: ${formatKronor(i.refused)} beviljas inte. ${i.reason}`) });
  }
  blocks.push(
    { type: 'heading', text: t.headings.reasons },
    ...d.reasons
      .split(/\n{2,}/)
      .map((p) => ({ type: 'paragraph' as const, text: p.trim() }))
      .filter((p) => p.text),
  );
  blocks.push({ type: 'heading', text: t.headings.legalBasis }, { type: 'list', items: d.legalBasis.map((l) => l.text) });
  if (d.childPerspective?.consideration.trim()) {
    blocks.push({ type: 'heading', text: t.headings.children }, { type: 'paragraph', text: render(t.childrenText, { consideration: d.childPerspective.consideration }) });
  }
  if (d.recoveryBasis) {
    const ref = legalReferences(c.municipality_code, date).references.find((r) => r.id === d.recoveryBasis!.legalReferenceId);
    blocks.push({ type: 'heading', text: t.headings.recovery }, { type: 'paragraph', text: render(t.recoveryText, { text: d.recoveryBasis.text, reference: ref?.text ?? '' }) });
  }
  blocks.push(...appealBlocks(t, d, c, letterView));
  blocks.push({ type: 'heading', text: t.headings.signature }, { type: 'paragraph', text: render(t.signatureText, letterView) });
  if (presented) blocks.push({ type: 'paragraph', text: render(t.presentingOfficerText, letterView) });
  return renderLetterPdf({
    sender: { municipality: c.municipality_name, unit: c.unit_name, contact: await unitContactOf(db, c.unit_id) },
    date: formatSwedishDate(d.decidedAt),
    reference: c.case_number,
    recipient: await recipientOf(db, c.household_id),
    title: t.titles[d.outcome],
    blocks,
    contact: await contactOf(db, c.responsible_worker_id),
  });
}

/**
 * "How to appeal" follows the legal basis (SoL 35 kap. 1 §): förvaltningsbesvär for 12 kap. 1 § and 5 §, laglighetsprövning
 * for 12 kap. 2 §, per item when the decision has both; the references are those of the decision's law regime.
 */
function appealBlocks(t: DecisionLetterDoc, d: DecisionRecord, c: CaseInfo, letterView: Record<string, string>): LetterBlock[] {
  const { plan, procedure } = decisionAppealRoute(c.municipality_code, d.decidedAt, d.legalBasis, d.items);
  if (!procedure) {
    throw new HttpProblem(
      503,
      'CONFIGURATION_MISSING',
      `Lagrumsdokumentet (legalReferences) för kommun ${c.municipality_code} saknar procedureReferences för beslutets datum. Beslutsbrevet kan inte säga hur beslutet överklagas. Kontakta systemförvaltaren.`,
    );
  }
  if (plan.route === 'unknown') {
    throw new HttpProblem(409, 'APPEAL_ROUTE_UNKNOWN', 'Beslutets lagrum avgör inte hur det kan överklagas. Ange 12 kap. 1 §, 12 kap. 2 § eller 12 kap. 5 § socialtjänstlagen i beslutet.');
  }
  const settings = appealSettings(c.municipality_code, swedishDate(d.decidedAt));
  const appealable = plan.route !== 'legalityReview';
  if (appealable && !settings.submitTo) {
    throw new HttpProblem(
      503,
      'CONFIGURATION_MISSING',
      `Kommunens adress för överklaganden (appealSettings.submitTo) saknas för kommun ${c.municipality_code}. Beslutsbrevet måste säga vart överklagandet skickas. Kontakta systemförvaltaren.`,
    );
  }
  const v = {
    ...letterView,
    appealReference: procedure.appeal,
    legalityReviewReference: procedure.legalityReview,
    transitionalNote: procedure.transitionalNote,
    courtName: settings.court?.name ?? 'förvaltningsrätten',
    postalAddress: settings.submitTo?.postalAddressLines.join(', ') ?? '',
    eServiceAddress: settings.submitTo?.eServiceAddress ?? '',
  };
  const para = (text: string): LetterBlock => ({ type: 'paragraph', text });
  const blocks: LetterBlock[] = [{ type: 'heading', text: t.headings.appeal }];
  if (procedure.transitionalNote) blocks.push(para(render(t.appealIntro.transitional, v)));
  const labels = (route: 'appeal' | 'legalityReview') =>
    plan.items
      .filter((i) => i.route === route)
      .map((i) => i.label)
      .join(', ');
  if (plan.route === 'appeal') blocks.push(para(render(t.appealIntro.appeal, { ...v, basisReferences: referencesText(plan.appealReferences) })));
  else if (plan.route === 'legalityReview') blocks.push(para(render(t.appealIntro.legalityReview, { ...v, basisReferences: referencesText(plan.legalityReviewReferences) })));
  else {
    blocks.push(para(render(t.appealIntro.mixed, v)), {
      type: 'list',
      items: [
        render(t.appealIntro.mixedAppealItems, { ...v, items: labels('appeal'), basisReferences: referencesText(plan.appealReferences) }),
        render(t.appealIntro.mixedLegalityItems, { ...v, items: labels('legalityReview'), basisReferences: referencesText(plan.legalityReviewReferences) }),
      ],
    });
  }
  if (appealable) blocks.push({ type: 'heading', text: t.headings.appealRoute }, ...t.appeal.map((p) => para(render(p, v))));
  if (plan.route !== 'appeal') blocks.push({ type: 'heading', text: t.headings.legalityReviewRoute }, ...t.legalityReview.map((p) => para(render(p, v))));
  return blocks;
}

export async function buildCommunicationLetter(db: Db, d: DecisionRecord, c: CaseInfo, material: string, deadline: string, at: Date): Promise<Buffer> {
  const date = swedishDate(at);
  const t = communicationLetter(c.municipality_code, date);
  const oralRightReference = legalReferences(c.municipality_code, date).procedureReferences?.oralRight;
  if (!oralRightReference) {
    throw new HttpProblem(
      503,
      'CONFIGURATION_MISSING',
      `Lagrumsdokumentet (legalReferences) för kommun ${c.municipality_code} saknar procedureReferences.oralRight. Kommuniceringsbrevet måste tala om rätten att lämna uppgifter muntligt. Kontakta systemförvaltaren.`,
    );
  }
  const view = { period: periodText(d.periodStart, d.periodEnd), caseNumber: c.case_number, deadline: formatSwedishDate(deadline), oralRightReference };
  return renderLetterPdf({
    sender: { municipality: c.municipality_name, unit: c.unit_name, contact: await unitContactOf(db, c.unit_id) },
    date: formatSwedishDate(at),
    reference: c.case_number,
    recipient: await recipientOf(db, c.household_id),
    title: t.title,
    blocks: [
      { type: 'paragraph', text: render(t.intro, view) },
      { type: 'heading', text: t.materialHeading },
      ...material
        .split(/\n{2,}/)
        .map((p) => ({ type: 'paragraph' as const, text: p.trim() }))
        .filter((p) => p.text),
      { type: 'heading', text: t.answerHeading },
      { type: 'paragraph', text: render(t.answer, view) },
      { type: 'paragraph', text: t.legal },
      // SoL 14 kap. 8 §: the person is told of the right to give information orally before the nämnd.
      { type: 'paragraph', text: render(t.oralRight, view) },
    ],
    contact: await contactOf(db, c.responsible_worker_id),
  });
}
