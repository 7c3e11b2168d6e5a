/**
 * The seeded households of `npm run bench:norm`, shared with the golden check (tools/src/bench-norm-golden.ts) so
 * that both always run the same mix.
 */
import { COST_TYPES, INCOME_TYPES, type NormInput, type RuleSet } from '@vagen/domain/norm/index.ts';

/** mulberry32: small, fast, seeded PRNG so every run measures the same households. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The months the benchmark measures: those whose riksnorm table is not provisional (2024–2026 today). The provisional
 * reform months (2027) are left out so that the figure stays comparable from one change to the next and shows whether
 * the tables in force got slower; they are covered by the golden check and the tests.
 */
export function benchMonths(rules: RuleSet): string[] {
  return [...rules.months.values()].filter((m) => !m.table.provisional).map((m) => m.key);
}

/** `count` varied households over the given months (seed 20260301). */
export function benchHouseholds(months: readonly string[], count: number): NormInput[] {
  const rnd = prng(20260301);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
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
  const inputs: NormInput[] = new Array(count);
  for (let i = 0; i < count; i++) inputs[i] = household();
  return inputs;
}
