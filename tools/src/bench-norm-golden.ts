/**
 * Golden check of the norm engine: `node --import tsx tools/src/bench-norm-golden.ts [--subset] [--verbose]`.
 *
 * Runs the golden set of tools/src/norm-golden.ts (the full set, or with --subset the one the test suite runs), prints
 * a sha256 per section and one overall hash, and compares it with the expected hash stored in
 * tools/test/norm-golden.json: exit code 1 when it differs. Run it before and after a change to the engine that must
 * not change behaviour. With --expect=<hash> the hash is compared with that one instead.
 */
import { FULL_SIZES, GOLDEN_FILE, readGoldenExpected, runGolden, SUBSET_SIZES } from './norm-golden.ts';

const verbose = process.argv.includes('--verbose');
const subset = process.argv.includes('--subset');
const expectArg = process.argv.find((a) => a.startsWith('--expect='))?.slice('--expect='.length);

const started = process.hrtime.bigint();
const run = runGolden(subset ? SUBSET_SIZES : FULL_SIZES, verbose ? (message) => console.error(message) : undefined);
for (const s of run.sections) {
  console.log(`${s.name.padEnd(9)} ${s.digest}  results ${s.results}, input errors ${s.inputErrors}, rule-missing errors ${s.missingErrors}, other errors ${s.otherErrors}`);
}
console.log(`(${subset ? 'subset' : 'full set'}, ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`);
console.log(`golden: ${run.overall}`);

const expected = expectArg ?? readGoldenExpected()[subset ? 'subset' : 'full'].overall;
if (expected !== run.overall) {
  console.error(`golden hash differs from the expected ${expected}${expectArg === undefined ? ` (${GOLDEN_FILE})` : ''}`);
  process.exitCode = 1;
} else {
  console.log('same as expected');
}
