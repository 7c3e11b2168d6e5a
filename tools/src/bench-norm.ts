/**
 * Benchmark of the norm engine on one core: `npm run bench:norm [-- <households>]`.
 * Generates varied households (seeded, reproducible) up front, then times calculateNorm over all of them, input
 * validation included. Last line: `norm: <n> calculations/s`.
 */
import { calculateNorm } from '@vagen/domain/norm/index.ts';
import { loadNormRuleSet } from '@vagen/server/norm-rules.ts';
import { benchHouseholds } from './norm-households.ts';

const COUNT = Math.max(100_000, Number(process.argv[2] ?? 200_000) || 200_000);

const rules = loadNormRuleSet();
const months = [...rules.months.keys()];
const inputs = benchHouseholds(months, COUNT);

// Warm-up (JIT), then the timed run over every household.
let checksum = 0;
for (let i = 0; i < 20_000; i++) checksum += calculateNorm(rules, inputs[i % COUNT]!).totals.assistance;

const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
let assistance = 0;
let refused = 0;
for (let i = 0; i < COUNT; i++) {
  const r = calculateNorm(rules, inputs[i]!);
  assistance += r.totals.assistance;
  if (r.proposal.outcome === 'refused') refused++;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const perSecond = Math.round(COUNT / seconds);

console.log(`households: ${COUNT} (months ${months[0]}–${months.at(-1)}, seeded)`);
console.log(`time: ${(seconds * 1000).toFixed(0)} ms wall, ${(cpuSeconds * 1000).toFixed(0)} ms CPU (process, GC threads included) → ${Math.round(COUNT / cpuSeconds)} calculations per CPU-second`);
console.log(`refused: ${refused}, checksum: ${(assistance + checksum) % 1_000_003}`);
console.log(`norm: ${perSecond} calculations/s`);
