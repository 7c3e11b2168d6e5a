/**
 * A letter template's texts filled with example values, so the systemförvaltare sees how a draft reads before it is
 * published. Uses the same filling as the letters themselves (fill, {{placeholder}}).
 */
import { fill } from '../appeals/settings.ts';

export const LETTER_KINDS: readonly string[] = ['decisionLetter', 'communicationLetter', 'firstVisitLetter', 'appealLetters'];

/** Example values for the placeholders the templates use; any other placeholder shows its name in brackets. */
const EXAMPLES: Record<string, string> = {
  period: 'april 2027',
  amount: '8 450 kr',
  caseNumber: 'EB-2027-00123',
  decidedAt: '15 mars 2027',
  decidedBy: 'Anna Andersson',
  decidedByRole: 'socialsekreterare',
  presentingOfficer: 'Bengt Berg',
  deadlineWeeks: '3',
  unitName: 'Försörjningsstöd Nord',
  municipalityName: 'Vägby kommun',
  postalAddress: 'Vägby kommun, Socialtjänsten, Box 1, 123 45 Vägby',
  eServiceAddress: 'vagby.se/e-tjanster',
  courtName: 'Förvaltningsrätten i Vägby',
  name: 'Kim Exempel',
  date: '20 mars 2027',
  time: '10.00',
};

const SKIP = new Set(['placeholders', 'id', 'kind', 'source', 'municipality', 'validFrom', 'validTo']);

/** Every text of the template in document order, filled. */
export function letterTexts(data: Record<string, unknown>): { path: string; label: string; text: string }[] {
  const out: { path: string; label: string; text: string }[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (out.length >= 300) return;
    if (typeof value === 'string') {
      const names = [...value.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);
      const values: Record<string, string> = {};
      for (const n of names) values[n] = EXAMPLES[n] ?? `[${n}]`;
      out.push({ path: `/${path.join('/')}`, label: path.join(' › '), text: fill(value, values) });
    } else if (Array.isArray(value))
      value.forEach((v, i) => {
        walk(v, [...path, String(i)]);
      });
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!(path.length === 0 && SKIP.has(k))) walk(v, [...path, k]);
  };
  walk(data, []);
  return out;
}
