/** The first-visit letter (kallelse till nybesök) from the municipality's template, with the ticked documents. */
import Mustache from 'mustache';
import { formatSwedishDate, formatVisitTime, type FirstVisitLetterTemplate } from '@vagen/domain';
import type { Letter, UnitContact } from '../letters/render.ts';

export interface FirstVisitLetterFacts {
  municipalityName: string;
  unitName: string;
  unitContact?: UnitContact | null;
  caseNumber: string;
  recipient: { firstName: string; lastName: string; addressLines: string[] | null };
  visitAt: Date;
  timeZone: string;
  place: string;
  workerName: string;
  documents: string[];
  today: Date;
}

/** Placeholders are filled as plain text (no HTML escaping: the letter is a PDF, not a web page). */
const fill = (template: string, view: Record<string, string>) => Mustache.render(template, view, {}, { escape: (s: string) => s });

export function buildFirstVisitLetter(tpl: FirstVisitLetterTemplate, f: FirstVisitLetterFacts): Letter {
  const visit = formatVisitTime(f.visitAt, f.timeZone);
  const view = {
    firstName: f.recipient.firstName,
    lastName: f.recipient.lastName,
    caseNumber: f.caseNumber,
    visitDate: visit.date,
    visitTime: visit.time,
    weekday: visit.weekday,
    place: f.place,
    workerName: f.workerName,
    unitName: f.unitName,
    municipalityName: f.municipalityName,
  };
  return {
    sender: { municipality: f.municipalityName, unit: f.unitName, contact: f.unitContact ?? null },
    date: formatSwedishDate(f.today),
    reference: f.caseNumber,
    recipient: { name: `${f.recipient.firstName} ${f.recipient.lastName}`, addressLines: f.recipient.addressLines ?? [] },
    title: fill(tpl.title, view),
    blocks: [
      ...tpl.introParagraphs.map((p) => ({ type: 'paragraph' as const, text: fill(p, view) })),
      { type: 'heading' as const, text: fill(tpl.documentsHeading, view) },
      { type: 'paragraph' as const, text: fill(tpl.documentsIntro, view) },
      { type: 'list' as const, items: f.documents.length ? f.documents : ['Inga särskilda handlingar.'] },
      ...tpl.closingParagraphs.map((p) => ({ type: 'paragraph' as const, text: fill(p, view) })),
    ],
    contact: { name: f.workerName },
  };
}
