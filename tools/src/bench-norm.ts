/**
 * Benchmark of the norm engine on one core: `npm run bench:norm [-- <households>]`.
 * Generates varied households (seeded, reproducible) up front, then times calculateNorm over all of them, input
 * validation included. Last line: `norm: <n> calculations/s`.
 */
import { calculateNorm, COST_TYPES, INCOME_TYPES, type NormInput } from '@vagen/domain/norm/index.ts';
import { loadNormRuleSet } from '@vagen/server/norm-rules.ts';

const COUNT = Math.max(100_000, Number(process.argv[2] ?? 200_000) || 200_000);

/** mulberry32: small, fast, seeded PRNG so every run measures the same households. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rules = loadNormRuleSet();
const months = [...rules.months.keys()];
const rnd = prng(20260301);
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function household(): NormInput {
  const month = pick(months);
  const year = Number(month.slice(0, 4));
  const adults: NormInput['adults'] = [{ id: 'a1', role: 'applicant' }];
  if (rnd() < 0.45) adults.push({ id: 'a2', role: 'coApplicant' });
  const childCount = rnd() < 0.4 ? 0 : int(1, 5);
  const children: NonNullable<NormInput['children']> = [];
  for (let i = 0; i < childCount; i++) {
    const c: NonNullable<NormInput['children']>[number] = { id: `c${i}`, birthDate: `${year - int(1, 20)}-${pad(int(1, 12))}-${pad(int(1, 28))}` };
    if (rnd() < 0.15) c.daysAtHome = int(1, 28);
    if (year !== 2024 && rnd() < 0.3) c.lunchAtPreschool = true;
    children.push(c);
  }
  const persons = [...adults.map((a) => a.id), ...children.map((c) => c.id)];
  const input: NormInput = {
    month,
    adults,
    children,
    costs: [{ type: 'rent', amount: int(300_000, 1_200_000) }],
    incomes: [],
  };
  if (rnd() < 0.6) input.municipality = '2281';
  if (rnd() < 0.1) input.householdSize = persons.length + int(1, 4);
  for (let i = int(0, 4); i > 0; i--) input.costs!.push({ type: pick(COST_TYPES), amount: int(0, 200_000) });
  for (let i = int(0, 4); i > 0; i--) input.incomes!.push({ type: pick(INCOME_TYPES), person: pick(persons), amount: int(0, 2_500_000) });
  if (rnd() < 0.2) input.jobStimulus = ['a1'];
  return input;
}

const inputs: NormInput[] = new Array(COUNT);
for (let i = 0; i < COUNT; i++) inputs[i] = household();

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
