import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRuleSet, calculateNorm, formatKr, mulDivRoundKronaHalfDown, mulDivRoundKronaHalfUp, roundToKrona, RuleDataError, type RuleDocument } from '../src/norm/index.ts';
import { ruleDocuments } from './norm-fixtures.ts';

const docs = ruleDocuments();
// biome-ignore lint/suspicious/noExplicitAny: the tests break rule documents on purpose, field by field
const byName = (name: string) => structuredClone(docs.find((d) => d.name === name)!.data) as Record<string, any>;
const without = (name: string) => docs.filter((d) => d.name !== name);

function expectDataError(documents: RuleDocument[], pattern: RegExp): RuleDataError {
  let caught: unknown;
  try {
    buildRuleSet(documents);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof RuleDataError, `expected RuleDataError, got ${String(caught)}`);
  assert.match((caught as RuleDataError).message, pattern);
  return caught as RuleDataError;
}

test('the shipped rule files load; each table has id, validity, regime, source and provisional flag', () => {
  const rules = buildRuleSet(docs);
  const tables = [...rules.tables].sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(
    tables.map((t) => [t.id, t.validFrom, t.validTo, t.provisional]),
    [
      ['riksnorm-2024', '2024-01-01', '2024-12-31', false],
      ['riksnorm-2025', '2025-01-01', '2025-12-31', false],
      ['riksnorm-2026', '2026-01-01', '2026-12-31', false],
      ['riksnorm-2027', '2027-01-01', '2027-12-31', true],
    ],
  );
  // Only 2026 is verified cell by cell against the statute text (SFS 2025:1046); see norm-tables.test.ts.
  assert.deepEqual(
    tables.map((t) => t.verified),
    [false, false, true, false],
  );
  for (const t of rules.tables) {
    assert.ok(t.source.length > 10 && t.regimes.length > 0);
    // The per-person increment above 7 equals the difference between 6 and 7 persons.
    assert.equal(t.extraPerson, t.commonByPersons[6]! - t.commonByPersons[5]!);
  }
  assert.equal(rules.months.size, 48);
  assert.deepEqual(
    rules.prisbasbelopp.map((p) => [p.year, p.amount, p.provisional]).sort((a, b) => (a[0] as number) - (b[0] as number)),
    [
      [2024, 5730000, false],
      [2025, 5880000, false],
      [2026, 5920000, false],
      [2027, 5920000, true],
    ],
  );
  // 2024 "without lunch" cells are flagged missing in the data.
  const t2024 = rules.tables.find((t) => t.id === 'riksnorm-2024')!;
  assert.deepEqual(Object.values(t2024.cellStatus), ['missing', 'missing', 'missing', 'missing']);
});

test('a new year is a data change: a 2028 table (new regime) is picked up without code', () => {
  const t = byName('riksnorm-2026.json');
  Object.assign(t, { id: 'riksnorm-2028', title: 'Riksnormen 2028', validFrom: '2028-01-01', validTo: '2028-12-31', regime: 'Reform2028', provisional: false, verified: false, source: 'test' });
  t.adults.single = 4000;
  delete t.checks;
  const regimes = byName('regimes.json');
  regimes.regimes[2].validTo = '2027-12-31';
  regimes.regimes.push({ ...structuredClone(regimes.regimes[2]), id: 'Reform2028', name: 'Reform 2028', validFrom: '2028-01-01', validTo: null });
  regimes.regimes[3].parameters.jobStimulusPercent = 0;
  delete regimes.regimes[3].conditions;
  const pbb = byName('prisbasbelopp.json');
  pbb.years.push({ year: 2028, amount: 60000, source: 'test' });
  const rules = buildRuleSet([
    ...docs.filter((d) => !['regimes.json', 'prisbasbelopp.json'].includes(d.name)),
    { name: 'regimes.json', data: regimes },
    { name: 'prisbasbelopp.json', data: pbb },
    { name: 'riksnorm-2028.json', data: t },
  ]);
  const r = calculateNorm(rules, { month: '2028-02', adults: [{ id: 'a1', role: 'applicant' }], incomes: [{ type: 'salary', person: 'a1', amount: 100000 }], jobStimulus: ['a1'] });
  assert.equal(r.normTable.id, 'riksnorm-2028');
  assert.equal(r.normTable.regime, 'Reform2028');
  assert.equal(r.totals.norm, 400000 + 128000);
  // The new regime has no jobbstimulans: no deduction line; and without conditions, no lawful-residence notice.
  assert.equal(r.lines.filter((l) => l.kind === 'jobStimulus').length, 0);
  assert.deepEqual(r.warnings, []);
  // 2026 still uses SoL 2025:400, 2027 the reform.
  assert.equal(calculateNorm(rules, { month: '2026-12', adults: [{ id: 'a1', role: 'applicant' }] }).normTable.regime, 'SoL2025:400');
  assert.equal(calculateNorm(rules, { month: '2027-12', adults: [{ id: 'a1', role: 'applicant' }] }).normTable.regime, 'SoL2025:400-2027');
});

test('legal references of SoL (2025:400): the paragraphs verified against the statute text, each with its source', () => {
  const rules = buildRuleSet(docs);
  const sol = rules.regimes.find((g) => g.id === 'SoL2025:400')!;
  const refs = Object.fromEntries(Object.entries(sol.references).map(([k, v]) => [k, [v.text, v.verified]]));
  assert.deepEqual(refs, {
    riksnorm: ['12 kap. 7 § första stycket 1 SoL (2025:400); 12 kap. 1–3 §§ socialtjänstförordningen (2025:468)', true],
    reasonableCosts: ['12 kap. 7 § första stycket 2 SoL (2025:400)', true],
    otherLivingCosts: ['12 kap. 1 § SoL (2025:400), livsföring i övrigt; SOSFS 2013:1', true],
    incomes: ['12 kap. 1 § SoL (2025:400); SOSFS 2013:1', false],
    childEarnings: ['12 kap. 9 § SoL (2025:400)', true],
    jobStimulus: ['12 kap. 8 § SoL (2025:400)', true],
  });
  for (const g of rules.regimes) for (const ref of Object.values(g.references)) assert.ok(ref.source && ref.source.length > 10, `${g.id}: ${ref.text}`);
  // What the lines say: a job-stimulus line and a child's earnings line of 2026 carry the verified paragraphs.
  const r = calculateNorm(rules, {
    month: '2026-04',
    adults: [{ id: 'a1', role: 'applicant' }],
    children: [{ id: 'c1', birthDate: '2009-01-01', earningsThisYear: 0 }],
    incomes: [
      { type: 'salary', person: 'a1', amount: 1000000 },
      { type: 'salary', person: 'c1', amount: 200000 },
    ],
    jobStimulus: ['a1'],
  });
  const job = r.lines.find((l) => l.kind === 'jobStimulus')!;
  const child = r.lines.find((l) => l.rule === 'INC-CHILD-EARNINGS')!;
  const rent = calculateNorm(rules, { month: '2026-04', adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: 500000 }] }).lines.find((l) => l.kind === 'cost')!;
  assert.deepEqual([job.source.legalReference, job.source.legalReferenceVerified], ['12 kap. 8 § SoL (2025:400)', true]);
  assert.deepEqual([child.source.legalReference, child.source.legalReferenceVerified], ['12 kap. 9 § SoL (2025:400)', true]);
  assert.deepEqual([rent.source.legalReference, rent.source.legalReferenceVerified], ['12 kap. 7 § första stycket 2 SoL (2025:400)', true]);
  // A reference that claims to be verified must say against what.
  const noSource = byName('regimes.json');
  delete noSource.regimes[1].references.jobStimulus.source;
  expectDataError([...without('regimes.json'), { name: 'regimes.json', data: noSource }], /references\/jobStimulus\/source: ett verifierat lagrum/);
});

test('malformed rule data → RuleDataError naming the file and field', () => {
  const t = byName('riksnorm-2025.json');
  t.adults.single = 3910.5;
  expectDataError([...without('riksnorm-2025.json'), { name: 'riksnorm-2025.json', data: t }], /riksnorm-2025\.json \/adults\/single/);

  const gap = byName('riksnorm-2025.json');
  gap.children[2].minAge = 4;
  expectDataError([...without('riksnorm-2025.json'), { name: 'riksnorm-2025.json', data: gap }], /children\/2\/minAge/);

  const badCheck = byName('riksnorm-2026.json');
  badCheck.adults.couple = 7110;
  expectDataError([...without('riksnorm-2026.json'), { name: 'riksnorm-2026.json', data: badCheck }], /checks\/coupleTotal/);

  const overlap = byName('riksnorm-2026.json');
  overlap.id = 'riksnorm-2026b';
  overlap.validFrom = '2026-06-01';
  overlap.validTo = '2027-05-31';
  expectDataError([...docs, { name: 'riksnorm-2026b.json', data: overlap }], /överlappar/);

  const noRegime = byName('riksnorm-2024.json');
  noRegime.regime = 'SoL2025:400';
  expectDataError([...without('riksnorm-2024.json'), { name: 'riksnorm-2024.json', data: noRegime }], /ingen av tabellens regimer gäller för 2024-01/);

  const midMonth = byName('riksnorm-2024.json');
  midMonth.validFrom = '2024-01-15';
  expectDataError([...without('riksnorm-2024.json'), { name: 'riksnorm-2024.json', data: midMonth }], /första dagen/);

  const unknownField = byName('guidelines-2281-2026.json');
  unknownField.caps.rent.rows[0].amout = 1;
  expectDataError([...without('guidelines-2281-2026.json'), { name: 'guidelines-2281-2026.json', data: unknownField }], /rows\/0\/amout: okänt fält/);

  const badMissing = byName('riksnorm-2025.json');
  badMissing.cellStatus = { 'children.0.withoutLunch': 'missing' };
  expectDataError([...without('riksnorm-2025.json'), { name: 'riksnorm-2025.json', data: badMissing }], /null/);

  // "verified" is a claim about every cell: not together with provisional, unverified cells or without its source.
  const verifiedProvisional = byName('riksnorm-2026.json');
  verifiedProvisional.provisional = true;
  expectDataError([...without('riksnorm-2026.json'), { name: 'riksnorm-2026.json', data: verifiedProvisional }], /riksnorm-2026\.json \/verified: en preliminär tabell/);
  const verifiedNoSource = byName('riksnorm-2026.json');
  delete verifiedNoSource.verification;
  expectDataError([...without('riksnorm-2026.json'), { name: 'riksnorm-2026.json', data: verifiedNoSource }], /\/verification: ange vad/);
  const verifiedUnverifiedCell = byName('riksnorm-2026.json');
  verifiedUnverifiedCell.cellStatus = { 'adults.single': 'unverified' };
  expectDataError([...without('riksnorm-2026.json'), { name: 'riksnorm-2026.json', data: verifiedUnverifiedCell }], /cellStatus\/adults\.single: en verifierad tabell/);

  expectDataError([...docs, { name: 'x.json', data: { kind: 'riksnorm' } }], /x\.json/);
  expectDataError([...docs, { name: 'y.json', data: [] }], /y\.json/);
  expectDataError([...docs, { name: 'z.json', data: { kind: 'weather', id: 'z' } }], /z\.json \/kind/);
});

test('a missing table or prisbasbelopp for the month is an error, never a guess', () => {
  const rules = buildRuleSet(without('riksnorm-2025.json'));
  assert.throws(() => calculateNorm(rules, { month: '2025-05', adults: [{ id: 'a1', role: 'applicant' }] }), { code: 'NORM_RULE_MISSING' });
  const noPbb = buildRuleSet(without('prisbasbelopp.json'));
  assert.throws(
    () =>
      calculateNorm(noPbb, {
        month: '2025-05',
        adults: [{ id: 'a1', role: 'applicant' }],
        children: [{ id: 'c1', birthDate: '2008-01-01' }],
        incomes: [{ type: 'salary', person: 'c1', amount: 100 }],
      }),
    // biome-ignore lint/suspicious/noExplicitAny: the error's shape is what the test checks
    (err: any) => err.code === 'NORM_RULE_MISSING' && err.fields[0].path === '/incomes/0',
  );
});

test('rounding helpers: half up to whole kronor, integer only', () => {
  assert.equal(mulDivRoundKronaHalfUp(379000, 7, 28), 94800); // 947,50 → 948
  assert.equal(mulDivRoundKronaHalfUp(379000, 15, 31), 183400); // 1 833,87 → 1 834
  assert.equal(mulDivRoundKronaHalfUp(231000, 1, 5), 46200);
  assert.equal(mulDivRoundKronaHalfUp(149, 1, 1), 100);
  assert.equal(mulDivRoundKronaHalfUp(150, 1, 1), 200);
  assert.equal(mulDivRoundKronaHalfDown(150, 1, 1), 100);
  assert.equal(mulDivRoundKronaHalfDown(151, 1, 1), 200);
  assert.equal(roundToKrona(12350), 12400);
  assert.equal(roundToKrona(12349), 12300);
  assert.equal(roundToKrona(-12350), -12400);
  assert.equal(formatKr(391000), '3 910 kr');
  assert.equal(formatKr(123456789), '1 234 567,89 kr');
  assert.equal(formatKr(5), '0,05 kr');
  assert.equal(formatKr(-250000), '−2 500 kr');
});
