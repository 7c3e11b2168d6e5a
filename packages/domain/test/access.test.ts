import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASE_READ_POLICY, canReadCase, canWriteCase, type Actor, type CaseAccessFacts, type CaseReadPolicy } from '../src/index.ts';

const facts: CaseAccessFacts = {
  municipality: '2281',
  protectedIdentity: false,
  related: { unit: ['nord'], responsibleWorker: ['w1'], secondWorker: ['w2'], namedForProtected: [], party: ['p1', 'p2'] },
};
const staff = (over: Partial<Extract<Actor, { kind: 'staff' }>>): Actor => ({ kind: 'staff', userId: 'u', role: 'caseWorker', municipality: '2281', unitIds: [], ...over });

test('unit membership or assignment gives access; another municipality never does', () => {
  assert.equal(canReadCase(staff({ unitIds: ['nord'] }), facts), true);
  assert.equal(canReadCase(staff({ unitIds: ['syd'] }), facts), false);
  assert.equal(canReadCase(staff({ userId: 'w1', unitIds: ['syd'] }), facts), true);
  assert.equal(canReadCase(staff({ userId: 'w2' }), facts), true, 'second worker in split-role municipalities');
  assert.equal(canReadCase(staff({ unitIds: ['nord'], municipality: '0180' }), facts), false);
});

test('roles without case work see nothing', () => {
  assert.equal(canReadCase(staff({ role: 'systemAdministrator', unitIds: ['nord'] }), facts), false);
});

test('protected identity: only the named workers, not the unit and not the assigned worker', () => {
  const p = { ...facts, protectedIdentity: true, related: { ...facts.related, namedForProtected: ['named'] } };
  assert.equal(canReadCase(staff({ userId: 'named' }), p), true);
  assert.equal(canReadCase(staff({ unitIds: ['nord'], role: 'unitManager' }), p), false);
  assert.equal(canReadCase(staff({ userId: 'w1', unitIds: ['nord'] }), p), false);
  assert.equal(canReadCase(staff({ userId: 'named', municipality: '0180' }), p), false, 'named, but in another municipality');
});

test('clients: parties only; writing is staff only and needs the capability', () => {
  assert.equal(canReadCase({ kind: 'client', personId: 'p2' }, facts), true);
  assert.equal(canReadCase({ kind: 'client', personId: 'child' }, facts), false);
  assert.equal(canReadCase({ kind: 'client', personId: 'w1' }, facts), false, 'a client is never matched as staff');
  assert.equal(canWriteCase({ kind: 'client', personId: 'p1' }, facts, 'journal.write'), false);
  assert.equal(canWriteCase(staff({ unitIds: ['nord'], role: 'cashier' }), facts, 'journal.write'), false);
  assert.equal(canWriteCase(staff({ unitIds: ['nord'] }), facts, 'journal.write'), true);
});

test('a new relation in the policy is a new way of seeing the case, and nothing else changes', () => {
  const withMentor: CaseReadPolicy = {
    ...CASE_READ_POLICY,
    relations: [...CASE_READ_POLICY.relations, { name: 'mentor', actor: 'staff', match: 'userId', path: { column: 'mentor_id', steps: [] }, opensProtected: false, assigned: false }],
  };
  const f = { ...facts, related: { ...facts.related, mentor: ['m1'] } };
  assert.equal(canReadCase(staff({ userId: 'm1' }), f), false, 'the real policy does not know mentors');
  assert.equal(canReadCase(staff({ userId: 'm1' }), f, withMentor), true);
  assert.equal(canReadCase(staff({ userId: 'm1' }), { ...f, protectedIdentity: true }, withMentor), false, 'it does not open protected cases');
  assert.throws(() => canReadCase(staff({ userId: 'm1' }), facts, withMentor), /mentor/, 'facts must come from the same policy');
});
