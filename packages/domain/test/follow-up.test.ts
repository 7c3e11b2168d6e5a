import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  carryForwardReasons,
  contentFromInterview,
  diffApplicationContent,
  insertPhrase,
  nextMonth,
  phraseAlreadyIn,
  planFollowUpApplication,
  suggestedRenewalMonth,
  type ApplicationContent,
  type CaseApplicationFact,
  type IntakeInterview,
} from '../src/index.ts';

const december: ApplicationContent = {
  version: 1,
  applicant: { personId: null, name: 'Sara Lind' },
  coApplicant: null,
  children: [{ id: 'barn1', personId: null, name: 'Kim', birthDate: '2019-02-01', daysAtHome: 15, lunchAtPreschool: false }],
  housing: { tenure: 'firstHand', rent: 850000, personsInDwelling: 2, sharesHousehold: false, note: '' },
  incomes: [{ id: 'lon', type: 'salary', person: 'applicant', amount: 300000, note: '' }],
  costs: [
    { id: 'el', type: 'electricity', amount: 40000, note: '' },
    { id: 'tand', type: 'dentalCare', amount: 120000, note: 'Akut' },
  ],
  assets: [],
  period: { start: '2026-12-01', end: '2026-12-31' },
  jobStimulus: ['applicant'],
};

const app = (over: Partial<CaseApplicationFact>): CaseApplicationFact => ({ id: 'a', kind: 'renewal', periodMonth: '2026-12', status: 'decided', decided: true, content: december, ...over });

test('the next month crosses the year', () => {
  assert.equal(nextMonth('2026-12'), '2027-01');
  assert.equal(nextMonth('2027-01'), '2027-02');
});

test('renewal: pre-filled from the last decided month, period is the whole next calendar month', () => {
  const apps = [app({ id: 'nov', periodMonth: '2026-11', content: { ...december, housing: { ...december.housing, rent: 1 } } }), app({ id: 'dec' })];
  assert.equal(suggestedRenewalMonth(apps), '2027-01');
  const plan = planFollowUpApplication(apps, 'renewal', '2027-01');
  assert.ok(plan.ok);
  assert.equal(plan.basedOn.id, 'dec');
  assert.deepEqual(plan.content.period, { start: '2027-01-01', end: '2027-01-31' });
  assert.equal(plan.content.housing.rent, 850000);
  assert.deepEqual(
    plan.content.costs.map((c) => [c.id, c.amount]),
    [
      ['el', 40000],
      ['tand', 120000],
    ],
  );
  assert.equal(plan.content.children[0]!.daysAtHome, 15);
  assert.deepEqual(plan.content.jobStimulus, ['applicant']);
  // A copy: changing the new month leaves last month alone.
  plan.content.costs[0]!.amount = 1;
  assert.equal(december.costs[0]!.amount, 40000);
  // February has 28 days in 2027.
  const feb = planFollowUpApplication([app({ periodMonth: '2027-01' })], 'renewal', '2027-02');
  assert.ok(feb.ok);
  assert.equal(feb.content.period.end, '2027-02-28');
});

test('renewal: refused for a month that already has an open or decided new/renewal application', () => {
  const open = planFollowUpApplication([app({}), app({ id: 'jan', periodMonth: '2027-01', status: 'inAssessment', decided: false, content: null })], 'renewal', '2027-01');
  assert.ok(!open.ok);
  assert.equal(open.refusal.status, 409);
  assert.match(open.refusal.message, /redan en pågående ansökan för januari 2027/);
  const decided = planFollowUpApplication([app({})], 'renewal', '2026-12');
  assert.ok(!decided.ok);
  assert.match(decided.refusal.message, /redan en beslutad ansökan för december 2026/);
  // A withdrawn one does not block; a supplementary one does not either.
  const withdrawn = planFollowUpApplication(
    [app({}), app({ id: 'w', periodMonth: '2027-01', status: 'withdrawn', decided: false }), app({ id: 's', kind: 'supplementary', periodMonth: '2027-01', status: 'inAssessment', decided: false })],
    'renewal',
    '2027-01',
  );
  assert.ok(withdrawn.ok);
  const nothingBefore = planFollowUpApplication([app({})], 'renewal', '2026-10');
  assert.ok(!nothingBefore.ok);
  assert.match(nothingBefore.refusal.message, /ingen beslutad månad före oktober 2026/);
  const bad = planFollowUpApplication([app({})], 'renewal', '2027-13');
  assert.ok(!bad.ok);
  assert.deepEqual([bad.refusal.status, bad.refusal.path], [400, '/body/periodMonth']);
});

test('supplementary: only for a month with a decision made, built from that month', () => {
  const ok = planFollowUpApplication([app({})], 'supplementary', '2026-12');
  assert.ok(ok.ok);
  assert.deepEqual(ok.content.period, { start: '2026-12-01', end: '2026-12-31' });
  const undecided = planFollowUpApplication([app({}), app({ id: 'jan', periodMonth: '2027-01', status: 'inAssessment', decided: false })], 'supplementary', '2027-01');
  assert.ok(!undecided.ok);
  assert.equal(undecided.refusal.status, 409);
  assert.match(undecided.refusal.message, /Januari 2027 har inget fattat beslut/);
});

test('diff: rent, added/removed/changed lines, days at home, job stimulus; nothing when nothing changed', () => {
  assert.deepEqual(diffApplicationContent(december, structuredClone(december)), []);
  const january: ApplicationContent = structuredClone(december);
  january.housing.rent = 880000;
  january.costs = [
    { id: 'el', type: 'electricity', amount: 45000, note: '' },
    { id: 'glas', type: 'glasses', amount: 90000, note: '' },
  ];
  january.children[0]!.daysAtHome = null;
  january.jobStimulus = [];
  const changes = diffApplicationContent(december, january);
  const byKey = Object.fromEntries(changes.map((c) => [c.key, c]));
  assert.deepEqual(Object.keys(byKey).sort(), ['child:barn1.daysAtHome', 'cost:el', 'cost:glas', 'cost:housing', 'cost:tand', 'jobStimulus']);
  assert.equal(byKey['cost:housing']!.before, '8 500 kr');
  assert.equal(byKey['cost:housing']!.after, '8 800 kr');
  assert.equal(byKey['cost:el']!.change, 'changed');
  assert.equal(byKey['cost:glas']!.change, 'added');
  assert.equal(byKey['cost:tand']!.change, 'removed');
  assert.equal(byKey['cost:tand']!.before, '1 200 kr');
  assert.equal(byKey['child:barn1.daysAtHome']!.before, '15 dagar');
  assert.equal(byKey['child:barn1.daysAtHome']!.after, 'hela månaden');
  const income = structuredClone(december);
  income.incomes[0]!.amount = 0;
  assert.deepEqual(
    diffApplicationContent(december, income).map((c) => [c.key, c.change]),
    [['income:lon', 'changed']],
  );
});

test('carry forward: reasons for unchanged items copied, changed items named; carrying twice gives the same text', () => {
  const previousItems = [
    { key: 'norm', kind: 'norm' as const, label: 'Riksnorm', reason: '' },
    { key: 'cost:housing', kind: 'cost' as const, label: 'Hyra', reason: 'Hyran är högre än skälig nivå.' },
    { key: 'cost:tand', kind: 'cost' as const, label: 'Tandvård', reason: 'Kostnadsförslag saknas.' },
  ];
  const current = [
    { key: 'norm', kind: 'norm' as const, label: 'Riksnorm', reason: '' },
    { key: 'cost:housing', kind: 'cost' as const, label: 'Hyra', reason: '' },
    { key: 'cost:tand', kind: 'cost' as const, label: 'Tandvård', reason: '' },
  ];
  const january = structuredClone(december);
  january.costs[1]!.amount = 150000;
  const r = carryForwardReasons(previousItems, current, diffApplicationContent(december, january));
  assert.deepEqual(r.carried, [{ key: 'cost:housing', label: 'Hyra' }]);
  assert.deepEqual(r.changed, [{ key: 'cost:tand', label: 'Tandvård' }]);
  assert.equal(r.items.find((i) => i.key === 'cost:housing')!.reason, 'Hyran är högre än skälig nivå.');
  assert.equal(r.items.find((i) => i.key === 'cost:tand')!.reason, '');
  const again = carryForwardReasons(
    previousItems,
    current.map((i) => ({ ...i, reason: r.items.find((x) => x.key === i.key)!.reason })),
    diffApplicationContent(december, january),
  );
  assert.equal(again.items.find((i) => i.key === 'cost:housing')!.reason, 'Hyran är högre än skälig nivå.');
});

test('phrase insertion: a phrase already in the reasons is not inserted again', () => {
  const phrase = 'Du har rätt till bistånd enligt 4 kap. 1 § socialtjänstlagen.';
  const once = insertPhrase('', phrase);
  assert.deepEqual(once, { ok: true, text: phrase });
  assert.ok(phraseAlreadyIn(`Inledning.\n\nDu har rätt till bistånd enligt\n4 kap. 1 §  socialtjänstlagen.`, phrase));
  assert.deepEqual(insertPhrase(`Inledning. ${phrase}`, phrase), { ok: false, message: 'Frasen finns redan i motiveringen.' });
  assert.deepEqual(insertPhrase('Inledning.', phrase), { ok: true, text: `Inledning.\n\n${phrase}` });
});

test('the interview fills the first application: housing, incomes, costs, days at home, ownership', () => {
  const template: ApplicationContent = {
    ...structuredClone(december),
    housing: { tenure: 'firstHand', rent: 0, personsInDwelling: 2, sharesHousehold: false, note: '' },
    incomes: [],
    costs: [],
    jobStimulus: [],
  };
  template.children[0]!.daysAtHome = null;
  const iv: IntakeInterview = {
    need: 'Hyra',
    ownEfforts: '',
    address: { line: '', postalCode: '', city: '' },
    housing: { tenure: 'secondHand', monthlyCost: 720000, note: 'Hyr av bekant' },
    household: { coApplicant: false, children: [{ birthDate: '2019-02-01', daysAtHome: 10 }, { birthDate: '2024-05-05' }] },
    family: '',
    otherPersonsAtAddress: { present: false, note: '' },
    ownership: { car: true, company: false, tenantOwnedFlat: false, note: '' },
    earlierAssistance: { received: false, where: '', when: '' },
    incomes: [{ type: 'salary', person: 'applicant', amount: 250000 }],
    otherCosts: [
      { type: 'electricity', amount: 35000 },
      { type: 'dentalCare', amount: 0 },
    ],
  };
  let n = 0;
  const c = contentFromInterview(template, iv, (p) => `${p}${++n}`);
  assert.equal(c.housing.tenure, 'secondHand');
  assert.equal(c.housing.rent, 720000);
  assert.equal(c.housing.note, 'Hyr av bekant');
  assert.equal(c.housing.personsInDwelling, 3);
  assert.equal(c.children[0]!.daysAtHome, 10);
  assert.equal(c.children.length, 2);
  assert.equal(c.children[1]!.birthDate, '2024-05-05');
  assert.deepEqual(
    c.incomes.map((x) => [x.type, x.amount]),
    [['salary', 250000]],
  );
  assert.deepEqual(
    c.costs.map((x) => [x.type, x.amount]),
    [['electricity', 35000]],
  );
  assert.equal(c.assets[0]!.kind, 'vehicle');
});
