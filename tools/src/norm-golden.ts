/**
 * The golden run of the norm engine: calculateNorm over a fixed, seeded set of inputs, hashed. Any change to a result
 * (a line, an amount, an explanation, a warning, key order, an own property that is undefined) or to an error (class,
 * code, message, field paths and messages), or a modified input, changes the hash. The hash also depends on the rule
 * files in packages/domain/rules and on the fast-check version.
 *
 * The expected hashes are data: tools/test/norm-golden.json. The test suite runs the subset (SUBSET_SIZES,
 * tools/test/norm-golden.test.ts); `node --import tsx tools/src/bench-norm-golden.ts` runs the full set. When a change
 * is meant to change results, update both hashes in the JSON and say why in the commit message.
 *
 * Sections:
 *  - bench:    the households of tools/src/bench-norm.ts (same generator, same seed);
 *  - varied:   wider households (every month incl. 2024 with lunch and the provisional 2027, other municipalities,
 *              household size below and above the persons, options, descriptions, children's earnings, jobbstimulans
 *              for both adults, the reform's facts: lawful residence, emergency aid, illness, second-hand rent …);
 *  - mutated:  varied households with one to three fields broken in known ways (every validation message);
 *  - junk:     fast-check's `anything()` with a fixed seed, as a whole input and as one field of a household;
 *  - altRules: the varied households against modified rule data (unverified cells, no prisbasbelopp for 2026, two
 *              prisbasbelopp, two job-stimulus income types, guidelines without the example flag, with a cap that has
 *              no row for some households, manual types, part-time children not counted, job stimulus 0 %).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { buildRuleSet, calculateNorm, COST_TYPES, INCOME_TYPES, NormInputError, type RuleSet } from '@vagen/domain/norm/index.ts';
import { DEFAULT_NORM_RULES_DIR, readRuleDocuments } from '@vagen/server/rules/norm-rules.ts';
import { benchHouseholds, benchMonths, pad, prng } from './norm-households.ts';

// --- Wider households ------------------------------------------------------------------------------------------------

type Rnd = () => number;

export function variedHousehold(rnd: Rnd, months: readonly string[]): Record<string, unknown> {
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const chance = (p: number) => rnd() < p;
  // A few months outside the tables too (missing table → NormRuleMissingError).
  const month = chance(0.01) ? pick(['2023-12', '2027-01', '2030-06']) : pick(months);
  const year = Number(month.slice(0, 4));
  const mon = Number(month.slice(5, 7));
  const adults: Record<string, unknown>[] = [{ id: chance(0.1) ? 'sokande' : 'a1', role: 'applicant' }];
  if (chance(0.45)) adults.push({ id: 'a2', role: 'coApplicant' });
  if (chance(0.05)) adults.reverse();
  const childCount = chance(0.35) ? 0 : chance(0.9) ? int(1, 5) : int(6, 12);
  const children: Record<string, unknown>[] = [];
  for (let i = 0; i < childCount; i++) {
    let birthDate: string;
    const kind = rnd();
    if (kind < 0.05)
      birthDate = `${year}-${pad(mon)}-${pad(int(1, 28))}`; // born in the month → 0 år
    else if (kind < 0.1)
      birthDate = `${year - int(0, 21)}-${pad(mon)}-${pad(int(1, 2))}`; // birthday on/around the 1st
    else if (kind < 0.12)
      birthDate = `${year - 21}-${pad(int(1, 12))}-${pad(int(1, 28))}`; // maybe 21 → error
    else if (kind < 0.13)
      birthDate = `${year + int(0, 1)}-${pad(int(1, 12))}-${pad(int(1, 28))}`; // maybe not born
    else if (kind < 0.14) birthDate = `${pick([2000, 2004, 2008, 2012, 2016, 2020])}-02-29`;
    else birthDate = `${year - int(0, 20)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
    const c: Record<string, unknown> = { id: `c${i}`, birthDate };
    if (chance(0.2)) c.daysAtHome = chance(0.1) ? 0 : chance(0.1) ? int(28, 31) : int(1, 28);
    if (chance(0.3)) c.lunchAtPreschool = chance(0.9);
    if (chance(0.15)) c.earningsThisYear = pick([0, int(0, 8_000_000), 5_880_000, 5_920_000, 5_730_000]);
    children.push(c);
  }
  const ids = [...adults.map((a) => a.id as string), ...children.map((c) => c.id as string)];
  const input: Record<string, unknown> = { month, adults };
  if (children.length > 0 || chance(0.5)) input.children = children;
  if (chance(0.7)) input.municipality = pick(['2281', '2281', '2281', '0180', '1480']);
  if (chance(0.15)) input.householdSize = Math.max(1, ids.length + int(-2, 6));
  const costs: Record<string, unknown>[] = [];
  for (let i = chance(0.1) ? 0 : int(1, 6); i > 0; i--) {
    const c: Record<string, unknown> = { type: pick(COST_TYPES), amount: pick([int(0, 200_000), int(0, 1_500_000), int(0, 100) * 100, int(0, 300)]) };
    if (chance(0.1)) c.person = pick(ids);
    if (chance(0.1)) c.description = pick(['', 'Tandläkare 3 maj', 'x', 'Busskort (SL)']);
    costs.push(c);
  }
  if (costs.length > 0 || chance(0.5)) input.costs = costs;
  const incomes: Record<string, unknown>[] = [];
  for (let i = int(0, 6); i > 0; i--) {
    incomes.push({
      type: chance(0.3) ? 'salary' : pick(INCOME_TYPES),
      person: pick(ids),
      amount: pick([int(0, 2_500_000), int(0, 9_000_000), int(0, 500) * 100 + pick([0, 50]), int(0, 300), 1_000_200]),
    });
  }
  if (incomes.length > 0 || chance(0.5)) input.incomes = incomes;
  if (chance(0.3)) input.jobStimulus = adults.length === 2 && chance(0.5) ? (chance(0.5) ? ['a1', 'a2'] : ['a2']) : [adults[0]!.id];
  if (chance(0.1)) input.options = chance(0.8) ? { partTimeChildrenCountInHouseholdSize: chance(0.5) } : {};
  // The reform's facts (they change results from 2027 only; the medical certificate notice from July 2026).
  if (chance(0.2)) for (const a of adults) if (chance(0.8)) a.lawfullyResident = chance(0.8);
  if (chance(0.05)) adults[0]!.reducedWorkCapacityDueToIllness = chance(0.9);
  if (chance(0.05)) input.emergencyAid = chance(0.7);
  for (const c of costs)
    if (c.type === 'rent' && chance(0.3)) {
      c.secondHand = chance(0.9);
      if (chance(0.7)) c.subletApproved = chance(0.5);
    }
  return input;
}

// --- Broken households -----------------------------------------------------------------------------------------------

const JUNK: readonly unknown[] = [undefined, null, true, false, 0, -1, 1.5, NaN, Infinity, '', 'x', '2025-05', [], [1], {}, { a: 1 }, 1e12, -0, '19850101-1234'];

function mutate(rnd: Rnd, input: Record<string, unknown>): void {
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const list = (key: string): Record<string, unknown>[] | null => {
    const v = input[key];
    return Array.isArray(v) && v.length > 0 ? (v as Record<string, unknown>[]) : null;
  };
  /** A random element of the list when it is an object (earlier mutations may have replaced it). */
  const el = (key: string): Record<string, unknown> | null => {
    const a = list(key);
    const x: unknown = a ? a[int(0, a.length - 1)] : null;
    return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
  };
  const op = int(0, 31);
  switch (op) {
    case 0:
      input.month = pick(['2025-13', '2025-00', '2025-5', '25-05', '2025/05', 'maj', 202505, null, '2027-01', '2023-12', ' 2025-05', '2025-05 ']);
      break;
    case 1:
      delete input.month;
      break;
    case 2:
      input.municipality = pick(['228', '22811', 'abcd', 2281, null, '', '2281 ', '0180']);
      break;
    case 3:
      input.adults = pick([
        [],
        null,
        'a1',
        {},
        [null],
        [1],
        [
          { id: 'a1', role: 'applicant' },
          { id: 'a2', role: 'coApplicant' },
          { id: 'a3', role: 'coApplicant' },
        ],
      ]);
      break;
    case 4: {
      const x = el('adults');
      if (x) x.role = pick(['lodger', 'applicant', 'coApplicant', null, 1, undefined]);
      break;
    }
    case 5: {
      const x = el('adults');
      if (x) x.id = pick(['', 'ä', 'a b', 'x'.repeat(41), 'x'.repeat(40), '198501011234', '8501011234', '850101-1234', '19850101+1234', '1234567890123', 'c0', 'a1', 'a2', 7, null]);
      break;
    }
    case 6: {
      const x = el('adults');
      if (x) x.extra = 1;
      break;
    }
    case 7: {
      const a = list('adults');
      if (!a) break;
      a[int(0, a.length - 1)] = pick(JUNK) as never;
      break;
    }
    case 8:
      input.children = pick([
        null,
        'c',
        {},
        5,
        Array.from({ length: 21 }, (_, i) => ({ id: `k${i}`, birthDate: '2015-01-01' })),
        Array.from({ length: 20 }, (_, i) => ({ id: `k${i}`, birthDate: '2015-01-01' })),
      ]);
      break;
    case 9: {
      const x = el('children');
      if (x)
        x.birthDate = pick([
          '2021-02-30',
          '2021-13-01',
          '2021-1-01',
          '20210101',
          '2021-01-01T00:00',
          null,
          20210101,
          '2000-02-29',
          '1900-02-29',
          '2019-02-29',
          '2020-02-29',
          '2400-02-29',
          'abcd-ef-gh',
          '2021-04-31',
        ]);
      break;
    }
    case 10: {
      const x = el('children');
      if (x) x.daysAtHome = pick([-1, 32, 29, 30, 31, 1.5, '3', null, NaN, 0]);
      break;
    }
    case 11: {
      const x = el('children');
      if (x) x.lunchAtPreschool = pick(['yes', 1, null, 0, true]);
      break;
    }
    case 12: {
      const x = el('children');
      if (x) x.earningsThisYear = pick([-1, 1.5, '100', null, 1_000_000_001, 1_000_000_000, NaN, Infinity]);
      break;
    }
    case 13: {
      const x = el('children');
      if (x) x[pick(['daysHome', 'age', 'name'])] = 1;
      break;
    }
    case 14: {
      const x = el('children');
      if (x) x.id = pick(['a1', 'c0', '', 'ö', '19850101-1234', undefined]);
      break;
    }
    case 15: {
      const c = list('children');
      if (c) c[int(0, c.length - 1)] = pick(JUNK) as never;
      break;
    }
    case 16:
      input.householdSize = pick([0, -1, 2.5, 51, 50, '3', null, 1, 2, NaN]);
      break;
    case 17:
      input.costs = pick([
        null,
        'rent',
        {},
        Array.from({ length: 101 }, () => ({ type: 'rent', amount: 1 })),
        Array.from({ length: 100 }, (_, i) => ({ type: COST_TYPES[i % COST_TYPES.length], amount: i * 1001 })),
      ]);
      break;
    case 18: {
      const x = el('costs');
      if (x) x.type = pick(['yacht', 'Rent', '', null, 3, 'constructor', 'toString', '__proto__']);
      break;
    }
    case 19: {
      const x = el('costs');
      if (x) x.amount = pick([-100, 100.5, 1e-3, '100', null, undefined, 1_000_000_001, 1_000_000_000, Infinity, NaN, -Infinity, 2 ** 53]);
      break;
    }
    case 20: {
      const x = el('costs');
      if (x) x.person = pick(['zz', 'a1', 'c0', 1, null, '']);
      break;
    }
    case 21: {
      const x = el('costs');
      if (x) x.description = pick(['x'.repeat(201), 'x'.repeat(200), 5, null, '']);
      break;
    }
    case 22: {
      const x = el('costs');
      if (x) x.note = 'x';
      list('costs')?.push(pick(JUNK) as never);
      break;
    }
    case 23:
      input.incomes = pick([null, 'salary', {}, Array.from({ length: 101 }, () => ({ type: 'salary', person: 'a1', amount: 1 }))]);
      break;
    case 24: {
      const x = el('incomes');
      if (x) x.type = pick(['bonus', '', null, 'hasOwnProperty']);
      break;
    }
    case 25: {
      const x = el('incomes');
      if (x) x.person = pick(['zz', undefined, 1, null, 'c0', 'a2']);
      break;
    }
    case 26: {
      const x = el('incomes');
      if (x) {
        x.amount = pick([-1, 0.5, '1', null, 1_000_000_001]);
        x.extra = true;
      }
      break;
    }
    case 27:
      input.jobStimulus = pick([['c0'], ['zz'], ['a1', 'a1'], ['a1', 'a2', 'a1'], 'a1', null, [1], ['a2'], [], {}]);
      break;
    case 28:
      input.options = pick([null, 'x', [], { partTimeChildrenCountInHouseholdSize: 'yes' }, { other: true }, { partTimeChildrenCountInHouseholdSize: false, x: 1 }]);
      break;
    case 30: {
      const x = el('adults');
      if (x) x[pick(['lawfullyResident', 'reducedWorkCapacityDueToIllness'])] = pick(['ja', 1, null, 0]);
      else input.emergencyAid = pick(['yes', 1, null]);
      break;
    }
    case 31: {
      const x = el('costs');
      if (x) x[pick(['secondHand', 'subletApproved'])] = pick([true, false, 'ja', null, 1]);
      break;
    }
    default:
      input[pick(['extra', 'Month', 'child', '__proto__x', 'toString'])] = pick(JUNK);
      break;
  }
}

// --- Modified rule data ----------------------------------------------------------------------------------------------

// biome-ignore lint/suspicious/noExplicitAny: generated inputs are any JSON, including wrong shapes
type Json = Record<string, any>;

function altRuleSet(variant: 1 | 2): RuleSet {
  const docs = readRuleDocuments(DEFAULT_NORM_RULES_DIR).map((d) => ({ name: d.name, data: structuredClone(d.data) as Json }));
  for (const d of docs) {
    const o = d.data;
    if (o.kind === 'regimes') {
      const last = o.regimes.find((g: Json) => g.id === 'SoL2025:400');
      if (variant === 1) {
        last.parameters = {
          jobStimulusPercent: 30,
          jobStimulusIncomeTypes: ['salary', 'parentalBenefit'],
          childEarningsExemptIncomeTypes: ['salary', 'studentGrant'],
          childEarningsExemptPrisbasbelopp: 2,
        };
      } else {
        last.parameters = { jobStimulusPercent: 0, jobStimulusIncomeTypes: ['salary'], childEarningsExemptIncomeTypes: ['salary'], childEarningsExemptPrisbasbelopp: 0 };
        o.regimes[0].parameters.jobStimulusPercent = 100;
      }
    } else if (o.kind === 'prisbasbelopp') {
      if (variant === 1) o.years = o.years.filter((y: Json) => y.year !== 2026);
    } else if (o.kind === 'riksnorm' && o.id === 'riksnorm-2025') {
      o.cellStatus = { ...(o.cellStatus ?? {}), 'adults.single': 'unverified', 'children.7-10.amount': 'unverified', 'commonCosts.3': 'unverified', 'commonCosts.extraPerson': 'unverified' };
      if (variant === 2) o.provisional = true;
    } else if (o.kind === 'riksnorm' && o.id === 'riksnorm-2026') {
      o.verified = false; // a verified table cannot have unverified cells
      o.cellStatus = { ...(o.cellStatus ?? {}), 'adults.couple': 'unverified', 'children.0.withoutLunch': 'unverified', 'commonCosts.7': 'unverified' };
    } else if (o.kind === 'municipalGuidelines') {
      o.example = variant === 2;
      o.settings = variant === 1 ? { partTimeChildrenCountInHouseholdSize: false, manualAssessmentCostTypes: ['other', 'medicine'] } : {};
      o.caps.electricity = {
        label: 'högsta skäliga hushållsel',
        rows: [
          { id: '1v', label: '1 vuxen', adults: { min: 1, max: 1 }, amount: 600 },
          { id: '2v-0-2b', label: '2 vuxna med högst 2 barn', adults: { min: 2, max: 2 }, children: { min: 0, max: 2 }, persons: { min: 2, max: 4 }, amount: 900 },
        ],
      };
    }
  }
  return buildRuleSet(docs);
}

// --- Hashing ---------------------------------------------------------------------------------------------------------

/** JSON with own properties whose value is undefined kept visible (so `{ person: undefined }` ≠ `{}`). */
function serialise(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '\u0000undefined' : v)) ?? 'undefined';
}

/** Counts and hash of one section of the run. */
export interface SectionDigest {
  name: string;
  digest: string;
  results: number;
  inputErrors: number;
  missingErrors: number;
  otherErrors: number;
}

class Section {
  private readonly hash = createHash('sha256');
  results = 0;
  inputErrors = 0;
  missingErrors = 0;
  otherErrors = 0;
  constructor(
    readonly name: string,
    private readonly onUnexpected?: (message: string) => void,
  ) {}

  run(rules: RuleSet, input: unknown): void {
    const before = serialise(input);
    let out: string;
    try {
      out = `R${serialise(calculateNorm(rules, input))}`;
      this.results++;
    } catch (err) {
      if (err instanceof NormInputError) {
        if (err.code === 'NORM_RULE_MISSING') this.missingErrors++;
        else this.inputErrors++;
        out = `E${serialise({ class: err.constructor.name, name: err.name, code: err.code, message: err.message, fields: err.fields })}`;
      } else {
        this.otherErrors++;
        out = `X${String(err)}`;
        this.onUnexpected?.(`${this.name}: unexpected ${String(err)} for ${before}`);
      }
    }
    // The input must not be modified.
    if (serialise(input) !== before) out += 'MODIFIED';
    this.hash.update(out);
    this.hash.update('\n');
  }

  done(): SectionDigest {
    const { name, results, inputErrors, missingErrors, otherErrors } = this;
    return { name, digest: this.hash.digest('hex'), results, inputErrors, missingErrors, otherErrors };
  }
}

/** How many inputs each section runs. The sections draw from seeded streams, so a smaller size is a prefix. */
export interface GoldenSizes {
  bench: number;
  varied: number;
  mutated: number;
  /** fast-check `anything()` as a whole input (seed 42). */
  junkWhole: number;
  /** fast-check `anything()` as one field of a household (seed 43). */
  junkField: number;
  /** Per modified rule set (two of them). */
  altRules: number;
}

/** The full run of `bench-norm-golden.ts` (about two minutes on a shared machine). */
export const FULL_SIZES: GoldenSizes = { bench: 200_000, varied: 100_000, mutated: 100_000, junkWhole: 5_000, junkField: 20_000, altRules: 50_000 };

/**
 * The subset the test suite runs (tools/test/norm-golden.test.ts): every section, a few seconds. It reaches every
 * line of the norm engine and its validation that the full run reaches (checked with V8 coverage when it was chosen).
 */
export const SUBSET_SIZES: GoldenSizes = { bench: 2_000, varied: 4_000, mutated: 6_000, junkWhole: 500, junkField: 1_500, altRules: 2_000 };

export interface GoldenRun {
  sections: SectionDigest[];
  /** sha256 over the section digests. */
  overall: string;
}

/** Runs every section against the rule files in packages/domain/rules (and the two modified rule sets). */
export function runGolden(sizes: GoldenSizes, onUnexpected?: (message: string) => void): GoldenRun {
  const rules = buildRuleSet(readRuleDocuments(DEFAULT_NORM_RULES_DIR));
  const months = [...rules.months.keys()];
  const sections: SectionDigest[] = [];
  {
    const s = new Section('bench', onUnexpected);
    for (const input of benchHouseholds(benchMonths(rules), sizes.bench)) s.run(rules, input);
    sections.push(s.done());
  }
  {
    const s = new Section('varied', onUnexpected);
    const rnd = prng(7);
    for (let i = 0; i < sizes.varied; i++) s.run(rules, variedHousehold(rnd, months));
    sections.push(s.done());
  }
  {
    const s = new Section('mutated', onUnexpected);
    const rnd = prng(11);
    for (let i = 0; i < sizes.mutated; i++) {
      const input = variedHousehold(rnd, months);
      for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) mutate(rnd, input);
      s.run(rules, input);
    }
    sections.push(s.done());
  }
  {
    const s = new Section('junk', onUnexpected);
    for (const junk of fc.sample(fc.anything({ withBoxedValues: true, withNullPrototype: true, withObjectString: true }), { seed: 42, numRuns: sizes.junkWhole })) {
      s.run(rules, junk);
    }
    const rnd = prng(13);
    const fields = ['month', 'municipality', 'adults', 'children', 'householdSize', 'costs', 'incomes', 'jobStimulus', 'options'];
    for (const junk of fc.sample(fc.anything(), { seed: 43, numRuns: sizes.junkField })) {
      const input = variedHousehold(rnd, months);
      input[fields[Math.floor(rnd() * fields.length)]!] = junk;
      s.run(rules, input);
    }
    sections.push(s.done());
  }
  {
    const s = new Section('altRules', onUnexpected);
    for (const variant of [1, 2] as const) {
      const alt = altRuleSet(variant);
      const rnd = prng(17 + variant);
      for (let i = 0; i < sizes.altRules; i++) s.run(alt, variedHousehold(rnd, months));
    }
    sections.push(s.done());
  }
  const overall = createHash('sha256')
    .update(sections.map((s) => s.digest).join('\n'))
    .digest('hex');
  return { sections, overall };
}

/** The expected hashes, stored as data next to the test (tools/test/norm-golden.json). */
export interface GoldenExpected {
  full: { overall: string; sections: Record<string, string> };
  subset: { overall: string; sections: Record<string, string> };
}

export const GOLDEN_FILE = fileURLToPath(new URL('../test/norm-golden.json', import.meta.url));

export function readGoldenExpected(): GoldenExpected {
  return JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GoldenExpected;
}
