import assert from 'node:assert/strict';
import { test } from 'node:test';
import { versionsInForce } from '../src/rule-versions.ts';

test('a later version ends the one before it the day before it starts', () => {
  const out = versionsInForce([
    { name: 'fil', validFrom: '2026-01-01', validTo: '2026-12-31' },
    { name: 'juli', validFrom: '2026-07-01', validTo: '2026-12-31' },
  ]);
  assert.deepEqual(
    out.map((v) => [v.name, v.validFrom, v.validTo]),
    [
      ['fil', '2026-01-01', '2026-06-30'],
      ['juli', '2026-07-01', '2026-12-31'],
    ],
  );
});

test('an open-ended version is ended by the next one; across a leap day', () => {
  const out = versionsInForce([
    { name: 'a', validFrom: '2025-01-01', validTo: null },
    { name: 'b', validFrom: '2028-03-01', validTo: null },
  ]);
  assert.deepEqual(
    out.map((v) => v.validTo),
    ['2028-02-29', null],
  );
});

test('of two versions starting the same day the one published later applies; order of input is order of publication', () => {
  const out = versionsInForce([
    { name: 'fil', validFrom: '2026-01-01', validTo: null },
    { name: 'rättelse', validFrom: '2026-01-01', validTo: null },
  ]);
  assert.deepEqual(
    out.map((v) => v.name),
    ['rättelse'],
  );
});

test('a version published with an earlier start is ordered by its start, not by publication', () => {
  const out = versionsInForce([
    { name: 'fil', validFrom: '2026-07-01', validTo: null },
    { name: 'tidigare', validFrom: '2026-01-01', validTo: null },
  ]);
  assert.deepEqual(
    out.map((v) => [v.name, v.validTo]),
    [
      ['tidigare', '2026-06-30'],
      ['fil', null],
    ],
  );
});
