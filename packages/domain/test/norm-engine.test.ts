import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRuleSet, calculateNorm, NormInputError, NormRuleMissingError, type CostType, type NormInput, type NormResult } from '../src/norm/index.ts';
import { ruleDocuments, kr, single, couple } from './norm-fixtures.ts';

const docs = ruleDocuments();
const rules = buildRuleSet(docs);

function assertSums(r: NormResult) {
  const sum = (kinds: string[]) => r.lines.filter((l) => kinds.includes(l.kind)).reduce((s, l) => s + l.amount, 0);
  assert.equal(r.totals.personal, sum(['personal']));
  assert.equal(r.totals.common, sum(['common']));
  assert.equal(r.totals.norm, r.totals.personal + r.totals.common);
  assert.equal(r.totals.costs, sum(['cost']));
  assert.equal(r.totals.need, r.totals.norm + r.totals.costs);
  assert.equal(r.totals.income, sum(['income', 'jobStimulus']));
  assert.equal(r.totals.assistance, Math.max(0, r.totals.need - r.totals.income));
  assert.equal(r.proposal.amount, r.totals.assistance);
  for (const l of r.lines) {
    assert.ok(Number.isInteger(l.amount));
    assert.ok(l.rule.length > 0 && l.explanation.length > 0 && l.source.id.length > 0 && l.source.cell.length > 0);
  }
}

function expectError(input: unknown, path: string, cls: typeof NormInputError = NormInputError): NormInputError {
  let caught: unknown;
  try {
    calculateNorm(rules, input);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof cls, `expected ${cls.name}, got ${String(caught)}`);
  const e = caught as NormInputError;
  assert.ok(
    e.fields.some((f) => f.path === path),
    `expected an error at ${path}, got ${JSON.stringify(e.fields)}`,
  );
  for (const f of e.fields) assert.ok(f.message.length > 0);
  return e;
}

// --- Published examples --------------------------------------------------------------------------------------------

test('single adult 2025: 3 910 + 1 270 = 5 180 kr', () => {
  const r = calculateNorm(rules, single('2025-05'));
  assert.equal(r.totals.norm, kr(5180));
  assert.deepEqual(
    r.lines.map((l) => [l.kind, l.rule, l.amount, l.source.cell]),
    [
      ['personal', 'RN-ADULT-SINGLE', kr(3910), 'adults.single'],
      ['common', 'RN-COMMON', kr(1270), 'commonCosts.1'],
    ],
  );
  assert.equal(r.normTable.id, 'riksnorm-2025');
  assert.equal(r.normTable.provisional, false);
  assert.equal(r.normTable.regime, 'SoL2001:453');
  assert.equal(r.totals.assistance, kr(5180));
  assert.equal(r.proposal.outcome, 'granted');
  assert.deepEqual(r.warnings, []);
  assertSums(r);
});

test('couple 2025: 7 050 + 1 400 = 8 450 kr; regime follows the month (SoL 2025:400 from July)', () => {
  const r = calculateNorm(rules, couple('2025-09'));
  assert.equal(r.totals.norm, kr(8450));
  assert.equal(r.lines[0]!.rule, 'RN-ADULT-COUPLE');
  assert.deepEqual(r.lines[0]!.persons, ['a1', 'a2']);
  assert.equal(r.normTable.regime, 'SoL2025:400');
  assert.match(r.lines[0]!.source.legalReference, /2025:468/);
  assertSums(r);
});

test('adult sharing a 5-person household without being sambo 2025: 3 910 + 2 310/5 = 4 372 kr', () => {
  const r = calculateNorm(rules, single('2025-02', { householdSize: 5 }));
  assert.equal(r.totals.norm, kr(4372));
  const common = r.lines.find((l) => l.kind === 'common')!;
  assert.equal(common.rule, 'RN-COMMON-SHARED');
  assert.equal(common.amount, kr(462));
  assert.equal(common.source.cell, 'commonCosts.5');
  assert.match(common.explanation, /2 310 kr × 1\/5 = 462 kr/);
  assert.equal(r.household.householdSize, 5);
  assert.equal(r.household.personsInCalculation, 1);
  assertSums(r);
});

test('the 2014 example is reproduced when a 2014 table is added as data: 1 710/5 + 2 950 = 3 292 kr', () => {
  const t2014 = {
    kind: 'riksnorm',
    id: 'riksnorm-2014',
    title: 'Riksnormen 2014',
    validFrom: '2014-01-01',
    validTo: '2014-12-31',
    regime: 'SoL2001:453',
    provisional: false,
    source: 'Socialstyrelsen: oförändrade belopp i riksnormen för 2014',
    children: [
      { id: '0', label: '0 år', minAge: 0, maxAge: 0, amount: 1740, withoutLunch: 1610 },
      { id: '1-2', label: '1–2 år', minAge: 1, maxAge: 2, amount: 1980, withoutLunch: 1800 },
      { id: '3', label: '3 år', minAge: 3, maxAge: 3, amount: 1730, withoutLunch: 1550 },
      { id: '4-6', label: '4–6 år', minAge: 4, maxAge: 6, amount: 1980, withoutLunch: 1730 },
      { id: '7-10', label: '7–10 år', minAge: 7, maxAge: 10, amount: 2410, withoutLunch: null },
      { id: '11-14', label: '11–14 år', minAge: 11, maxAge: 14, amount: 2840, withoutLunch: null },
      { id: '15-18', label: '15–18 år', minAge: 15, maxAge: 18, amount: 3250, withoutLunch: null },
      { id: '19-20', label: '19–20 år', minAge: 19, maxAge: 20, amount: 3280, withoutLunch: null },
    ],
    adults: { single: 2950, couple: 5320 },
    commonCosts: { byPersons: [930, 1040, 1310, 1490, 1710, 1950, 2120], extraPerson: 170 },
  };
  const withOld = buildRuleSet([...docs, { name: 'riksnorm-2014.json', data: t2014 }]);
  assert.equal(calculateNorm(withOld, single('2014-06', { householdSize: 5 })).totals.norm, kr(3292));
});

test('8-person household uses the increment per person above 7 (2025: 2 810 + 190)', () => {
  const children = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, birthDate: `201${i}-01-01` }));
  const r = calculateNorm(rules, couple('2025-03', { children }));
  const common = r.lines.find((l) => l.kind === 'common')!;
  assert.equal(common.amount, kr(3000));
  assert.equal(common.rule, 'RN-COMMON-LARGE');
  assert.match(common.explanation, /2 810 kr för 7 personer \+ 1 × 190 kr/);
  assert.equal(r.household.householdSize, 8);
  // 10 persons: 2 810 + 3 × 190 = 3 380.
  const r10 = calculateNorm(rules, couple('2025-03', { children: [...children, { id: 'c6', birthDate: '2016-01-01' }, { id: 'c7', birthDate: '2017-01-01' }] }));
  assert.equal(r10.totals.common, kr(3380));
  // An adult alone in a 9-person household: (2 810 + 2 × 190) / 9 = 354,44 → 354.
  assert.equal(calculateNorm(rules, single('2025-03', { householdSize: 9 })).totals.common, kr(354));
  assertSums(r);
});

// --- Tables per year -----------------------------------------------------------------------------------------------

test('each month selects its table: 2024, 2025 official, 2026 official and verified against SFS 2025:1046', () => {
  const cases: [string, string, number, number, boolean][] = [
    ['2024-01', 'riksnorm-2024', 5030, 8210, false],
    ['2024-12', 'riksnorm-2024', 5030, 8210, false],
    ['2025-01', 'riksnorm-2025', 5180, 8450, false],
    ['2025-12', 'riksnorm-2025', 5180, 8450, false],
    ['2026-01', 'riksnorm-2026', 5220, 8510, true],
    ['2026-12', 'riksnorm-2026', 5220, 8510, true],
  ];
  for (const [month, id, s, c, verified] of cases) {
    const rs = calculateNorm(rules, single(month));
    const rc = calculateNorm(rules, couple(month));
    assert.equal(rs.normTable.id, id, month);
    assert.equal(rs.totals.norm, kr(s), month);
    assert.equal(rc.totals.norm, kr(c), month);
    assert.equal(rs.normTable.provisional, false);
    assert.equal(rs.normTable.verified, verified, month);
    assert.doesNotMatch(rs.normTable.title + rs.lines.map((l) => l.explanation).join(' '), /preliminär/);
    assert.equal(
      rs.warnings.some((w) => w.type === 'PROVISIONAL_TABLE'),
      false,
    );
    assert.ok(rs.lines.every((l) => l.source.status === 'official'));
  }
});

test('2026: the cells that the provisional table had 10 kr too low', () => {
  // Children 1–2, 4–6, 11–14, 15–18, 19–20 years (born so that they have that age on 1 March 2026).
  const ages: [string, number][] = [
    ['2024-06-01', 3060],
    ['2021-06-01', 3060],
    ['2013-06-01', 4390],
    ['2009-06-01', 4960],
    ['2006-06-01', 5000],
  ];
  for (const [birthDate, amount] of ages) {
    const r = calculateNorm(rules, single('2026-03', { children: [{ id: 'c1', birthDate }], householdSize: 2 }));
    assert.equal(r.lines.find((l) => l.person === 'c1')!.amount, kr(amount), birthDate);
  }
  // Common household costs for 3 and 4 persons.
  assert.equal(calculateNorm(rules, single('2026-03', { householdSize: 3 })).lines.find((l) => l.kind === 'common')!.source.cell, 'commonCosts.3');
  assert.equal(calculateNorm(rules, couple('2026-03', { children: [{ id: 'c1', birthDate: '2015-01-01' }] })).totals.common, kr(1790));
  assert.equal(
    calculateNorm(
      rules,
      couple('2026-03', {
        children: [
          { id: 'c1', birthDate: '2015-01-01' },
          { id: 'c2', birthDate: '2012-01-01' },
        ],
      }),
    ).totals.common,
    kr(2030),
  );
  // A couple with a 12-year-old and a 16-year-old: 7 100 + 4 390 + 4 960 + 2 030 = 18 480 kr.
  const family = calculateNorm(
    rules,
    couple('2026-03', {
      children: [
        { id: 'c1', birthDate: '2013-05-01' },
        { id: 'c2', birthDate: '2009-11-01' },
      ],
    }),
  );
  assert.equal(family.totals.norm, kr(18480));
  assertSums(family);
});

test('children per age group 2025, with and without lunch; age in whole years on the first day of the month', () => {
  const withLunch = [2720, 3030, 3030, 2700, 3030, 3030, 3030, 3790, 3790, 3790, 3790, 4350, 4350, 4350, 4350, 4920, 4920, 4920, 4920, 4960, 4960];
  const withoutLunch = [2540, 2780, 2780, 2480, 2700, 2700, 2700];
  for (let age = 0; age <= 20; age++) {
    const birthDate = `${2025 - age}-06-01`; // turns `age` on 1 June 2025
    const r = calculateNorm(rules, single('2025-06', { children: [{ id: 'c1', birthDate }] }));
    assert.equal(r.lines[1]!.amount, kr(withLunch[age]!), `age ${age}`);
    assert.equal(r.lines[1]!.rule, 'RN-CHILD');
    if (age <= 6) {
      const n = calculateNorm(rules, single('2025-06', { children: [{ id: 'c1', birthDate, lunchAtPreschool: true }] }));
      assert.equal(n.lines[1]!.amount, kr(withoutLunch[age]!), `age ${age} without lunch`);
      assert.equal(n.lines[1]!.rule, 'RN-CHILD-NO-LUNCH');
      assert.match(n.lines[1]!.source.cell, /withoutLunch$/);
    }
  }
  // Born 2 March 2021: 3 years old on 1 March 2025 (2 700), 4 years on 1 April (3 030).
  const c = [{ id: 'c1', birthDate: '2021-03-02' }];
  assert.equal(calculateNorm(rules, single('2025-03', { children: c })).lines[1]!.amount, kr(2700));
  assert.equal(calculateNorm(rules, single('2025-04', { children: c })).lines[1]!.amount, kr(3030));
  // Born 1 March 2021: 4 years old on 1 March 2025.
  assert.equal(calculateNorm(rules, single('2025-03', { children: [{ id: 'c1', birthDate: '2021-03-01' }] })).lines[1]!.amount, kr(3030));
  // Born during the month → 0 years.
  assert.equal(calculateNorm(rules, single('2025-03', { children: [{ id: 'c1', birthDate: '2025-03-20' }] })).lines[1]!.amount, kr(2720));
  // A family: couple + 4-year-old at preschool + 8-year-old, 2025: 7 050 + 2 700 + 3 790 + 2 010 = 15 550.
  const fam = calculateNorm(
    rules,
    couple('2025-10', {
      children: [
        { id: 'c1', birthDate: '2021-01-15', lunchAtPreschool: true },
        { id: 'c2', birthDate: '2017-02-01' },
      ],
    }),
  );
  assert.equal(fam.totals.norm, kr(15550));
  assertSums(fam);
});

test('lunch at preschool is ignored with a warning for a child aged 7 or more', () => {
  const r = calculateNorm(rules, single('2025-06', { children: [{ id: 'c1', birthDate: '2015-01-01', lunchAtPreschool: true }] }));
  assert.equal(r.lines[1]!.amount, kr(3790));
  assert.ok(r.warnings.some((w) => w.type === 'LUNCH_NOT_APPLICABLE' && w.path === '/children/0/lunchAtPreschool'));
});

test('2024 "without lunch" amounts are not verified: a clear error, never a guess', () => {
  const e = expectError(single('2024-05', { children: [{ id: 'c1', birthDate: '2021-01-01', lunchAtPreschool: true }] }), '/children/0/lunchAtPreschool', NormRuleMissingError);
  assert.equal(e.code, 'NORM_RULE_MISSING');
  assert.match(e.fields[0]!.message, /riksnorm-2024/);
  // With lunch at home the 2024 amount is known: 4 years: 3 800 + 2 940 + 1 360 = 8 100.
  assert.equal(calculateNorm(rules, single('2024-05', { children: [{ id: 'c1', birthDate: '2020-01-01' }] })).totals.norm, kr(8100));
});

// --- Part-time children --------------------------------------------------------------------------------------------

test('part-time child: personal costs by days at home, rounded half up; counts in the household size by default', () => {
  // 8 years, 2025-03 (31 days), 15 days: 3 790 × 15/31 = 1 833,87 → 1 834.
  const r = calculateNorm(rules, single('2025-03', { children: [{ id: 'c1', birthDate: '2017-01-01', daysAtHome: 15 }] }));
  assert.equal(r.lines[1]!.amount, kr(1834));
  assert.equal(r.lines[1]!.rule, 'RN-CHILD-PART-TIME');
  assert.match(r.lines[1]!.explanation, /15 av månadens 31 dagar/);
  assert.equal(r.totals.common, kr(1400));
  assert.equal(r.totals.norm, kr(3910 + 1834 + 1400));
  // Half up: 2025-02 (28 days), 7 days: 3 790 × 7/28 = 947,50 → 948.
  const half = calculateNorm(rules, single('2025-02', { children: [{ id: 'c1', birthDate: '2017-01-01', daysAtHome: 7 }] }));
  assert.equal(half.lines[1]!.amount, kr(948));
  // Configurable: the part-time child does not count in the household size.
  const off = calculateNorm(rules, single('2025-03', { children: [{ id: 'c1', birthDate: '2017-01-01', daysAtHome: 15 }], options: { partTimeChildrenCountInHouseholdSize: false } }));
  assert.equal(off.totals.common, kr(1270));
  assert.equal(off.household.personsInCalculation, 1);
  // Full month → ordinary line.
  const full = calculateNorm(rules, single('2025-02', { children: [{ id: 'c1', birthDate: '2017-01-01', daysAtHome: 28 }] }));
  assert.equal(full.lines[1]!.rule, 'RN-CHILD');
  assert.equal(full.lines[1]!.amount, kr(3790));
  assertSums(r);
});

// --- Costs ---------------------------------------------------------------------------------------------------------

test('costs: within the cap approved, above the cap capped with a warning, other → manual judgement', () => {
  // 2281 example caps (Högsby 2023): 1 adult 4 474 kr rent.
  const r = calculateNorm(
    rules,
    single('2026-03', {
      municipality: '2281',
      costs: [
        { type: 'rent', amount: kr(5000) },
        { type: 'electricity', amount: kr(300) },
        { type: 'homeInsurance', amount: kr(120) },
        { type: 'other', amount: kr(500), description: 'cykelreparation' },
      ],
    }),
  );
  const [rent, el, ins, other] = r.lines.filter((l) => l.kind === 'cost');
  assert.deepEqual([rent!.applied, rent!.amount, rent!.rule, rent!.source.cell], [kr(5000), kr(4474), 'COST-CAPPED', 'caps.rent.1v-0b']);
  assert.equal(rent!.source.status, 'example');
  assert.deepEqual([el!.amount, el!.rule], [kr(300), 'COST-APPROVED']);
  assert.deepEqual([ins!.amount, ins!.rule, ins!.source.cell], [kr(120), 'COST-WITHIN-CAP', 'caps.homeInsurance.1p']);
  assert.deepEqual([other!.applied, other!.amount, other!.rule], [kr(500), 0, 'COST-MANUAL']);
  assert.match(other!.explanation, /cykelreparation/);
  assert.ok(r.warnings.some((w) => w.type === 'EXPENSE_CAPPED' && w.path === '/costs/0'));
  assert.ok(r.warnings.some((w) => w.type === 'MANUAL_ASSESSMENT_REQUIRED' && w.path === '/costs/3'));
  assert.ok(r.warnings.some((w) => w.type === 'EXAMPLE_GUIDELINES'));
  assert.equal(r.totals.costsApplied, kr(5920));
  assert.equal(r.totals.costs, kr(4474 + 300 + 120));
  assert.equal(r.totals.need, kr(5220 + 4894));
  assert.equal(r.proposal.outcome, 'partlyRefused');
  assert.equal(r.guidelines?.id, 'guidelines-2281-2026');
  assertSums(r);
});

test('rent cap follows the household composition; two rent rows share one cap', () => {
  const kids = [
    { id: 'c1', birthDate: '2015-01-01' },
    { id: 'c2', birthDate: '2016-01-01' },
  ];
  const r = calculateNorm(
    rules,
    couple('2025-11', {
      municipality: '2281',
      children: kids,
      costs: [
        { type: 'rent', amount: kr(7000) },
        { type: 'rent', amount: kr(1000) },
      ],
    }),
  );
  const [a, b] = r.lines.filter((l) => l.kind === 'cost');
  assert.equal(a!.amount, kr(7000));
  assert.equal(a!.rule, 'COST-WITHIN-CAP');
  assert.equal(b!.amount, kr(416)); // cap 7 416 for 1–2 adults with 2 children
  assert.equal(b!.rule, 'COST-CAPPED');
  assert.equal(r.totals.costs, kr(7416));
  assertSums(r);
});

test('no municipality: costs approved as applied, with a warning that no guideline was used', () => {
  const r = calculateNorm(rules, single('2025-05', { costs: [{ type: 'rent', amount: kr(6000) }] }));
  assert.equal(r.totals.costs, kr(6000));
  assert.equal(r.lines[2]!.rule, 'COST-APPROVED');
  assert.ok(r.warnings.some((w) => w.type === 'NO_GUIDELINES'));
  assert.equal(r.guidelines, null);
  const other = calculateNorm(rules, single('2025-05', { municipality: '0180', costs: [{ type: 'rent', amount: kr(6000) }] }));
  assert.ok(other.warnings.some((w) => w.type === 'NO_GUIDELINES' && /0180/.test(w.message)));
});

// --- Incomes -------------------------------------------------------------------------------------------------------

test('every income counts; assistance = max(0, need − income); proposal outcomes', () => {
  const granted = calculateNorm(
    rules,
    single('2025-05', {
      costs: [{ type: 'rent', amount: kr(5000) }],
      incomes: [
        { type: 'housingAllowance', person: 'a1', amount: kr(1500) },
        { type: 'unemploymentBenefit', person: 'a1', amount: kr(2000) },
      ],
    }),
  );
  assert.equal(granted.totals.need, kr(10180));
  assert.equal(granted.totals.income, kr(3500));
  assert.equal(granted.totals.assistance, kr(6680));
  assert.equal(granted.proposal.outcome, 'granted');
  assert.ok(granted.lines.filter((l) => l.kind === 'income').every((l) => l.rule === 'INC-COUNTED' && l.amount === l.applied));
  const refused = calculateNorm(rules, single('2025-05', { incomes: [{ type: 'sicknessCompensation', person: 'a1', amount: kr(12000) }] }));
  assert.equal(refused.totals.assistance, 0);
  assert.equal(refused.proposal.outcome, 'refused');
  assert.equal(refused.proposal.amount, 0);
  // Öre are kept exactly.
  const ore = calculateNorm(rules, single('2025-05', { incomes: [{ type: 'other', person: 'a1', amount: 12345 }] }));
  assert.equal(ore.totals.assistance, kr(5180) - 12345);
});

test('jobbstimulans: 25 % of income from employment not counted, rounded to whole kronor half up', () => {
  const r = calculateNorm(
    rules,
    couple('2026-02', {
      incomes: [
        { type: 'salary', person: 'a1', amount: kr(10000) },
        { type: 'parentalBenefit', person: 'a1', amount: kr(3000) },
        { type: 'salary', person: 'a2', amount: kr(4000) },
      ],
      jobStimulus: ['a1'],
    }),
  );
  const js = r.lines.filter((l) => l.kind === 'jobStimulus');
  assert.equal(js.length, 1);
  assert.deepEqual([js[0]!.person, js[0]!.applied, js[0]!.amount, js[0]!.rule], ['a1', kr(10000), -kr(2500), 'INC-JOB-STIMULUS']);
  assert.equal(r.totals.income, kr(10000 + 3000 + 4000 - 2500));
  assertSums(r);
  // 10 002 × 25 % = 2 500,50 → 2 501.
  const half = calculateNorm(rules, single('2025-05', { incomes: [{ type: 'salary', person: 'a1', amount: kr(10002) }], jobStimulus: ['a1'] }));
  assert.equal(half.lines.at(-1)!.amount, -kr(2501));
  // 10 001 × 25 % = 2 500,25 → 2 500.
  const down = calculateNorm(rules, single('2025-05', { incomes: [{ type: 'salary', person: 'a1', amount: kr(10001) }], jobStimulus: ['a1'] }));
  assert.equal(down.lines.at(-1)!.amount, -kr(2500));
  // Two salaries of the same person are summed first: (6 001 + 4 001) × 25 % = 2 500,50 → 2 501.
  const two = calculateNorm(
    rules,
    single('2025-05', {
      incomes: [
        { type: 'salary', person: 'a1', amount: kr(6001) },
        { type: 'salary', person: 'a1', amount: kr(4001) },
      ],
      jobStimulus: ['a1'],
    }),
  );
  assert.equal(two.totals.income, kr(10002 - 2501));
  // Person without salary → no line.
  const none = calculateNorm(rules, single('2025-05', { incomes: [{ type: 'pension', person: 'a1', amount: kr(1000) }], jobStimulus: ['a1'] }));
  assert.equal(none.lines.filter((l) => l.kind === 'jobStimulus').length, 0);
});

test('a child may be called anything, also the name of a JavaScript built-in, and its earnings are still counted', () => {
  for (const id of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) {
    const r = calculateNorm(
      rules,
      single('2025-10', {
        children: [{ id, birthDate: '2008-01-01', earningsThisYear: kr(50000) }],
        incomes: [
          { type: 'salary', person: id, amount: kr(6000) },
          { type: 'salary', person: id, amount: kr(4000) },
        ],
      }),
    );
    assert.equal(r.totals.income, kr(1200), id);
  }
});

test("child's earnings are exempt up to one prisbasbelopp per calendar year (2025: 58 800 kr)", () => {
  const child = (earningsThisYear?: number) => ({ id: 'c1', birthDate: '2008-01-01', ...(earningsThisYear === undefined ? {} : { earningsThisYear }) });
  const r = calculateNorm(rules, single('2025-10', { children: [child(kr(50000))], incomes: [{ type: 'salary', person: 'c1', amount: kr(10000) }] }));
  const line = r.lines.find((l) => l.kind === 'income')!;
  assert.deepEqual([line.applied, line.amount, line.rule, line.source.id], [kr(10000), kr(1200), 'INC-CHILD-EARNINGS', 'prisbasbelopp-2025']);
  assert.equal(r.totals.income, kr(1200));
  // Already above the limit → everything counts.
  assert.equal(calculateNorm(rules, single('2025-10', { children: [child(kr(60000))], incomes: [{ type: 'salary', person: 'c1', amount: kr(10000) }] })).totals.income, kr(10000));
  // Not given → assumed 0 with a warning → all exempt.
  const assumed = calculateNorm(rules, single('2025-10', { children: [child()], incomes: [{ type: 'salary', person: 'c1', amount: kr(10000) }] }));
  assert.equal(assumed.totals.income, 0);
  assert.ok(assumed.warnings.some((w) => w.type === 'CHILD_EARNINGS_ASSUMED'));
  // Other incomes of a child count in full.
  assert.equal(calculateNorm(rules, single('2025-10', { children: [child(0)], incomes: [{ type: 'studentGrant', person: 'c1', amount: kr(1250) }] })).totals.income, kr(1250));
  // 2026 uses 59 200 kr.
  assert.equal(calculateNorm(rules, single('2026-10', { children: [child(kr(50000))], incomes: [{ type: 'salary', person: 'c1', amount: kr(10000) }] })).totals.income, kr(800));
});

test('contract example from the issue', () => {
  const r = calculateNorm(rules, {
    month: '2026-03',
    municipality: '2281',
    adults: [
      { id: 'a1', role: 'applicant' },
      { id: 'a2', role: 'coApplicant' },
    ],
    children: [{ id: 'c1', birthDate: '2021-05-10', daysAtHome: 31, lunchAtPreschool: true }],
    householdSize: 5,
    costs: [{ type: 'rent', amount: 850000 }],
    incomes: [{ type: 'childAllowance', person: 'a1', amount: 125000 }],
    jobStimulus: ['a1'],
  });
  assert.deepEqual({ id: r.normTable.id, provisional: r.normTable.provisional }, { id: 'riksnorm-2026', provisional: false });
  // 7 100 + 2 720 (4 years, without lunch) + 2 330 × 3/5 = 1 398 → norm 11 218; rent capped at 6 192 (1–2 adults, 1 child).
  assert.equal(r.totals.norm, kr(11218));
  assert.equal(r.totals.costs, kr(6192));
  assert.equal(r.totals.income, kr(1250));
  assert.equal(r.totals.assistance, kr(11218 + 6192 - 1250));
  assert.equal(r.proposal.outcome, 'partlyRefused');
  assert.ok(r.warnings.some((w) => w.type === 'EXPENSE_CAPPED'));
  assertSums(r);
});

// --- Invalid input -------------------------------------------------------------------------------------------------

test('invalid input → clear errors with field paths, never a number', () => {
  expectError(single('2026-13'), '/month');
  expectError({ adults: [{ id: 'a1', role: 'applicant' }] }, '/month');
  const missing = expectError(single('2028-01'), '/month', NormRuleMissingError);
  assert.match(missing.message, /januari 2028/);
  expectError(single('2023-12'), '/month', NormRuleMissingError);
  expectError(single('2025-05', { costs: [{ type: 'rent', amount: -100 }] }), '/costs/0/amount');
  expectError(single('2025-05', { costs: [{ type: 'rent', amount: 100.5 }] }), '/costs/0/amount');
  expectError(single('2025-05', { incomes: [{ type: 'salary', person: 'a1', amount: 1e-3 }] }), '/incomes/0/amount');
  expectError(single('2025-05', { incomes: [{ type: 'salary', person: 'zz', amount: 100 }] }), '/incomes/0/person');
  expectError(single('2025-05', { costs: [{ type: 'yacht' as never, amount: 100 }] }), '/costs/0/type');
  const old = expectError(single('2025-05', { children: [{ id: 'c1', birthDate: '2004-04-30' }] }), '/children/0/birthDate');
  assert.match(old.fields[0]!.message, /21 år/);
  expectError(single('2025-05', { children: [{ id: 'c1', birthDate: '2025-06-01' }] }), '/children/0/birthDate');
  expectError(single('2025-05', { children: [{ id: 'c1', birthDate: '2021-02-30' }] }), '/children/0/birthDate');
  expectError(single('2025-02', { children: [{ id: 'c1', birthDate: '2021-02-01', daysAtHome: 29 }] }), '/children/0/daysAtHome');
  expectError({ month: '2025-05', adults: [{ id: 'a2', role: 'coApplicant' }] }, '/adults/0/role');
  expectError(
    {
      month: '2025-05',
      adults: [
        { id: 'a1', role: 'applicant' },
        { id: 'a2', role: 'applicant' },
      ],
    },
    '/adults/1/role',
  );
  expectError({ month: '2025-05', adults: [{ id: 'a1', role: 'lodger' }] }, '/adults/0/role');
  expectError({ month: '2025-05', adults: [] }, '/adults');
  expectError(
    {
      month: '2025-05',
      adults: [
        { id: 'a1', role: 'applicant' },
        { id: 'a1', role: 'coApplicant' },
      ],
    },
    '/adults/1/id',
  );
  expectError({ month: '2025-05', adults: [{ id: '19850101-1234', role: 'applicant' }] }, '/adults/0/id');
  expectError(single('2025-05', { householdSize: 2.5 }), '/householdSize');
  expectError(couple('2025-05', { householdSize: 1 }), '/householdSize');
  expectError(single('2025-05', { children: [{ id: 'c1', birthDate: '2015-01-01' }], jobStimulus: ['c1'] }), '/jobStimulus/0');
  expectError({ ...single('2025-05'), extra: 1 }, '/extra');
  expectError(single('2025-05', { children: [{ id: 'c1', birthDate: '2015-01-01', daysHome: 3 } as never] }), '/children/0/daysHome');
  expectError(null, '');
  expectError('2025-05', '');
  // Several problems are reported together.
  const many = expectError({ month: 'x', adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: -1 }] }, '/costs/0/amount');
  assert.ok(many.fields.some((f) => f.path === '/month'));
});

test('same input → same output, and the input is not modified', () => {
  const input = couple('2026-03', {
    municipality: '2281',
    children: [{ id: 'c1', birthDate: '2019-07-07', daysAtHome: 10 }],
    costs: [{ type: 'rent', amount: kr(9000) }],
    incomes: [{ type: 'salary', person: 'a2', amount: 1234567 }],
    jobStimulus: ['a2'],
  });
  const copy = structuredClone(input);
  const a = JSON.stringify(calculateNorm(rules, input));
  const b = JSON.stringify(calculateNorm(rules, input));
  assert.equal(a, b);
  assert.deepEqual(input, copy);
});

// --- Reading the input, and the choice of cap row ---

const fullHousehold = (month: string, extra: Partial<NormInput> = {}): NormInput => ({
  month,
  municipality: '2281',
  adults: [
    { id: 'a1', role: 'applicant' },
    { id: 'a2', role: 'coApplicant' },
  ],
  children: [{ id: 'c1', birthDate: '2016-05-05', daysAtHome: 10 }],
  costs: [
    { type: 'rent', amount: 800_000 },
    { type: 'rent', amount: 50_050 },
    { type: 'homeInsurance', amount: 30_000 },
    { type: 'other', amount: 1 },
  ],
  incomes: [{ type: 'salary', person: 'a1', amount: 1_234_567 }],
  jobStimulus: ['a1'],
  ...extra,
});

test('a field that is not enumerable is still read', () => {
  const plain = fullHousehold('2026-03');
  const hidden = fullHousehold('2026-03') as unknown as Record<string, unknown>;
  delete hidden.municipality;
  Object.defineProperty(hidden, 'municipality', { value: '2281', enumerable: false });
  assert.deepStrictEqual(calculateNorm(rules, hidden), calculateNorm(rules, plain));
  // The same for a field added with the 2027 reform.
  const aid = { ...fullHousehold('2027-03'), adults: [{ id: 'a1', role: 'applicant', lawfullyResident: false }] } as unknown as Record<string, unknown>;
  const hiddenAid = { ...aid };
  aid.emergencyAid = true;
  Object.defineProperty(hiddenAid, 'emergencyAid', { value: true, enumerable: false });
  assert.deepStrictEqual(calculateNorm(rules, hiddenAid), calculateNorm(rules, aid));
  // Read, so the adult who is not lawfully resident is not barred: it is an application for emergency aid.
  assert.ok(calculateNorm(rules, hiddenAid).totals.assistance > 0);
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
          adults:
            adults === 1
              ? [{ id: 'a1', role: 'applicant' }]
              : [
                  { id: 'a1', role: 'applicant' },
                  { id: 'a2', role: 'coApplicant' },
                ],
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
