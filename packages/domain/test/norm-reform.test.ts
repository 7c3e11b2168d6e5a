/**
 * The 2026–2027 reform of försörjningsstöd as rule data: the regime from 1 January 2027 (provisional riksnorm built from
 * a reference value, the cap for larger households, second-hand rent only with an approved sublet, lawful residence),
 * and the medical certificate expected from 1 July 2026. The new input facts must not change a 2025 or 2026 result.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRuleSet, calculateNorm, expectedDocuments, NormInputError, type NormInput, type NormResult } from '../src/norm/index.ts';
import { ruleDocuments, kr, single, couple } from './norm-fixtures.ts';

const docs = ruleDocuments();
const rules = buildRuleSet(docs);
// biome-ignore lint/suspicious/noExplicitAny: the tests break rule documents on purpose, field by field
const byName = (name: string) => structuredClone(docs.find((d) => d.name === name)!.data) as Record<string, any>;

const types = (r: NormResult) => r.warnings.map((w) => w.type);

function assertSums(r: NormResult) {
  const sum = (kinds: string[]) => r.lines.filter((l) => kinds.includes(l.kind)).reduce((s, l) => s + l.amount, 0);
  assert.equal(r.totals.personal, sum(['personal']));
  assert.equal(r.totals.common, sum(['common']));
  assert.equal(r.totals.norm, r.totals.personal + r.totals.common);
  assert.equal(r.totals.costs, sum(['cost']));
  assert.equal(r.totals.need, r.totals.norm + r.totals.costs);
  assert.equal(r.totals.income, sum(['income', 'jobStimulus']));
  assert.equal(r.proposal.amount, r.totals.assistance);
}

function fieldErrors(input: unknown): string[] {
  try {
    calculateNorm(rules, input);
  } catch (err) {
    assert.ok(err instanceof NormInputError, String(err));
    return err.fields.map((f) => f.path);
  }
  assert.fail('expected NormInputError');
}

test('January 2027 is calculated under the reform regime, and says which lines are provisional', () => {
  const r = calculateNorm(rules, { month: '2027-01', adults: [{ id: 'a', role: 'applicant' }] });
  assert.deepEqual([r.normTable.id, r.normTable.regime, r.normTable.provisional, r.normTable.verified], ['riksnorm-2027', 'SoL2025:400-2027', true, false]);
  assert.equal(r.totals.norm, kr(3940 + 1280));
  assert.ok(r.lines.every((l) => l.source.status === 'provisional' && /PRELIMINÄR/.test(l.source.text) && /referensvärde/.test(l.source.text)));
  assert.ok(r.lines.every((l) => l.source.legalReferenceVerified === false));
  const w = r.warnings.find((x) => x.type === 'PROVISIONAL_LINES')!;
  assert.match(w.message, /2 av 2 rader: rad 1 \(personliga kostnader a, riksnorm-2027 adults\.single\); rad 2 \(gemensamma hushållskostnader, riksnorm-2027 commonCosts\.1\)/);
  assert.match(w.message, /utan kodändring/);
  assert.ok(types(r).includes('PROVISIONAL_TABLE'));
  // December 2026 is still the verified 2026 table under SoL (2025:400).
  const dec = calculateNorm(rules, { month: '2026-12', adults: [{ id: 'a', role: 'applicant' }] });
  assert.deepEqual([dec.normTable.regime, dec.normTable.verified], ['SoL2025:400', true]);
  assert.ok(!types(dec).includes('PROVISIONAL_LINES'));
});

test("a child's earnings in 2027 use the provisional prisbasbelopp and that line is listed as provisional", () => {
  const r = calculateNorm(
    rules,
    single('2027-03', {
      adults: [{ id: 'a1', role: 'applicant', lawfullyResident: true }],
      children: [{ id: 'c1', birthDate: '2010-01-01', earningsThisYear: 0 }],
      incomes: [{ type: 'salary', person: 'c1', amount: 100000 }],
    }),
  );
  const line = r.lines.find((l) => l.rule === 'INC-CHILD-EARNINGS')!;
  assert.equal(line.source.status, 'provisional');
  assert.match(r.warnings.find((w) => w.type === 'PROVISIONAL_LINES')!.message, /rad 4 \(inkomst c1, prisbasbelopp-2027/);
});

test('the cap for larger households: from the fourth child, counted from the oldest, at most the cap per child (provisional)', () => {
  // Born so that on 1 March 2027 they are 16, 12, 8, 5 and 1 years old; given in a shuffled order.
  const children = [
    { id: 'five', birthDate: '2021-06-01' },
    { id: 'sixteen', birthDate: '2010-06-01' },
    { id: 'one', birthDate: '2025-06-01' },
    { id: 'twelve', birthDate: '2014-06-01' },
    { id: 'eight', birthDate: '2018-06-01' },
  ];
  const r = calculateNorm(rules, couple('2027-03', { children }));
  const amount = (id: string) => r.lines.find((l) => l.person === id)!;
  // The three oldest keep the table amounts; the 4th (5 years, 3 060) and 5th (1 year, 3 060) are capped at 2 720.
  assert.deepEqual(
    ['sixteen', 'twelve', 'eight', 'five', 'one'].map((id) => [id, amount(id).amount, amount(id).rule]),
    [
      ['sixteen', kr(4960), 'RN-CHILD'],
      ['twelve', kr(4390), 'RN-CHILD'],
      ['eight', kr(3820), 'RN-CHILD'],
      ['five', kr(2720), 'RN-CHILD-CAPPED'],
      ['one', kr(2720), 'RN-CHILD-CAPPED'],
    ],
  );
  const capped = amount('five');
  assert.deepEqual([capped.source.cell, capped.source.status], ['largeHouseholdCap.amountPerChild', 'provisional']);
  assert.match(capped.explanation, /3 060 kr; bidragstaket för större hushåll: från hushållets 4:e barn .* högst 2 720 kr per barn \(preliminärt belopp\): 2 720 kr\./);
  const w = r.warnings.find((x) => x.type === 'LARGE_HOUSEHOLD_CAP')!;
  assert.match(w.message, /Sänkt för five, one\. Beloppet är preliminärt\./);
  assert.match(r.warnings.find((x) => x.type === 'PROVISIONAL_LINES')!.message, /largeHouseholdCap\.amountPerChild/);
  assert.equal(r.totals.personal, kr(7100 + 4960 + 4390 + 3820 + 2720 + 2720));
  assertSums(r);
  // Input order does not matter; three children are not capped; the same five children in 2026 are not capped.
  const reversed = calculateNorm(rules, couple('2027-03', { children: [...children].reverse() }));
  assert.equal(reversed.totals.norm, r.totals.norm);
  assert.ok(!calculateNorm(rules, couple('2027-03', { children: children.slice(0, 3) })).lines.some((l) => l.rule === 'RN-CHILD-CAPPED'));
  const in2026 = calculateNorm(rules, couple('2026-03', { children }));
  assert.ok(!in2026.lines.some((l) => l.rule === 'RN-CHILD-CAPPED') && !types(in2026).includes('LARGE_HOUSEHOLD_CAP'));
  // A child below the cap (3 years, 2 720 kr; without lunch 2 500 kr) keeps its amount even as the 4th child.
  const young = calculateNorm(rules, couple('2027-03', { children: [...children.slice(1, 2), ...children.slice(3), { id: 'three', birthDate: '2023-06-01', lunchAtPreschool: true }] }));
  assert.deepEqual([young.lines.find((l) => l.person === 'three')!.amount, young.lines.find((l) => l.person === 'three')!.rule], [kr(2500), 'RN-CHILD-NO-LUNCH']);
  // A part-time 4th child: the capped amount is prorated.
  const partTime = calculateNorm(rules, couple('2027-03', { children: children.map((c) => (c.id === 'five' ? { ...c, daysAtHome: 10 } : c)) }));
  assert.equal(partTime.lines.find((l) => l.person === 'five')!.amount, kr(877)); // 2 720 × 10/31 = 877,42
});

test('second-hand rent counts in 2027 only when the sublet is approved', () => {
  const rent = (extra: Record<string, unknown>) =>
    single('2027-02', {
      adults: [{ id: 'a1', role: 'applicant', lawfullyResident: true }],
      costs: [
        { type: 'rent', amount: 600000, ...extra },
        { type: 'electricity', amount: 40000 },
      ],
    });
  const approved = calculateNorm(rules, rent({ secondHand: true, subletApproved: true }));
  assert.equal(approved.totals.costs, kr(6400));
  assert.equal(approved.proposal.outcome, 'granted');
  const notApproved = calculateNorm(rules, rent({ secondHand: true, subletApproved: false }));
  const line = notApproved.lines.find((l) => l.costType === 'rent')!;
  assert.deepEqual([line.applied, line.amount, line.rule, line.source.cell], [kr(6000), 0, 'COST-SUBLET-NOT-APPROVED', 'conditions.approvedSubletForSecondHandRent']);
  assert.match(line.explanation, /i andra hand och andrahandsuthyrningen är inte godkänd av hyresvärden eller hyresnämnden/);
  assert.equal(notApproved.totals.costs, kr(400));
  assert.equal(notApproved.proposal.outcome, 'partlyRefused');
  assert.deepEqual(
    notApproved.warnings.filter((w) => w.type === 'SUBLET_NOT_APPROVED').map((w) => w.path),
    ['/costs/0/subletApproved'],
  );
  assertSums(notApproved);
  // Not said whether approved: not counted, and the warning asks for it.
  const unknown = calculateNorm(rules, rent({ secondHand: true }));
  assert.equal(unknown.totals.costs, kr(400));
  assert.match(unknown.warnings.find((w) => w.type === 'SUBLET_NOT_APPROVED')!.message, /subletApproved/);
  // A first-hand rent is not affected.
  assert.equal(calculateNorm(rules, rent({ secondHand: false })).totals.costs, kr(6400));
});

test('lawful residence (2027): no adult lawfully resident → refused unless emergency aid; a missing fact is asked for', () => {
  const notLawful = calculateNorm(rules, { month: '2027-01', adults: [{ id: 'a1', role: 'applicant', lawfullyResident: false }] });
  assert.deepEqual([notLawful.proposal.outcome, notLawful.proposal.amount, notLawful.totals.assistance], ['refused', 0, 0]);
  assert.equal(notLawful.totals.need, kr(5220));
  assert.match(notLawful.proposal.explanation, /Ingen vuxen i hushållet vistas lagligen i Sverige.*nödbistånd/);
  assert.deepEqual(
    notLawful.warnings.filter((w) => w.type === 'LAWFUL_RESIDENCE').map((w) => w.path),
    ['/adults/0/lawfullyResident'],
  );
  assertSums(notLawful);

  const emergency = calculateNorm(rules, { month: '2027-01', adults: [{ id: 'a1', role: 'applicant', lawfullyResident: false }], emergencyAid: true });
  assert.deepEqual([emergency.proposal.outcome, emergency.totals.assistance], ['granted', kr(5220)]);
  assert.ok(types(emergency).includes('EMERGENCY_AID'));

  const mixed = calculateNorm(rules, {
    month: '2027-01',
    adults: [
      { id: 'a1', role: 'applicant', lawfullyResident: true },
      { id: 'a2', role: 'coApplicant', lawfullyResident: false },
    ],
  });
  assert.equal(mixed.totals.assistance, kr(8510));
  assert.match(mixed.warnings.find((w) => w.type === 'LAWFUL_RESIDENCE')!.message, /a2 vistas inte lagligen.*pröva hur biståndet ska bestämmas/);

  const lawful = calculateNorm(rules, { month: '2027-01', adults: [{ id: 'a1', role: 'applicant', lawfullyResident: true }] });
  assert.ok(!types(lawful).includes('LAWFUL_RESIDENCE'));
  const unknown = calculateNorm(rules, { month: '2027-01', adults: [{ id: 'a1', role: 'applicant' }] });
  assert.deepEqual(
    unknown.warnings.filter((w) => w.type === 'LAWFUL_RESIDENCE').map((w) => w.path),
    ['/adults/0/lawfullyResident'],
  );
  assert.equal(unknown.totals.assistance, kr(5220));
});

test('medical certificate: expected from 1 July 2026 for an adult whose work capacity is reduced by illness', () => {
  const ill = (month: string) =>
    calculateNorm(rules, {
      month,
      adults: [
        { id: 'a1', role: 'applicant' },
        { id: 'a2', role: 'coApplicant', reducedWorkCapacityDueToIllness: true },
      ],
    });
  const june = ill('2026-06');
  const july = ill('2026-07');
  assert.ok(!types(june).includes('EXPECTED_DOCUMENT'));
  const notice = july.warnings.find((w) => w.type === 'EXPECTED_DOCUMENT')!;
  assert.equal(notice.path, '/adults/1/reducedWorkCapacityDueToIllness');
  assert.match(notice.message, /^Läkarintyg ska lämnas av a2: den som har nedsatt arbetsförmåga på grund av sjukdom ska lämna läkarintyg/);
  assert.deepEqual(july.totals, june.totals);
  assert.ok(types(ill('2027-02')).includes('EXPECTED_DOCUMENT'));
  // The pure function behind it.
  assert.deepEqual(
    expectedDocuments(rules, '2026-09', [{ id: 'a1' }, { id: 'a2', reducedWorkCapacityDueToIllness: true }]).map((d) => [d.document, d.label, d.person, d.validFrom]),
    [['medical-certificate', 'Läkarintyg', 'a2', '2026-07-01']],
  );
  assert.deepEqual(expectedDocuments(rules, '2026-06', [{ id: 'a2', reducedWorkCapacityDueToIllness: true }]), []);
  assert.deepEqual(expectedDocuments(rules, '2026-09', [{ id: 'a2', reducedWorkCapacityDueToIllness: false }]), []);
  assert.deepEqual(expectedDocuments(rules, 'not a month', [{ id: 'a2', reducedWorkCapacityDueToIllness: true }]), []);
});

test('the new facts do not change a 2025 or 2026 result', () => {
  const children = Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, birthDate: `${2010 + i * 2}-03-01` }));
  for (const month of ['2025-03', '2025-09', '2026-03', '2026-12']) {
    const plain = couple(month, {
      children,
      municipality: '2281',
      costs: [
        { type: 'rent', amount: 700000 },
        { type: 'electricity', amount: 50000 },
      ],
    });
    const withFacts: NormInput = {
      ...plain,
      adults: [
        { id: 'a1', role: 'applicant', lawfullyResident: false },
        { id: 'a2', role: 'coApplicant', lawfullyResident: false },
      ],
      costs: [
        { type: 'rent', amount: 700000, secondHand: true, subletApproved: false },
        { type: 'electricity', amount: 50000 },
      ],
      emergencyAid: false,
    };
    assert.deepEqual(calculateNorm(rules, withFacts), calculateNorm(rules, plain), month);
  }
});

test('the new facts are validated like the rest of the input: field path and a Swedish message', () => {
  for (const month of ['2025-05', '2027-05']) {
    assert.deepEqual(fieldErrors({ month, adults: [{ id: 'a1', role: 'applicant', lawfullyResident: 'ja' }] }), ['/adults/0/lawfullyResident']);
    assert.deepEqual(fieldErrors({ month, adults: [{ id: 'a1', role: 'applicant', reducedWorkCapacityDueToIllness: 1 }] }), ['/adults/0/reducedWorkCapacityDueToIllness']);
    assert.deepEqual(fieldErrors({ month, adults: [{ id: 'a1', role: 'applicant' }], emergencyAid: 'yes' }), ['/emergencyAid']);
    assert.deepEqual(fieldErrors({ month, adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'electricity', amount: 100, secondHand: true }] }), ['/costs/0/secondHand']);
    assert.deepEqual(fieldErrors({ month, adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: 100, subletApproved: true }] }), ['/costs/0/subletApproved']);
    assert.deepEqual(fieldErrors({ month, adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: 100, secondHand: 'no' }] }), ['/costs/0/secondHand']);
    assert.deepEqual(fieldErrors({ month, adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: 100, secondHand: true, subletApproved: null }] }), ['/costs/0/subletApproved']);
  }
  try {
    calculateNorm(rules, { month: '2027-05', adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'glasses', amount: 100, secondHand: true }] });
  } catch (err) {
    assert.match((err as NormInputError).fields[0]!.message, /Andrahandsuthyrning gäller bara boendekostnad/);
  }
});

test('a systemförvaltare replaces the provisional 2027 amounts by editing JSON: no code change, no provisional lines', () => {
  const t = byName('riksnorm-2027.json');
  Object.assign(t, { provisional: false, title: 'Riksnormen 2027', source: 'SFS 2026:xxx (test)' });
  t.adults.single = 4100;
  t.largeHouseholdCap = { fromChild: 3, amountPerChild: 2000, provisional: false, source: 'SFS 2026:xxx (test)' };
  const pbb = byName('prisbasbelopp.json');
  pbb.years = pbb.years.map((y: Record<string, unknown>) => (y.year === 2027 ? { year: 2027, amount: 60100, source: 'test' } : y));
  const edited = buildRuleSet([
    ...docs.filter((d) => !['riksnorm-2027.json', 'prisbasbelopp.json'].includes(d.name)),
    { name: 'riksnorm-2027.json', data: t },
    { name: 'prisbasbelopp.json', data: pbb },
  ]);
  const r = calculateNorm(
    edited,
    single('2027-01', {
      adults: [{ id: 'a1', role: 'applicant', lawfullyResident: true }],
      children: [
        { id: 'c1', birthDate: '2012-01-01' },
        { id: 'c2', birthDate: '2014-01-01' },
        { id: 'c3', birthDate: '2016-01-01' },
      ],
    }),
  );
  assert.equal(r.lines[0]!.amount, kr(4100));
  assert.deepEqual([r.lines.find((l) => l.person === 'c3')!.amount, r.lines.find((l) => l.person === 'c3')!.rule], [kr(2000), 'RN-CHILD-CAPPED']);
  assert.ok(r.lines.every((l) => l.source.status === 'official'));
  assert.ok(!types(r).includes('PROVISIONAL_LINES') && !types(r).includes('PROVISIONAL_TABLE'));
  assert.doesNotMatch(r.warnings.find((w) => w.type === 'LARGE_HOUSEHOLD_CAP')!.message, /preliminärt/);
});
