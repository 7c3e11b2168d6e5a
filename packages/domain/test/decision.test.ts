import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appealPlan,
  checkAppealAgainst,
  checkDraft,
  itemsFromCalculation,
  type EffectiveCalculation,
  checkFourEyesDecider,
  checkReadyToDecide,
  communicationBlocks,
  communicationStatus,
  delegationCovering,
  noDelegationMessage,
  rolesThatMayDecide,
  type ApplicationContent,
  type DecisionDraft,
  type DelegationRow,
} from '../src/index.ts';

const rows: DelegationRow[] = [
  { id: 'D1', role: 'benefitOfficer', outcomes: ['granted', 'partlyRefused'], maxAmount: 2_500_000 },
  { id: 'D2', role: 'caseWorker', outcomes: ['granted', 'partlyRefused', 'refused', 'dismissed'], maxAmount: 4_000_000 },
  { id: 'D3', role: 'unitManager', outcomes: ['granted', 'partlyRefused', 'refused', 'dismissed'], maxAmount: null, validTo: '2026-12-31' },
];

test('delegation: role, outcome, amount and validity', () => {
  assert.equal(delegationCovering(rows, 'benefitOfficer', 'granted', 2_500_000, '2026-03-01')?.id, 'D1');
  assert.equal(delegationCovering(rows, 'benefitOfficer', 'granted', 2_500_001, '2026-03-01'), null);
  assert.equal(delegationCovering(rows, 'benefitOfficer', 'refused', 0, '2026-03-01'), null);
  assert.equal(delegationCovering(rows, 'unitManager', 'granted', 99_000_000, '2027-01-01'), null);
  assert.deepEqual(rolesThatMayDecide(rows, 'granted', 3_000_000, '2026-03-01'), ['caseWorker', 'unitManager']);
  assert.match(noDelegationMessage(rows, 'benefitOfficer', 'granted', 3_000_000, '2026-03-01'), /socialsekreterare, enhetschef/);
});

test('kommunicering: needed only against the person; answered, deadline passed or unnecessary lets the decision through', () => {
  const now = '2026-03-10T09:00:00.000Z';
  assert.equal(communicationBlocks('granted', null, now), null);
  assert.match(communicationBlocks('partlyRefused', null, now)!, /25 §/);
  const sent = { kind: 'sent' as const, sentAt: '2026-03-01T09:00:00.000Z', answerDeadline: '2026-03-15T00:00:00.000Z', answeredAt: null, unnecessaryReason: null };
  assert.equal(communicationStatus('refused', sent, now), 'awaitingAnswer');
  assert.ok(communicationBlocks('refused', sent, now));
  assert.equal(communicationStatus('refused', sent, '2026-03-15T00:00:00.000Z'), 'deadlinePassed');
  assert.equal(communicationBlocks('refused', { ...sent, answeredAt: '2026-03-05T00:00:00.000Z' }, now), null);
  assert.equal(communicationBlocks('dismissed', { kind: 'unnecessary', sentAt: null, answerDeadline: null, answeredAt: null, unnecessaryReason: 'x' }, now), null);
});

test('four-eyes: the presenting officer may not decide when it is on', () => {
  assert.ok(checkFourEyesDecider(false, 'u1', 'u1').ok);
  assert.ok(!checkFourEyesDecider(true, 'u1', 'u1').ok);
  assert.ok(checkFourEyesDecider(true, 'u1', 'u2').ok);
});

const content: ApplicationContent = {
  version: 1,
  applicant: { personId: null, name: 'A' },
  coApplicant: { personId: null, name: 'B' },
  children: [{ id: 'c1', personId: null, name: 'C', birthDate: '2018-01-01', daysAtHome: null, lunchAtPreschool: false }],
  housing: { tenure: 'firstHand', rent: 0, personsInDwelling: 3, sharesHousehold: false, note: '' },
  incomes: [],
  costs: [],
  assets: [],
  period: { start: '2026-03-01', end: '2026-03-31' },
  jobStimulus: [],
};
const ctx = {
  applicationPeriod: { start: '2026-03-01', end: '2026-03-31' },
  content,
  legalReferences: [
    { id: 'L', text: '12 kap. 1 § socialtjänstlagen (2025:400)', title: 't', verified: true, appealBasis: 'right' as const, use: ['decision' as const] },
    { id: 'D', text: '12 kap. 2 § socialtjänstlagen (2025:400)', title: 'd', verified: true, appealBasis: 'discretionary' as const, use: ['decision' as const] },
    { id: 'P', text: '12 kap. 4 § socialtjänstlagen (2025:400)', title: 'p', verified: true, appealBasis: 'none' as const, use: ['decision' as const] },
  ],
  obstacleCodes: [{ code: 'x', label: 'X', group: 'other' }],
};
const draft: DecisionDraft = {
  outcome: 'partlyRefused',
  periodStart: '2026-03-01',
  periodEnd: '2026-03-31',
  amount: 100,
  systemAmount: 100,
  amountReason: '',
  items: [{ key: 'cost:t', kind: 'cost', label: 'Tandvård', applied: 200, approved: 100, refused: 100, reason: '' }],
  legalBasisIds: ['L'],
  reasons: 'Motivering som är tillräckligt lång för att godtas.',
  supportObstacles: [{ adult: 'applicant', personId: null, code: 'x' }],
  childPerspective: null,
  recoveryBasis: null,
};

test('ready to decide: every adult has a försörjningshinder, refused items have reasons, children are considered', () => {
  const paths = checkReadyToDecide(draft, ctx).map((e) => e.path);
  assert.deepEqual(paths, ['/items/0/reason', '/supportObstacles/1', '/childPerspective/consideration']);
  const ok: DecisionDraft = {
    ...draft,
    items: [{ ...draft.items[0]!, reason: 'Inte skäligt.' }],
    supportObstacles: [...draft.supportObstacles, { adult: 'coApplicant', personId: null, code: 'x' }],
    childPerspective: { children: [], consideration: 'Barnets behov är tillgodosedda.', childSpokenTo: false, spokenToNote: '' },
  };
  assert.deepEqual(checkReadyToDecide(ok, ctx), []);
  assert.deepEqual(
    checkReadyToDecide({ ...ok, outcome: 'granted' }, ctx).map((e) => e.path),
    ['/outcome'],
  );
  assert.deepEqual(
    checkReadyToDecide({ ...ok, amount: 50 }, ctx).map((e) => e.path),
    ['/amountReason'],
  );
  assert.deepEqual(
    checkReadyToDecide({ ...ok, periodStart: '2026-02-28' }, ctx).map((e) => e.path),
    ['/periodStart'],
  );
});

const ready: DecisionDraft = {
  ...draft,
  items: [{ ...draft.items[0]!, reason: 'Inte skäligt.' }],
  supportObstacles: [...draft.supportObstacles, { adult: 'coApplicant', personId: null, code: 'x' }],
  childPerspective: { children: [], consideration: 'Barnets behov är tillgodosedda.', childSpokenTo: false, spokenToNote: '' },
};
const norm = { key: 'norm', kind: 'norm' as const, label: 'Riksnorm', applied: 500, approved: 500, refused: 0, reason: '' };
const income = { key: 'income', kind: 'income' as const, label: 'Inkomster', applied: 100, approved: 100, refused: 0, reason: '' };

test('the legal basis must settle how the decision is appealed: a reference of kind none alone is not enough', () => {
  assert.deepEqual(
    checkReadyToDecide({ ...ready, legalBasisIds: ['P'] }, ctx).map((e) => e.path),
    ['/legalBasisIds'],
  );
  assert.deepEqual(checkReadyToDecide({ ...ready, legalBasisIds: ['D'] }, ctx), []);
});

test("a decision under both 12 kap. 1 § and 2 §: every item names its basis, both are used, and an item basis must be one of the decision's", () => {
  const both: DecisionDraft = { ...ready, legalBasisIds: ['L', 'D'], items: [norm, ready.items[0]!, income] };
  assert.deepEqual(
    checkReadyToDecide(both, ctx).map((e) => e.path),
    ['/items/0/legalBasisId', '/items/1/legalBasisId'],
  );
  const allRight = { ...both, items: [{ ...norm, legalBasisId: 'L' }, { ...ready.items[0]!, legalBasisId: 'L' }, income] };
  assert.deepEqual(
    checkReadyToDecide(allRight, ctx).map((e) => e.path),
    ['/legalBasisIds/1'],
    '12 kap. 2 § chosen but no item decided under it',
  );
  const perItem = { ...both, items: [{ ...norm, legalBasisId: 'L' }, { ...ready.items[0]!, legalBasisId: 'D' }, income] };
  assert.deepEqual(checkReadyToDecide(perItem, ctx), []);
  assert.deepEqual(
    checkDraft({ ...perItem, legalBasisIds: ['L'] }, ctx).map((e) => e.path),
    ['/items/1/legalBasisId'],
  );
  assert.deepEqual(
    checkDraft({ ...perItem, items: [norm, ready.items[0]!, { ...income, legalBasisId: 'L' }] }, ctx).map((e) => e.path),
    ['/items/2/legalBasisId'],
  );
  assert.deepEqual(
    checkDraft({ ...perItem, legalBasisIds: ['L', 'D', 'P'], items: [{ ...norm, legalBasisId: 'P' }, ready.items[0]!, income] }, ctx).map((e) => e.path),
    ['/items/0/legalBasisId'],
  );
});

test('appeal plan: 12 kap. 1 § and 5 § are appealed, 2 § only laglighetsprövad, per item when mixed; incomes have no route', () => {
  const L = { id: 'L', text: '12 kap. 1 §', appealBasis: 'right' as const };
  const S = { id: 'S', text: '12 kap. 5 §', appealBasis: 'sanction' as const };
  const D = { id: 'D', text: '12 kap. 2 §', appealBasis: 'discretionary' as const };
  const F = { id: 'F', text: '20 § förvaltningslagen', appealBasis: 'none' as const };
  assert.equal(appealPlan([L], [norm, income]).route, 'appeal');
  assert.equal(appealPlan([S], [norm]).route, 'appeal');
  assert.equal(appealPlan([D], [norm]).route, 'legalityReview');
  assert.equal(appealPlan([F], []).route, 'unknown');
  assert.equal(appealPlan([L, F], []).route, 'appeal', 'an avvisning without items is routed by its references');
  const mixed = appealPlan([L, D], [{ ...norm, legalBasisId: 'L' }, { ...ready.items[0]!, legalBasisId: 'D' }, income]);
  assert.equal(mixed.route, 'mixed');
  assert.deepEqual(
    mixed.items.map((i) => [i.key, i.route]),
    [
      ['norm', 'appeal'],
      ['cost:t', 'legalityReview'],
    ],
  );
  assert.deepEqual(
    mixed.legalityReviewReferences.map((r) => r.id),
    ['D'],
  );
  assert.deepEqual(checkAppealAgainst(mixed, ['norm']), { ok: true });
  assert.deepEqual(checkAppealAgainst(mixed, ['norm', 'cost:t']), { ok: false, itemKeys: ['cost:t'] });
  assert.deepEqual(checkAppealAgainst(appealPlan([D], [norm])), { ok: false, itemKeys: [] });
  // An item without its own basis takes the decision's first reference that settles the route.
  assert.equal(appealPlan([F, D, L], [norm]).route, 'legalityReview');
});

test("items from the calculation keep the worker's legal basis and name provisional sources", () => {
  const row = (key: string, kind: 'personal' | 'cost' | 'income', value: number, status: 'official' | 'provisional') => ({
    key,
    kind,
    label: key,
    applied: kind === 'cost' ? value : null,
    systemValue: value,
    workerValue: null,
    value,
    origin: 'system' as const,
    adjustmentId: null,
    note: null,
    adjustable: true,
    explanation: '',
    rule: '',
    warnings: [],
    ...(kind === 'cost' ? { costType: 'rent' as const } : {}),
    source: { id: status === 'provisional' ? 'referensvarde-2027' : 'riksnorm-2026', status, text: status === 'provisional' ? 'Referensvärde 2027 (förslag)' : 'SFS 2025:1046' },
  });
  const calc = {
    months: [
      { month: '2027-01', rows: [row('p1', 'personal', 400, 'provisional'), row('p2', 'personal', 100, 'official'), row('cost:hyra', 'cost', 300, 'official'), row('i1', 'income', 50, 'official')] },
    ],
  } as unknown as EffectiveCalculation;
  const items = itemsFromCalculation(content, calc, [{ ...norm, legalBasisId: 'D' }]);
  const n = items.find((i) => i.key === 'norm')!;
  assert.equal(n.approved, 500);
  assert.equal(n.legalBasisId, 'D');
  assert.deepEqual(n.provisionalSources, [{ id: 'referensvarde-2027', text: 'Referensvärde 2027 (förslag)' }]);
  assert.equal(items.find((i) => i.key === 'cost:hyra')!.provisionalSources, undefined);
});
