import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { applyAdjustments, buildNormInputs, buildRuleSet, calculateNorm, monthsOfPeriod, validateApplicationContent, type ApplicationContent } from '../src/index.ts';

const dir = new URL('../rules/', import.meta.url).pathname;
const rules = buildRuleSet(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((name) => ({ name, data: JSON.parse(readFileSync(dir + name, 'utf8')) })),
);
let seq = 0;
const opts = { newRowId: () => `r${++seq}`, today: '2026-03-10' };

const raw = {
  applicant: { personId: null, name: 'A' },
  coApplicant: null,
  children: [{ name: 'Kim', birthDate: '2019-02-01', daysAtHome: 15 }],
  housing: { tenure: 'secondHand', rent: 500000, personsInDwelling: 2 },
  incomes: [{ type: 'salary', person: 'applicant', amount: 100000 }],
  costs: [{ type: 'electricity', amount: 30000 }],
  assets: [],
  period: { start: '2026-01-15', end: '2026-02-28' },
};

test('content: valid input is normalised (ids given to rows, defaults filled)', () => {
  const r = validateApplicationContent(raw, opts);
  assert.ok(r.ok);
  const c = r.value;
  assert.equal(c.version, 1);
  assert.ok(c.children[0]!.id && c.costs[0]!.id && c.incomes[0]!.id);
  assert.equal(c.children[0]!.lunchAtPreschool, false);
  assert.deepEqual(c.jobStimulus, []);
});

test('content: every problem is reported with its path; amounts as text, decimals, negatives, unknown fields', () => {
  const r = validateApplicationContent(
    {
      ...raw,
      costs: [
        { type: 'electricity', amount: '300' },
        { type: 'glasses', amount: -1 },
        { type: 'medicine', amount: 1.5 },
      ],
      extra: true,
      period: { start: '2026-02-30', end: '2026-01-01' },
    },
    opts,
  );
  assert.ok(!r.ok);
  const paths = r.errors.map((e) => e.path);
  for (const p of ['/costs/0/amount', '/costs/1/amount', '/costs/2/amount', '/extra', '/period/start']) assert.ok(paths.includes(p), `${p} in ${paths}`);
  const r2 = validateApplicationContent({ ...raw, period: { start: '2026-01-01', end: '2027-06-30' }, housing: { tenure: 'none', rent: 0, personsInDwelling: 1 } }, opts);
  assert.ok(!r2.ok);
  assert.deepEqual(r2.errors.map((e) => e.path).sort(), ['/housing/personsInDwelling', '/period/end']);
  const r3 = validateApplicationContent(
    {
      ...raw,
      children: [
        { id: 'x', name: 'A', birthDate: '2019-01-01' },
        { id: 'x', name: 'B', birthDate: '2019-01-01' },
      ],
      housing: { tenure: 'none', personsInDwelling: 3 },
    },
    opts,
  );
  assert.ok(!r3.ok);
  assert.deepEqual(
    r3.errors.map((e) => e.path),
    ['/children/1/id'],
  );
});

test('months of a period and one engine input per month; rent becomes the housing cost line', () => {
  assert.deepEqual(monthsOfPeriod('2025-11-15', '2026-02-01'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  const r = validateApplicationContent(raw, opts);
  assert.ok(r.ok);
  const inputs = buildNormInputs(r.value, '2281');
  assert.deepEqual(
    inputs.map((i) => i.month),
    ['2026-01', '2026-02'],
  );
  assert.equal(inputs[0]!.input.costs![0]!.type, 'rent');
  assert.equal(inputs[0]!.costKeys[0], 'cost:housing');
  assert.equal(inputs[1]!.input.children![0]!.daysAtHome, 15);
});

test('adjustments: the worker value wins, the system value stays, totals are the sums of the rows', () => {
  const r = validateApplicationContent(raw, opts);
  assert.ok(r.ok);
  const content: ApplicationContent = r.value;
  const months = buildNormInputs(content, '2281').map((m) => ({ month: m, result: calculateNorm(rules, m.input) }));
  const electricityKey = `cost:${content.costs[0]!.id}`;
  const plain = applyAdjustments(content, months, []);
  const adjusted = applyAdjustments(content, months, [
    { id: 'a1', lineKey: electricityKey, value: 10000, note: 'Schablon', createdBy: 'u', createdAt: '2026-03-01T10:00:00Z', deletedAt: null },
    { id: 'a0', lineKey: electricityKey, value: 99999, note: 'Gammal', createdBy: 'u', createdAt: '2026-03-01T09:00:00Z', deletedAt: '2026-03-01T10:00:00Z' },
    { id: 'a2', lineKey: 'cost:gone', value: 1, note: 'Raden finns inte', createdBy: 'u', createdAt: '2026-03-01T10:00:00Z', deletedAt: null },
  ]);
  for (const m of adjusted.months) {
    const row = m.rows.find((x) => x.key === electricityKey)!;
    assert.deepEqual([row.systemValue, row.workerValue, row.value, row.origin, row.adjustmentId], [30000, 10000, 10000, 'caseworker', 'a1']);
    const sum = m.rows.filter((x) => x.kind === 'cost').reduce((s, x) => s + x.value, 0);
    assert.equal(m.totals.costs, sum);
    assert.equal(m.totals.assistance, Math.max(0, m.totals.need - m.totals.income));
  }
  assert.equal(plain.totals.assistance - adjusted.totals.assistance, 2 * 20000);
  assert.equal(adjusted.systemAssistance, plain.totals.assistance);
  assert.deepEqual(adjusted.unmatchedAdjustments, ['a2']);
  assert.equal(adjusted.outcome, 'partlyRefused');
  assert.equal(plain.outcome, 'granted');
});
