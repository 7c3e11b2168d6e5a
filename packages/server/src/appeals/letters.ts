/** The PDFs of an appeal: the appeal as registered, the omprövning decision, a dismissal, the cover letter to the court. */
import { formatSwedishDate, APPEAL_CHANNEL_LABELS, DECISION_OUTCOME_LABELS, RECONSIDERATION_RESULT_LABELS, labelOf } from '@vagen/domain';
import { formatKronor } from '@vagen/domain/money.ts';
import { renderLetterPdf, type Letter, type LetterBlock } from '../letters/render.ts';
import type { letterParties } from './load.ts';
import { fill, type AppealLetters } from './settings.ts';

type Parties = Awaited<ReturnType<typeof letterParties>>;
interface DecisionFacts {
  outcome: string;
  periodStart: string;
  periodEnd: string;
  amount: number;
  decidedAt: string;
}

const period = (d: DecisionFacts) => `${formatSwedishDate(d.periodStart)} – ${formatSwedishDate(d.periodEnd)}`;

function decisionTable(caption: string, d: DecisionFacts): LetterBlock {
  return {
    type: 'table',
    caption,
    columns: ['Uppgift', 'Beslut'],
    rows: [
      ['Beslutsdatum', formatSwedishDate(d.decidedAt)],
      ['Utfall', labelOf(DECISION_OUTCOME_LABELS, d.outcome)],
      ['Period', period(d)],
      ['Belopp', formatKronor(d.amount)],
    ],
  };
}

const base = (p: Parties, today: string, title: string, blocks: LetterBlock[], toClient: boolean): Letter => ({
  sender: p.sender,
  date: formatSwedishDate(today),
  reference: p.caseNumber,
  recipient: toClient ? p.recipient : null,
  title,
  blocks,
  contact: p.contact,
});

/** The appeal as it arrived, kept as a document of the case and enclosed when forwarded. */
export function appealDocumentPdf(
  t: AppealLetters,
  p: Parties,
  a: { receivedOn: string; channel: string; text: string; appellantName: string | null; registeredBy: string },
  decision: DecisionFacts,
  today: string,
) {
  const intro = fill(t.appealDocument.intro, {
    receivedOn: formatSwedishDate(a.receivedOn),
    channel: labelOf(APPEAL_CHANNEL_LABELS, a.channel).toLowerCase(),
    decisionDate: formatSwedishDate(decision.decidedAt),
    decisionOutcome: labelOf(DECISION_OUTCOME_LABELS, decision.outcome).toLowerCase(),
    registeredBy: a.registeredBy,
  });
  const blocks: LetterBlock[] = [{ type: 'paragraph', text: intro }];
  if (a.appellantName) blocks.push({ type: 'paragraph', text: `Klagande: ${a.appellantName}` });
  blocks.push({ type: 'heading', text: 'Överklagandets text' }, ...a.text.split(/\n{2,}/).map((text) => ({ type: 'paragraph' as const, text })));
  return renderLetterPdf({ ...base(p, today, t.appealDocument.title, blocks, false), contact: null });
}

export function reconsiderationPdf(
  t: AppealLetters,
  p: Parties,
  r: { result: 'unchanged' | 'changed'; reason: string; fullyAsRequested: boolean; receivedOn: string; courtName: string | null },
  original: DecisionFacts,
  replacement: DecisionFacts | null,
  today: string,
) {
  const v = { receivedOn: formatSwedishDate(r.receivedOn), decisionDate: formatSwedishDate(original.decidedAt), courtName: r.courtName ?? 'förvaltningsrätten' };
  const rt = t.reconsideration;
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: fill(r.result === 'changed' ? rt.changedIntro : rt.unchangedIntro, v) },
    { type: 'heading', text: `Resultat: ${RECONSIDERATION_RESULT_LABELS[r.result]}` },
  ];
  if (replacement) {
    blocks.push(decisionTable('Det överklagade beslutet', original), decisionTable('Det nya beslutet', replacement));
  }
  blocks.push({ type: 'heading', text: 'Skäl' }, { type: 'paragraph', text: r.reason });
  blocks.push({ type: 'heading', text: 'Vad händer nu?' });
  blocks.push({ type: 'paragraph', text: fill(r.result === 'unchanged' ? rt.unchangedNext : r.fullyAsRequested ? rt.changedFully : rt.changedPartly, v) });
  blocks.push({ type: 'heading', text: 'Lagrum' }, { type: 'paragraph', text: rt.legalBasis });
  if (replacement) blocks.push({ type: 'heading', text: 'Hur du överklagar' }, { type: 'paragraph', text: rt.appealInstructions });
  return renderLetterPdf(base(p, today, rt.title, blocks, true));
}

export function dismissalPdf(t: AppealLetters, p: Parties, a: { receivedOn: string; notifiedOn: string; lastDay: string; note: string | null }, decision: DecisionFacts, today: string) {
  const d = t.dismissal;
  const blocks: LetterBlock[] = [
    {
      type: 'paragraph',
      text: fill(d.body, {
        decisionDate: formatSwedishDate(decision.decidedAt),
        receivedOn: formatSwedishDate(a.receivedOn),
        notifiedOn: formatSwedishDate(a.notifiedOn),
        lastDay: formatSwedishDate(a.lastDay),
      }),
    },
  ];
  if (a.note) blocks.push({ type: 'paragraph', text: a.note });
  blocks.push({ type: 'heading', text: 'Lagrum' }, { type: 'paragraph', text: d.legalBasis });
  blocks.push({ type: 'heading', text: 'Hur du överklagar' }, { type: 'paragraph', text: d.appealInstructions });
  return renderLetterPdf(base(p, today, d.title, blocks, true));
}

export interface Enclosure {
  title: string;
  date: string;
}

/** The cover letter to the court (FL 46 §): what is appealed, timeliness, omprövning, and the list of enclosed documents. */
export function forwardingPdf(
  t: AppealLetters,
  p: Parties,
  a: {
    receivedOn: string;
    lastDay: string;
    timely: boolean;
    exceptionLabel: string | null;
    reconsideration: 'unchanged' | 'changed';
    reconsideredOn: string;
    appellantName: string | null;
    note: string | null;
    /** The law the appealed decision was made under, its appeal paragraph and, for the repealed law, the transitional note. */
    law: string;
    appealReference: string;
    transitionalNote: string;
  },
  court: { name: string; addressLines: string[] },
  decision: DecisionFacts,
  replacement: DecisionFacts | null,
  enclosures: Enclosure[],
  today: string,
) {
  const f = t.forwarding;
  const v = {
    receivedOn: formatSwedishDate(a.receivedOn),
    lastDay: formatSwedishDate(a.lastDay),
    exception: a.exceptionLabel ?? '',
    reconsideredOn: formatSwedishDate(a.reconsideredOn),
    law: a.law,
    appealReference: a.appealReference,
    transitionalNote: a.transitionalNote,
  };
  const blocks: LetterBlock[] = [
    { type: 'paragraph', text: fill(a.timely ? f.intro : f.introLateException, v).replace(/\s{2,}/g, ' ') },
    { type: 'paragraph', text: `Klagande: ${a.appellantName ?? p.recipient?.name ?? 'sökande i ärendet'}. Ärende ${p.caseNumber}.` },
    decisionTable('Det överklagade beslutet', decision),
    { type: 'paragraph', text: fill(a.reconsideration === 'unchanged' ? f.reconsiderationUnchanged : f.reconsiderationChangedPartly, v) },
  ];
  if (replacement) blocks.push(decisionTable('Beslutet efter omprövning', replacement));
  if (a.note) blocks.push({ type: 'paragraph', text: a.note });
  blocks.push({ type: 'heading', text: f.enclosuresHeading }, { type: 'list', items: enclosures.map((e, i) => `${i + 1}. ${e.title} ${formatSwedishDate(e.date)}`) });
  blocks.push({ type: 'paragraph', text: f.closing });
  return renderLetterPdf({ ...base(p, today, f.title, blocks, false), recipient: { name: court.name, addressLines: court.addressLines } });
}
