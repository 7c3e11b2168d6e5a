import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  checkDraft,
  checkReadyToDecide,
  grantConditionErrors,
  type ApplicationContent,
  type DecisionDraft,
  type DecisionLegalReference,
  type GrantDecisionFacts,
  type RecoveryBasesDocument,
} from '../src/index.ts';

const CASEWORK = fileURLToPath(new URL('../rules/casework/', import.meta.url));
const recoveryDocs = JSON.parse(readFileSync(`${CASEWORK}payment-recovery-bases.json`, 'utf8')) as RecoveryBasesDocument[];
const legalRefs = (JSON.parse(readFileSync(`${CASEWORK}legal-references-national-2025.json`, 'utf8')) as { references: DecisionLegalReference[] }).references;
const oldLegalRefs = (JSON.parse(readFileSync(`${CASEWORK}legal-references-national-2001.json`, 'utf8')) as { references: DecisionLegalReference[] }).references;
const current = recoveryDocs.find((d) => d.validFrom === '2025-07-01')!;
const old = recoveryDocs.find((d) => d.validTo === '2025-06-30')!;
const ground = (doc: RecoveryBasesDocument, code: string) => doc.bases.find((b) => b.code === code)!;

test('recovery grounds: one document per law, meeting on 1 July 2025, each ground citing its own law', () => {
  assert.equal(recoveryDocs.length, 2);
  assert.equal(current.validTo, null);
  assert.equal(current.law, 'socialtjänstlagen (2025:400)');
  assert.equal(old.law, 'socialtjänstlagen (2001:453)');
  for (const doc of recoveryDocs) {
    assert.ok(
      doc.bases.every((b) => b.legalReference.endsWith(doc.law)),
      doc.id,
    );
    assert.equal(new Set(doc.bases.map((b) => b.code)).size, doc.bases.length, doc.id);
  }
  // "Should reasonably have realised" is new in 2025:400 and has no counterpart in the old law.
  assert.equal(ground(current, 'shouldHaveRealised').legalReference, '33 kap. 1 § andra stycket socialtjänstlagen (2025:400)');
  assert.equal(
    old.bases.find((b) => b.code === 'shouldHaveRealised'),
    undefined,
  );
});

test('recovery grounds to be stated when granting point at legal references a grant decision can choose, and only those', () => {
  const recoveryRefIds = legalRefs
    .filter((r) => r.use.includes('recovery'))
    .map((r) => r.id)
    .sort();
  const stated = current.bases.filter((b) => b.requiresStatedInGrant);
  assert.deepEqual(
    stated.map((b) => b.code),
    ['advanceOnBenefit', 'labourDispute', 'assetsNotAvailable', 'agreedRepayment'],
  );
  assert.deepEqual(stated.flatMap((b) => b.grantReferenceIds).sort(), recoveryRefIds);
  assert.ok(current.bases.filter((b) => !b.requiresStatedInGrant).every((b) => b.grantReferenceIds.length === 0));
  // The letter shows the reference's text; it must be the same provision the claim will cite.
  for (const b of stated) {
    const ref = legalRefs.find((r) => r.id === b.grantReferenceIds[0])!;
    assert.equal(ref.text, b.legalReference);
  }
});

test('old-law grounds to be stated when granting point at a recovery reference of the old law', () => {
  const recoveryRefIds = new Set(oldLegalRefs.filter((r) => r.use.includes('recovery')).map((r) => r.id));
  const stated = old.bases.filter((b) => b.requiresStatedInGrant);
  assert.ok(stated.length > 0);
  for (const b of stated) {
    assert.ok(b.grantReferenceIds.length > 0 && b.grantReferenceIds.every((id) => recoveryRefIds.has(id)), b.code);
    assert.equal(oldLegalRefs.find((r) => r.id === b.grantReferenceIds[0])!.text, b.legalReference);
  }
});

test('grant conditions: grounds in 33 kap. 1 § need nothing from the grant decision', () => {
  assert.deepEqual(grantConditionErrors(ground(current, 'incorrectInformation'), null), []);
  assert.deepEqual(grantConditionErrors(ground(current, 'shouldHaveRealised'), null), []);
});

test('grant conditions: grounds in 33 kap. 2–3 §§ need a written, served decision that stated that ground', () => {
  const advance = ground(current, 'advanceOnBenefit');
  const good: GrantDecisionFacts = { grantsAssistance: true, written: true, servedOn: '2026-03-10', statedReferenceId: 'SOL-33-2-1A' };
  assert.deepEqual(grantConditionErrors(advance, good), []);
  const paths = (g: GrantDecisionFacts | null) => grantConditionErrors(advance, g).map((e) => e.path);
  assert.deepEqual(paths(null), ['/body/decisionId']);
  assert.deepEqual(paths({ ...good, grantsAssistance: false }), ['/body/decisionId']);
  assert.deepEqual(paths({ ...good, written: false }), ['/body/decisionId']);
  assert.deepEqual(paths({ ...good, servedOn: null }), ['/body/decisionId']);
  assert.deepEqual(paths({ ...good, statedReferenceId: null }), ['/body/basis']);
  assert.deepEqual(paths({ ...good, statedReferenceId: 'SOL-33-3' }), ['/body/basis']);
  assert.deepEqual(paths({ ...good, servedOn: null, statedReferenceId: null }), ['/body/decisionId', '/body/basis']);
  assert.match(grantConditionErrors(advance, { ...good, servedOn: null })[0]!.message, /33 kap\. 2 § 1 a socialtjänstlagen \(2025:400\) kräver att beslutet om bistånd har delgetts/);
  assert.match(
    grantConditionErrors(ground(current, 'agreedRepayment'), { ...good, statedReferenceId: 'SOL-33-2-1A' })[0]!.message,
    /angav inte ”bistånd utöver rätten, under villkor om återbetalning” som grund/,
  );
});

const content: ApplicationContent = {
  version: 1,
  applicant: { personId: null, name: 'A' },
  coApplicant: null,
  children: [],
  housing: { tenure: 'firstHand', rent: 0, personsInDwelling: 1, sharesHousehold: false, note: '' },
  incomes: [],
  costs: [],
  assets: [],
  period: { start: '2026-03-01', end: '2026-03-31' },
  jobStimulus: [],
};
const ctx = { applicationPeriod: { start: '2026-03-01', end: '2026-03-31' }, content, legalReferences: legalRefs, obstacleCodes: [{ code: 'x', label: 'X', group: 'other' }] };
const draft: DecisionDraft = {
  outcome: 'granted',
  periodStart: '2026-03-01',
  periodEnd: '2026-03-31',
  amount: 100,
  systemAmount: 100,
  amountReason: '',
  items: [],
  legalBasisIds: ['SOL-12-1'],
  reasons: 'Motivering som är tillräckligt lång för att godtas.',
  supportObstacles: [{ adult: 'applicant', personId: null, code: 'x' }],
  childPerspective: null,
  recoveryBasis: { legalReferenceId: 'SOL-33-2-1A', text: 'Biståndet är ett förskott på sjukpenning.' },
};

test('decision draft: the repayment ground is a choice among the recovery references, and only when granting', () => {
  assert.deepEqual(checkReadyToDecide(draft, ctx), []);
  for (const id of ['SOL-33-2-1B', 'SOL-33-2-1C', 'SOL-33-3']) assert.deepEqual(checkDraft({ ...draft, recoveryBasis: { ...draft.recoveryBasis!, legalReferenceId: id } }, ctx), []);
  assert.deepEqual(
    checkDraft({ ...draft, recoveryBasis: { ...draft.recoveryBasis!, legalReferenceId: 'SOL-12-1' } }, ctx).map((e) => e.path),
    ['/recoveryBasis/legalReferenceId'],
  );
  assert.deepEqual(
    checkDraft({ ...draft, recoveryBasis: { ...draft.recoveryBasis!, legalReferenceId: 'SOL-33' } }, ctx).map((e) => e.path),
    ['/recoveryBasis/legalReferenceId'],
  );
  assert.deepEqual(
    checkReadyToDecide({ ...draft, recoveryBasis: { ...draft.recoveryBasis!, text: ' ' } }, ctx).map((e) => e.path),
    ['/recoveryBasis/text'],
  );
  assert.deepEqual(
    checkReadyToDecide({ ...draft, outcome: 'refused', amount: 0, amountReason: 'Inget beviljas.' }, ctx).map((e) => e.path),
    ['/recoveryBasis'],
  );
});
