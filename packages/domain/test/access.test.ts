import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canReadCase, canWriteCase, type Actor, type CaseAccessFacts } from '../src/index.ts';

const facts: CaseAccessFacts = {
  municipality: '2281', unitId: 'nord', responsibleWorkerId: 'w1', secondWorkerId: 'w2',
  partyPersonIds: ['p1', 'p2'], protectedIdentity: false, protectedAccessUserIds: [],
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
  const p = { ...facts, protectedIdentity: true, protectedAccessUserIds: ['named'] };
  assert.equal(canReadCase(staff({ userId: 'named' }), p), true);
  assert.equal(canReadCase(staff({ unitIds: ['nord'], role: 'unitManager' }), p), false);
  assert.equal(canReadCase(staff({ userId: 'w1', unitIds: ['nord'] }), p), false);
});

test('clients: parties only; writing is staff only and needs the capability', () => {
  assert.equal(canReadCase({ kind: 'client', personId: 'p2' }, facts), true);
  assert.equal(canReadCase({ kind: 'client', personId: 'child' }, facts), false);
  assert.equal(canWriteCase({ kind: 'client', personId: 'p1' }, facts, 'journal.write'), false);
  assert.equal(canWriteCase(staff({ unitIds: ['nord'], role: 'cashier' }), facts, 'journal.write'), false);
  assert.equal(canWriteCase(staff({ unitIds: ['nord'] }), facts, 'journal.write'), true);
});
