/**
 * Checks of the parts of the norm engine that exist for speed: each fast path against a plain reference, and the
 * shared buffers and memoised texts against the calculation they stand in for. (The full before/after comparison of
 * every result is tools/src/bench-norm-golden.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { daysInMonth, parseDatePacked } from '../src/norm/dates.ts';
import { buildRuleSet, calculateNorm, formatKr, type CostType, type NormInput, type RuleDocument } from '../src/norm/index.ts';
import { ruleDocuments } from './norm-fixtures.ts';
import { formatKrThen, krSuffixes } from '../src/norm/money.ts';

const docs = ruleDocuments();
const rules = buildRuleSet(docs);
const RUNS = { numRuns: Number(process.env.NORM_PROPERTY_RUNS ?? 400) * 5 };

/** formatKr written the obvious way. */
function referenceKr(ore: number): string {
  if (ore < 0) return '−' + referenceKr(-ore);
  const kronor = Math.floor(ore / 100);
  const rest = ore % 100;
  const grouped = String(kronor).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return rest === 0 ? `${grouped} kr` : `${grouped},${String(rest).padStart(2, '0')} kr`;
}

const amountArb = fc.oneof(
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  fc.integer({ min: 0, max: 100_000_000_000 }),
  fc.maxSafeInteger().map((n) => Math.abs(n)),
  fc.constantFrom(0, 1, 99, 100, 99_999, 100_000, 100_000_000 - 1, 100_000_000, 100_000_001),
  // Around the end of formatKr's 32-bit fast path.
  fc.integer({ min: 2 ** 31 - 1000, max: 2 ** 31 + 1000 }),
  fc.constantFrom(-0, 2 ** 31 - 1, 2 ** 31, 2 ** 32, -(2 ** 31), -(2 ** 31) - 1),
);

test('formatKr and formatKrThen give the reference text for every amount', () => {
  const suffixes = krSuffixes(' räknas som inkomst.');
  fc.assert(
    fc.property(amountArb, (ore) => {
      assert.equal(formatKr(ore), referenceKr(ore));
      assert.equal(formatKrThen(ore, suffixes), referenceKr(ore) + ' räknas som inkomst.');
    }),
    RUNS,
  );
  for (let ore = 0; ore < 300_000; ore += 7) assert.equal(formatKr(ore), referenceKr(ore));
  for (let ore = 2 ** 31 - 300; ore < 2 ** 31 + 300; ore++) {
    assert.equal(formatKr(ore), referenceKr(ore));
    assert.equal(formatKrThen(ore, suffixes), referenceKr(ore) + ' räknas som inkomst.');
  }
});

/** parseDatePacked written the obvious way. */
function referenceDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return -1;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

test('parseDatePacked accepts exactly the real dates YYYY-MM-DD', () => {
  const dateLike = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const mangled = fc.tuple(dateLike, fc.nat(9), fc.constantFrom('-', '/', ' ', 'a', '٣', '０', '9', '0')).map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
  fc.assert(
    fc.property(fc.oneof(dateLike, mangled, fc.string({ maxLength: 12 })), (text) => {
      assert.equal(parseDatePacked(text), referenceDate(text));
    }),
    RUNS,
  );
  for (const text of ['2024-02-29', '2023-02-29', '2000-02-29', '1900-02-29', '2025-04-31', '2025-12-31']) assert.equal(parseDatePacked(text), referenceDate(text));
});

const household = (month: string, extra: Partial<NormInput> = {}): NormInput => ({
  month,
  municipality: '2281',
  adults: [
    { id: 'a1', role: 'applicant' },
    { id: 'a2', role: 'coApplicant' },
  ],
  children: [{ id: 'c1', birthDate: '2016-05-05', daysAtHome: 10 }],
  costs: [{ type: 'rent', amount: 800_000 }, { type: 'rent', amount: 50_050 }, { type: 'homeInsurance', amount: 30_000 }, { type: 'other', amount: 1 }],
  incomes: [{ type: 'salary', person: 'a1', amount: 1_234_567 }],
  jobStimulus: ['a1'],
  ...extra,
});

test('a calculation started while the input is being read (a getter) gets its own buffers', () => {
  const inner = household('2025-05', { children: [{ id: 'k1', birthDate: '2020-01-01' }, { id: 'k2', birthDate: '2010-01-01' }], householdSize: 6 });
  const expectedInner = calculateNorm(rules, inner);
  const expectedOuter = calculateNorm(rules, household('2026-03'));
  let innerResult: unknown = null;
  // The getter is on a cost, read when the adults and children of the outer input are already in the buffers.
  const outer = household('2026-03');
  const cost = outer.costs![1]!;
  const amount = cost.amount;
  Object.defineProperty(cost, 'amount', {
    enumerable: true,
    get() {
      innerResult = calculateNorm(rules, inner);
      return amount;
    },
  });
  assert.deepStrictEqual(calculateNorm(rules, outer), expectedOuter);
  assert.deepStrictEqual(innerResult, expectedInner);
  // And the buffers are in order afterwards.
  assert.deepStrictEqual(calculateNorm(rules, inner), expectedInner);
});

test('a field that is not enumerable is still read (the fast read of the top level falls back)', () => {
  const plain = household('2026-03');
  const hidden = household('2026-03') as unknown as Record<string, unknown>;
  delete hidden.municipality;
  Object.defineProperty(hidden, 'municipality', { value: '2281', enumerable: false });
  assert.deepStrictEqual(calculateNorm(rules, hidden), calculateNorm(rules, plain));
  // The same for a field added with the 2027 reform.
  const aid = { ...household('2027-03'), adults: [{ id: 'a1', role: 'applicant', lawfullyResident: false }] } as unknown as Record<string, unknown>;
  const hiddenAid = { ...aid };
  aid.emergencyAid = true;
  Object.defineProperty(hiddenAid, 'emergencyAid', { value: true, enumerable: false });
  assert.deepStrictEqual(calculateNorm(rules, hiddenAid), calculateNorm(rules, aid));
  // Read, so the adult who is not lawfully resident is not barred: it is an application for emergency aid.
  assert.ok(calculateNorm(rules, hiddenAid).totals.assistance > 0);
});

test('the reform facts in the reused buffers do not carry over to the next calculation', () => {
  const barred = { month: '2027-03', adults: [{ id: 'a1', role: 'applicant', lawfullyResident: false }], costs: [{ type: 'rent', amount: 500000, secondHand: true }] } as NormInput;
  const plain = { month: '2027-03', adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: 500000 }] } as NormInput;
  const expected = calculateNorm(rules, plain);
  assert.equal(calculateNorm(rules, barred).totals.assistance, 0);
  assert.deepStrictEqual(calculateNorm(rules, plain), expected);
  assert.equal(expected.totals.costs, 500000);
});

test('memoised texts follow the month: a part-time child in February and in March of the same table', () => {
  const child = (month: string) => calculateNorm(rules, household(month, { children: [{ id: 'c1', birthDate: '2016-05-05', daysAtHome: 10 }] })).lines[1]!;
  for (let round = 0; round < 2; round++) {
    const feb = child('2025-02');
    const mar = child('2025-03');
    assert.match(feb.explanation, /10 av månadens 28 dagar/);
    assert.match(mar.explanation, /10 av månadens 31 dagar/);
    assert.notEqual(feb.amount, mar.amount);
  }
});

test("a cost's cap row is the first row of the guidelines that matches the household", () => {
  type Range = { min: number; max: number | null };
  const guidelines = (docs.find((d) => d.name === 'guidelines-2281-2026.json')!.data as { caps: Record<string, { rows: { id: string; adults?: Range; children?: Range; persons?: Range }[] }> }).caps;
  const inRange = (r: Range | undefined, n: number) => r === undefined || (n >= r.min && (r.max === null || n <= r.max));
  for (const [type, cap] of Object.entries(guidelines)) {
    for (const adults of [1, 2]) {
      for (let children = 0; children <= 20; children++) {
        const input: NormInput = {
          month: '2026-06',
          municipality: '2281',
          adults: adults === 1 ? [{ id: 'a1', role: 'applicant' }] : [{ id: 'a1', role: 'applicant' }, { id: 'a2', role: 'coApplicant' }],
          children: Array.from({ length: children }, (_, i) => ({ id: `c${i}`, birthDate: '2015-01-01' })),
          costs: [{ type: type as CostType, amount: 100 }],
        };
        const row = cap.rows.find((r) => inRange(r.adults, adults) && inRange(r.children, children) && inRange(r.persons, adults + children));
        const line = calculateNorm(rules, input).lines.find((l) => l.kind === 'cost')!;
        assert.equal(line.source.cell, row ? `caps.${type}.${row.id}` : 'references.reasonableCosts', `${type}, ${adults} vuxna, ${children} barn`);
      }
    }
  }
});
