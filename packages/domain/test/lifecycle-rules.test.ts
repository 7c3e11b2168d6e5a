import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonthsIso, autoCloseDate, autoCloseVerdict, casesToAutoClose, compareQueueItems, describeElapsed, isOverdue, reopenableCase, workItemKindLabel } from '../src/index.ts';

const rule = { closeAfterMonthsWithoutApplication: 1, reopenWithinMonths: 3 };

test('calendar months clamp to the end of a shorter month', () => {
  assert.equal(addMonthsIso('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonthsIso('2028-01-31', 1), '2028-02-29');
  assert.equal(addMonthsIso('2026-03-31', -1), '2026-02-28');
  assert.equal(addMonthsIso('2026-11-15', 3), '2027-02-15');
  assert.equal(autoCloseDate('2026-02-05', 1), '2026-03-06');
});

test('a case without an application for a full month closes; one with a recent application stays', () => {
  const old = { id: 'a', status: 'active', openedOn: '2025-10-01', lastApplicationOn: '2026-02-05' };
  assert.equal(autoCloseVerdict(old, '2026-03-05', rule).close, false, 'exactly one month: not yet');
  const v = autoCloseVerdict(old, '2026-03-06', rule);
  assert.equal(v.close, true);
  assert.match(v.reason, /Ingen ny ansökan på en månad \(senaste ansökan 2026-02-05\)/);
  const recent = { id: 'b', status: 'monitoring', openedOn: '2025-10-01', lastApplicationOn: '2026-03-01' };
  const never = { id: 'c', status: 'active', openedOn: '2026-01-02', lastApplicationOn: null };
  const reopened = { id: 'd', status: 'active', openedOn: '2024-01-01', lastApplicationOn: '2024-05-01', lastReopenedOn: '2026-03-01' };
  const closed = { id: 'e', status: 'closed', openedOn: '2024-01-01', lastApplicationOn: null };
  const intake = { id: 'f', status: 'investigation', openedOn: '2024-01-01', lastApplicationOn: null };
  const appealed = { id: 'g', status: 'active', openedOn: '2024-01-01', lastApplicationOn: '2025-01-01', openAppeals: 1 };
  assert.deepEqual(
    casesToAutoClose([old, recent, never, reopened, closed, intake, appealed], '2026-03-10', rule).map((x) => x.id),
    ['a', 'c'],
  );
  assert.match(autoCloseVerdict(never, '2026-03-10', rule).reason, /öppnades eller återaktualiserades 2026-01-02/);
  assert.equal(autoCloseVerdict({ ...old, lastApplicationOn: '2026-01-05' }, '2026-03-10', { ...rule, closeAfterMonthsWithoutApplication: 2 }).close, true);
});

test('reopenableCase: the latest case closed within the period, else none', () => {
  const cases = [
    { id: 'x', status: 'closed', closedOn: '2026-01-10', responsibleWorkerId: 'w1' },
    { id: 'y', status: 'closed', closedOn: '2026-02-20', responsibleWorkerId: 'w2' },
    { id: 'z', status: 'active', closedOn: null, responsibleWorkerId: 'w3' },
  ];
  assert.equal(reopenableCase(cases, '2026-03-10', rule)?.id, 'y');
  assert.equal(reopenableCase(cases, '2026-05-20', rule)?.id, 'y', 'exactly three months');
  assert.equal(reopenableCase(cases, '2026-05-21', rule), null);
  assert.equal(reopenableCase([], '2026-03-10', rule), null);
});

test('queue order: priority, due date (none last), received', () => {
  const items = [
    { id: '1', priority: 4, dueAt: null, receivedAt: '2026-03-01T08:00:00Z' },
    { id: '2', priority: 3, dueAt: '2026-03-20T00:00:00Z', receivedAt: '2026-03-01T08:00:00Z' },
    { id: '3', priority: 3, dueAt: '2026-03-12T00:00:00Z', receivedAt: '2026-03-05T08:00:00Z' },
    { id: '4', priority: 1, dueAt: '2026-03-30T00:00:00Z', receivedAt: '2026-03-09T08:00:00Z' },
    { id: '5', priority: 3, dueAt: null, receivedAt: '2026-02-01T08:00:00Z' },
    { id: '6', priority: 2, dueAt: '2026-03-11T00:00:00Z', receivedAt: '2026-03-10T08:00:00Z' },
  ];
  assert.deepEqual(
    [...items].sort(compareQueueItems).map((i) => i.id),
    ['4', '6', '3', '2', '5', '1'],
  );
});

test('time since receipt in plain words, overdue flag', () => {
  assert.equal(describeElapsed(10 * 60_000), 'mindre än en timme');
  assert.equal(describeElapsed(3_600_000), '1 timme');
  assert.equal(describeElapsed(5 * 3_600_000), '5 timmar');
  assert.equal(describeElapsed(26 * 3_600_000), '1 dag');
  assert.equal(describeElapsed(3 * 86_400_000 + 5), '3 dagar');
  assert.equal(describeElapsed(90 * 86_400_000), '3 månader');
  assert.equal(isOverdue('2026-03-10T08:00:00.000Z', '2026-03-10T09:00:00.000Z'), true);
  assert.equal(isOverdue(null, '2026-03-10T09:00:00.000Z'), false);
  assert.equal(workItemKindLabel('appeal'), 'Överklagande');
  assert.equal(workItemKindLabel('somethingNew'), 'somethingNew');
});
