/**
 * Benchmark of the norm engine on one core: `npm run bench:norm [-- <households>]`.
 * Generates varied households (seeded, reproducible) up front, then times calculateNorm over all of them, input
 * validation included. Last line: `norm: <n> calculations/s`.
 *
 * Method (each calculation is a fresh calculateNorm call with full validation; nothing is cached between them):
 *  - warm-up: one full untimed pass over every household, so that the compiler has seen every kind of household
 *    before the clock starts (a server answers its first requests slower too; that is not what this measures);
 *  - timed: PASSES passes over every household, and the rate over all of them. The timed loop is a function of its
 *    own: a loop at the top level of the module is compiled on the fly (on-stack replacement) and that code is
 *    thrown away when the module goes on, so a second top-level loop would start in the interpreter.
 * Until 2026-11 the warm-up was 20 000 calculations and one pass was timed (the rate varied more between runs).
 */
import { calculateNorm, type NormInput, type RuleSet } from '@vagen/domain/norm/index.ts';
import { loadNormRuleSet } from '@vagen/server/rules/norm-rules.ts';
import { benchHouseholds, benchMonths } from './norm-households.ts';

const COUNT = Math.max(100_000, Number(process.argv[2] ?? 200_000) || 200_000);
const PASSES = 3;

const rules = loadNormRuleSet();
const months = benchMonths(rules);
const inputs = benchHouseholds(months, COUNT);

interface PassResult {
  assistance: number;
  refused: number;
}

/** One calculation per household; sums the assistance so that no result can be skipped. */
function pass(ruleSet: RuleSet, households: readonly NormInput[]): PassResult {
  let assistance = 0;
  let refused = 0;
  for (let i = 0; i < households.length; i++) {
    const r = calculateNorm(ruleSet, households[i]!);
    assistance += r.totals.assistance;
    if (r.proposal.outcome === 'refused') refused++;
  }
  return { assistance, refused };
}

const warmUp = pass(rules, inputs);

const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
let assistance = 0;
let refused = 0;
for (let p = 0; p < PASSES; p++) {
  const r = pass(rules, inputs);
  assistance += r.assistance;
  refused += r.refused;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const calculations = COUNT * PASSES;
const perSecond = Math.round(calculations / seconds);

if (refused !== warmUp.refused * PASSES || assistance !== warmUp.assistance * PASSES) throw new Error('the passes gave different results');
console.log(`households: ${COUNT} (months ${months[0]}–${months.at(-1)}, seeded), ${PASSES} timed passes after one untimed`);
console.log(
  `time: ${(seconds * 1000).toFixed(0)} ms wall, ${(cpuSeconds * 1000).toFixed(0)} ms CPU (process, GC threads included) → ${Math.round(calculations / cpuSeconds)} calculations per CPU-second`,
);
console.log(`refused: ${warmUp.refused} per pass, checksum: ${warmUp.assistance % 1_000_003}`);
console.log(`norm: ${perSecond} calculations/s`);
