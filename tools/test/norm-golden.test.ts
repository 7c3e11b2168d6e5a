/**
 * The golden check in the test suite: the subset of the golden run (tools/src/norm-golden.ts, SUBSET_SIZES) must give
 * exactly the hashes stored in tools/test/norm-golden.json — every amount, explanation, warning and error message of
 * the norm engine as it was when the hashes were stored. The full set: `node --import tsx tools/src/bench-norm-golden.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readGoldenExpected, runGolden, SUBSET_SIZES } from '../src/norm-golden.ts';

test('the norm engine gives the stored golden results (seeded subset of the golden run)', () => {
  const expected = readGoldenExpected().subset;
  const unexpected: string[] = [];
  const run = runGolden(SUBSET_SIZES, (message) => unexpected.push(message));
  assert.deepStrictEqual(unexpected.slice(0, 5), [], 'calculateNorm threw something other than NormInputError');
  // Section by section first, so that a failure says where the results changed.
  assert.deepStrictEqual(Object.fromEntries(run.sections.map((s) => [s.name, s.digest])), expected.sections);
  assert.equal(run.overall, expected.overall);
});
