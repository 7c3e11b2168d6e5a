import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkFourEyesDecider, checkReadyToDecide, communicationBlocks, communicationStatus, delegationCovering, noDelegationMessage, rolesThatMayDecide,
  type ApplicationContent, type DecisionDraft, type DelegationRow,
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
  version: 1, applicant: { personId: null, name: 'A' }, coApplicant: { personId: null, name: 'B' },
  children: [{ id: 'c1', personId: null, name: 'C', birthDate: '2018-01-01', daysAtHome: null, lunchAtPreschool: false }],
  housing: { tenure: 'firstHand', rent: 0, personsInDwelling: 3, sharesHousehold: false, note: '' }, incomes: [], costs: [], assets: [],
  period: { start: '2026-03-01', end: '2026-03-31' }, jobStimulus: [],
};
const ctx = {
  applicationPeriod: { start: '2026-03-01', end: '2026-03-31' }, content,
  legalReferences: [{ id: 'L', text: '12 kap. 1 § socialtjänstlagen (2025:400)', title: 't', verified: true, use: ['decision' as const] }],
  obstacleCodes: [{ code: 'x', label: 'X', group: 'other' }],
};
const draft: DecisionDraft = {
  outcome: 'partlyRefused', periodStart: '2026-03-01', periodEnd: '2026-03-31', amount: 100, systemAmount: 100, amountReason: '',
  items: [{ key: 'cost:t', kind: 'cost', label: 'Tandvård', applied: 200, approved: 100, refused: 100, reason: '' }],
  legalBasisIds: ['L'], reasons: 'Motivering som är tillräckligt lång för att godtas.', supportObstacles: [{ adult: 'applicant', personId: null, code: 'x' }],
  childPerspective: null, recoveryBasis: null,
};

test('ready to decide: every adult has a försörjningshinder, refused items have reasons, children are considered', () => {
  const paths = checkReadyToDecide(draft, ctx).map((e) => e.path);
  assert.deepEqual(paths, ['/items/0/reason', '/supportObstacles/1', '/childPerspective/consideration']);
  const ok: DecisionDraft = {
    ...draft, items: [{ ...draft.items[0]!, reason: 'Inte skäligt.' }], supportObstacles: [...draft.supportObstacles, { adult: 'coApplicant', personId: null, code: 'x' }],
    childPerspective: { children: [], consideration: 'Barnets behov är tillgodosedda.', childSpokenTo: false, spokenToNote: '' },
  };
  assert.deepEqual(checkReadyToDecide(ok, ctx), []);
  assert.deepEqual(checkReadyToDecide({ ...ok, outcome: 'granted' }, ctx).map((e) => e.path), ['/outcome']);
  assert.deepEqual(checkReadyToDecide({ ...ok, amount: 50 }, ctx).map((e) => e.path), ['/amountReason']);
  assert.deepEqual(checkReadyToDecide({ ...ok, periodStart: '2026-02-28' }, ctx).map((e) => e.path), ['/periodStart']);
});
