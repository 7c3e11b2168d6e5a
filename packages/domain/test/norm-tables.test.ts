/**
 * The riksnorm tables against the tables as printed in their source, cell by cell.
 *
 * PRINTED is a second copy of each table, typed by hand from the printed table (the statute text), not generated
 * from the JSON files. A table file that is marked `verified` must have
 * a copy here, and every one of its cells must equal the copy: a wrong cell, a missing age group or a missing household
 * size fails. The published totals alone (the `checks` in the files) did not catch seven cells of 2026 that were 10 kr
 * too low.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRuleSet, type RiksnormTable } from '../src/norm/index.ts';
import { ruleDocuments } from './norm-fixtures.ts';

const docs = ruleDocuments();
const rules = buildRuleSet(docs);

/** A table as printed, in kronor per month. Children: [ordinary amount, "ej lunch 5 dagar/vecka" or null]. */
interface PrintedTable {
  source: string;
  children: Record<string, readonly [number, number | null]>;
  single: number;
  couple: number;
  /** Common household costs for 1, 2, … 7 persons. */
  common: readonly number[];
  extraPerson: number;
}

const PRINTED: Record<string, PrintedTable> = {
  'riksnorm-2026': {
    source: 'SoF (2025:468) 12 kap. 2 § as amended by SFS 2025:1046 (RULES.md §1, "2026 (verified)")',
    children: {
      '0': [2740, 2560],
      '1-2': [3060, 2800],
      '3': [2720, 2500],
      '4-6': [3060, 2720],
      '7-10': [3820, null],
      '11-14': [4390, null],
      '15-18': [4960, null],
      '19-20': [5000, null],
    },
    single: 3940,
    couple: 7100,
    common: [1280, 1410, 1790, 2030, 2330, 2640, 2830],
    extraPerson: 190,
  },
  // Not verified against an SFS text (the file says so), but typed from the printed table: a typo in the file still fails.
  'riksnorm-2025': {
    source: 'SoF (2025:468) 12 kap. 2 § (RULES.md §1, "2025")',
    children: {
      '0': [2720, 2540],
      '1-2': [3030, 2780],
      '3': [2700, 2480],
      '4-6': [3030, 2700],
      '7-10': [3790, null],
      '11-14': [4350, null],
      '15-18': [4920, null],
      '19-20': [4960, null],
    },
    single: 3910,
    couple: 7050,
    common: [1270, 1400, 1770, 2010, 2310, 2620, 2810],
    extraPerson: 190,
  },
  // 2024, kept for history: the "without lunch" amounts are not given (missing in the file).
  'riksnorm-2024': {
    source: 'RULES.md §1, "2024 (for history)"',
    children: {
      '0': [2640, null],
      '1-2': [2940, null],
      '3': [2620, null],
      '4-6': [2940, null],
      '7-10': [3680, null],
      '11-14': [4230, null],
      '15-18': [4780, null],
      '19-20': [4820, null],
    },
    single: 3800,
    couple: 6850,
    common: [1230, 1360, 1720, 1950, 2240, 2540, 2730],
    extraPerson: 190,
  },
};

const ore = (kr: number) => kr * 100;

/** Every cell of the table that differs from the printed copy (and every cell only one of them has). */
function differences(t: RiksnormTable, p: PrintedTable): string[] {
  const out: string[] = [];
  const diff = (cell: string, actual: number | null | undefined, printedKr: number | null | undefined) => {
    const expected = printedKr === null || printedKr === undefined ? printedKr : ore(printedKr);
    if (actual !== expected) out.push(`${t.id} ${cell}: ${String(actual)} öre, printed ${String(expected)} öre`);
  };
  const groups = new Set([...t.children.map((g) => g.id), ...Object.keys(p.children)]);
  for (const id of groups) {
    const g = t.children.find((x) => x.id === id);
    const printed = p.children[id];
    diff(`children.${id}.amount`, g?.amount, printed?.[0]);
    diff(`children.${id}.withoutLunch`, g?.withoutLunch, printed?.[1]);
  }
  diff('adults.single', t.adults.single, p.single);
  diff('adults.couple', t.adults.couple, p.couple);
  for (let i = 0; i < Math.max(t.commonByPersons.length, p.common.length); i++) diff(`commonCosts.${i + 1}`, t.commonByPersons[i], p.common[i]);
  diff('commonCosts.extraPerson', t.extraPerson, p.extraPerson);
  return out;
}

/** Ids of the tables that claim to be verified but have no independent copy to be checked against. */
function verifiedWithoutCopy(tables: readonly RiksnormTable[], printed: Record<string, PrintedTable>): string[] {
  return tables.filter((t) => t.verified && !(t.id in printed)).map((t) => t.id);
}

test('every table marked verified has an independent printed copy in this test', () => {
  assert.deepEqual(verifiedWithoutCopy(rules.tables, PRINTED), []);
  // At least the 2026 table is verified (SFS 2025:1046); 2025 and 2024 are not claimed to be.
  assert.deepEqual(
    rules.tables.filter((t) => t.verified).map((t) => t.id),
    ['riksnorm-2026'],
  );
  // The check itself: a verified table without a copy is reported.
  const fake = { ...rules.tables.find((t) => t.id === 'riksnorm-2026')!, id: 'riksnorm-2099' };
  assert.deepEqual(verifiedWithoutCopy([...rules.tables, fake], PRINTED), ['riksnorm-2099']);
});

test('every cell of every verified table equals the printed table', () => {
  for (const t of rules.tables.filter((x) => x.verified)) {
    assert.deepEqual(differences(t, PRINTED[t.id]!), [], `${t.id} against ${PRINTED[t.id]!.source}`);
  }
});

test('the tables that are not verified still equal the copies printed in RULES.md', () => {
  for (const t of rules.tables.filter((x) => !x.verified && x.id in PRINTED)) {
    assert.deepEqual(differences(t, PRINTED[t.id]!), [], t.id);
  }
});

test('a wrong, missing or extra cell is found', () => {
  const t2026 = rules.tables.find((t) => t.id === 'riksnorm-2026')!;
  // The seven cells that were 10 kr too low in the provisional 2026 table.
  const old: RiksnormTable = {
    ...t2026,
    children: t2026.children.map((g) => (['1-2', '4-6', '11-14', '15-18', '19-20'].includes(g.id) ? { ...g, amount: g.amount - 1000 } : g)),
    commonByPersons: t2026.commonByPersons.map((a, i) => (i === 2 || i === 3 ? a - 1000 : a)),
  };
  assert.deepEqual(
    differences(old, PRINTED['riksnorm-2026']!).map((d) => d.split(':')[0]),
    [
      'riksnorm-2026 children.1-2.amount',
      'riksnorm-2026 children.4-6.amount',
      'riksnorm-2026 children.11-14.amount',
      'riksnorm-2026 children.15-18.amount',
      'riksnorm-2026 children.19-20.amount',
      'riksnorm-2026 commonCosts.3',
      'riksnorm-2026 commonCosts.4',
    ],
  );
  const noLunch: RiksnormTable = { ...t2026, children: t2026.children.map((g) => (g.id === '3' ? { ...g, withoutLunch: null } : g)) };
  assert.deepEqual(
    differences(noLunch, PRINTED['riksnorm-2026']!).map((d) => d.split(':')[0]),
    ['riksnorm-2026 children.3.withoutLunch'],
  );
  const short: RiksnormTable = { ...t2026, children: t2026.children.slice(0, -1), commonByPersons: t2026.commonByPersons.slice(0, 6) };
  assert.deepEqual(
    differences(short, PRINTED['riksnorm-2026']!).map((d) => d.split(':')[0]),
    ['riksnorm-2026 children.19-20.amount', 'riksnorm-2026 children.19-20.withoutLunch', 'riksnorm-2026 commonCosts.7'],
  );
  const extra: RiksnormTable = { ...t2026, extraPerson: t2026.extraPerson + 100, adults: { ...t2026.adults, couple: t2026.adults.couple + 1 } };
  assert.deepEqual(
    differences(extra, PRINTED['riksnorm-2026']!).map((d) => d.split(':')[0]),
    ['riksnorm-2026 adults.couple', 'riksnorm-2026 commonCosts.extraPerson'],
  );
});
