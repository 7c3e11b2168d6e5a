import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildRuleSet, calculateNorm, COST_TYPES, INCOME_TYPES, NormInputError, type NormChildInput, type NormInput, type NormResult } from '../src/norm/index.ts';
import { ruleDocuments } from './norm-fixtures.ts';

const docs = ruleDocuments();
const rules = buildRuleSet(docs);
const MONTHS = [...rules.months.keys()];
const RUNS = { numRuns: Number(process.env.NORM_PROPERTY_RUNS ?? 400) };

const pad = (n: number) => String(n).padStart(2, '0');

/** A child that is valid for the month: born 1–20 years before (age 0–20 on the first day of the month). */
const childArb = (month: string, id: string, fullTime = false) =>
  fc
    .record({
      yearsBack: fc.integer({ min: 1, max: 20 }),
      birthMonth: fc.integer({ min: 1, max: 12 }),
      birthDay: fc.integer({ min: 1, max: 28 }),
      daysAtHome: fullTime ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: 28 }), { nil: undefined }),
      lunch: fc.boolean(),
    })
    .map(({ yearsBack, birthMonth, birthDay, daysAtHome, lunch }): NormChildInput => {
      const year = Number(month.slice(0, 4)) - yearsBack;
      const c: NormChildInput = { id, birthDate: `${year}-${pad(birthMonth)}-${pad(birthDay)}` };
      if (daysAtHome !== undefined) c.daysAtHome = daysAtHome;
      // 2024 has no verified "without lunch" amounts (an error by design), so the flag is only set for other years.
      if (lunch && !month.startsWith('2024')) c.lunchAtPreschool = true;
      return c;
    });

const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 3_000_000 }),
  fc.integer({ min: 0, max: 500 }),
  fc.integer({ min: 0, max: 100 }).map((k) => k * 100),
);

const householdArb: fc.Arbitrary<NormInput> = fc
  .record({
    month: fc.constantFrom(...MONTHS),
    municipality: fc.option(fc.constantFrom('2281', '0180'), { nil: undefined }),
    couple: fc.boolean(),
    childCount: fc.integer({ min: 0, max: 8 }),
    extra: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    partTimeCounts: fc.option(fc.boolean(), { nil: undefined }),
  })
  .chain((h) =>
    fc.record({
      h: fc.constant(h),
      children: fc.tuple(...Array.from({ length: h.childCount }, (_, i) => childArb(h.month, `c${i}`))),
      costs: fc.array(fc.record({ type: fc.constantFrom(...COST_TYPES), amount: amountArb }), { maxLength: 6 }),
      incomes: fc.array(fc.record({ type: fc.constantFrom(...INCOME_TYPES), who: fc.nat(), amount: amountArb }), { maxLength: 6 }),
      js: fc.subarray(h.couple ? ['a1', 'a2'] : ['a1']),
      earnings: fc.option(fc.integer({ min: 0, max: 8_000_000 }), { nil: undefined }),
    }),
  )
  .map(({ h, children, costs, incomes, js, earnings }) => {
    const adults: NormInput['adults'] = [{ id: 'a1', role: 'applicant' }];
    if (h.couple) adults.push({ id: 'a2', role: 'coApplicant' });
    const kids = children.map((c, i) => (i === 0 && earnings !== undefined ? { ...c, earningsThisYear: earnings } : c));
    const persons = [...adults.map((a) => a.id), ...kids.map((c) => c.id)];
    const input: NormInput = {
      month: h.month,
      adults,
      children: kids,
      costs,
      incomes: incomes.map((x) => ({ type: x.type, person: persons[x.who % persons.length]!, amount: x.amount })),
      jobStimulus: js,
    };
    if (h.municipality) input.municipality = h.municipality;
    if (h.extra !== undefined) input.householdSize = adults.length + kids.length + h.extra;
    if (h.partTimeCounts !== undefined) input.options = { partTimeChildrenCountInHouseholdSize: h.partTimeCounts };
    return input;
  });

function checkInvariants(r: NormResult) {
  let personal = 0;
  let common = 0;
  let costs = 0;
  let income = 0;
  for (const l of r.lines) {
    assert.ok(Number.isSafeInteger(l.amount), 'integer öre');
    if (l.kind === 'personal') personal += l.amount;
    else if (l.kind === 'common') common += l.amount;
    else if (l.kind === 'cost') {
      costs += l.amount;
      assert.ok(l.amount >= 0 && l.amount <= l.applied!);
    } else if (l.kind === 'income') {
      income += l.amount;
      assert.ok(l.amount >= 0 && l.amount <= l.applied!);
    } else {
      income += l.amount;
      assert.ok(l.amount <= 0);
    }
    // Computed lines are whole kronor.
    if (l.kind === 'personal' || l.kind === 'common') assert.equal(l.amount % 100, 0);
    assert.ok(l.rule && l.explanation && l.source.id && l.source.cell);
  }
  assert.equal(r.totals.personal, personal);
  assert.equal(r.totals.common, common);
  assert.equal(r.totals.norm, personal + common);
  assert.equal(r.totals.costs, costs);
  assert.equal(r.totals.need, r.totals.norm + costs);
  assert.equal(r.totals.income, income);
  assert.ok(r.totals.income >= 0);
  assert.ok(r.totals.assistance >= 0);
  assert.equal(r.totals.assistance, Math.max(0, r.totals.need - r.totals.income));
  assert.equal(r.proposal.amount, r.totals.assistance);
  if (r.totals.assistance === 0) assert.equal(r.proposal.outcome, 'refused');
  else assert.equal(r.proposal.outcome, r.totals.costs < r.totals.costsApplied ? 'partlyRefused' : 'granted');
}

test('property: assistance never negative, lines always sum to totals, outcome consistent', () => {
  fc.assert(
    fc.property(householdArb, (input) => checkInvariants(calculateNorm(rules, input))),
    RUNS,
  );
});

test('property: same input → same output', () => {
  fc.assert(
    fc.property(householdArb, (input) => {
      const a = calculateNorm(rules, input);
      const b = calculateNorm(rules, structuredClone(input));
      assert.deepEqual(a, b);
      assert.equal(JSON.stringify(a), JSON.stringify(b));
    }),
    RUNS,
  );
});

test('property: more income never increases assistance (new income row or a higher amount)', () => {
  fc.assert(
    fc.property(householdArb, fc.constantFrom(...INCOME_TYPES), fc.nat(), amountArb, (input, type, who, extra) => {
      const before = calculateNorm(rules, input);
      const persons = [...input.adults.map((a) => a.id), ...(input.children ?? []).map((c) => c.id)];
      const added = calculateNorm(rules, { ...input, incomes: [...(input.incomes ?? []), { type, person: persons[who % persons.length]!, amount: extra }] });
      assert.ok(added.totals.assistance <= before.totals.assistance, `${added.totals.assistance} > ${before.totals.assistance}`);
      assert.ok(added.totals.income >= before.totals.income);
      if ((input.incomes ?? []).length > 0) {
        const incomes = structuredClone(input.incomes!);
        const i = who % incomes.length;
        incomes[i]!.amount += extra;
        const raised = calculateNorm(rules, { ...input, incomes });
        assert.ok(raised.totals.assistance <= before.totals.assistance);
      }
    }),
    RUNS,
  );
});

test('property: adding a full-time child never lowers the norm', () => {
  fc.assert(
    fc.property(
      householdArb.filter((h) => (h.children ?? []).length < 20),
      fc.integer({ min: 1, max: 20 }),
      fc.boolean(),
      (input, seed, keepSize) => {
        const before = calculateNorm(rules, input);
        return fc.assert(
          fc.property(childArb(input.month, 'newChild', true), (child) => {
            const next: NormInput = { ...input, children: [...(input.children ?? []), child] };
            // With an explicit household size the new child is one more person in it, unless others already made room.
            if (input.householdSize !== undefined && !(keepSize && input.householdSize > before.household.personsInCalculation)) next.householdSize = input.householdSize + 1;
            const after = calculateNorm(rules, next);
            assert.ok(after.totals.norm >= before.totals.norm, `${after.totals.norm} < ${before.totals.norm} (seed ${seed})`);
            assert.ok(after.totals.assistance >= before.totals.assistance || after.totals.costs !== before.totals.costs);
          }),
          { numRuns: 3 },
        );
      },
    ),
    { numRuns: 200 },
  );
});

test('property: any malformed input gives NormInputError with field paths, never a result or another error', () => {
  fc.assert(
    fc.property(fc.anything(), (junk) => {
      try {
        calculateNorm(rules, junk);
        assert.fail('no result expected');
      } catch (err) {
        assert.ok(err instanceof NormInputError, String(err));
        assert.ok(err.fields.length > 0 && err.fields.every((f) => typeof f.path === 'string' && f.message.length > 0));
      }
    }),
    RUNS,
  );
});

test('property: a valid household with one field replaced by junk → a result obeying the invariants, or NormInputError', () => {
  const fields = ['month', 'municipality', 'adults', 'children', 'householdSize', 'costs', 'incomes', 'jobStimulus', 'options'];
  fc.assert(
    fc.property(householdArb, fc.constantFrom(...fields), fc.anything(), (input, field, junk) => {
      const broken = { ...input, [field]: junk } as unknown;
      try {
        checkInvariants(calculateNorm(rules, broken));
      } catch (err) {
        if (err instanceof assert.AssertionError) throw err;
        assert.ok(err instanceof NormInputError, String(err));
      }
    }),
    RUNS,
  );
});
