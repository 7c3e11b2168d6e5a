/**
 * Money helpers. All amounts are integer öre. Computed lines are rounded to whole kronor, half up (0,50 kr → up).
 * Only integer arithmetic is used, so results are exact for every amount the validation allows (< 2^53 in every
 * intermediate product).
 */

export const ORE_PER_KRONA = 100;

/** Largest single amount accepted in input: 10 000 000 kr. */
export const MAX_AMOUNT_ORE = 1_000_000_000;

/** Exact integer division of non-negative integers, rounded down. */
function idiv(numerator: number, denominator: number): number {
  return (numerator - (numerator % denominator)) / denominator;
}

/** round(amount × numerator ÷ denominator) to whole kronor, half up. amount, numerator ≥ 0, denominator > 0. */
export function mulDivRoundKronaHalfUp(amount: number, numerator: number, denominator: number): number {
  // kronor = floor((amount × n ÷ d + 50) ÷ 100) = floor((2·amount·n + 100·d) ÷ (200·d))
  return idiv(2 * amount * numerator + 100 * denominator, 200 * denominator) * ORE_PER_KRONA;
}

/** round(amount × numerator ÷ denominator) to whole kronor, half down (0,50 kr → down). */
export function mulDivRoundKronaHalfDown(amount: number, numerator: number, denominator: number): number {
  // kronor = ceil((amount × n ÷ d − 50) ÷ 100) = floor((2·amount·n + 100·d − 1) ÷ (200·d)) for integers
  return idiv(2 * amount * numerator + 100 * denominator - 1, 200 * denominator) * ORE_PER_KRONA;
}

/** Round an öre amount to whole kronor, half up (negative amounts: symmetric, away from zero at .50). */
export function roundToKrona(ore: number): number {
  if (ore < 0) return -roundToKrona(-ore);
  return idiv(ore + 50, 100) * 100;
}

// Digit groups from small lookup tables (a few kB, so they stay in the CPU cache): number → string conversion is the
// slowest part of formatting. An earlier memo of every formatted amount below 100 000 kr was slower: looking a string up
// in a table that large misses the cache on almost every call.
const PLAIN: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i));
const PAD3: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** "12 " for 12: a leading thousands group with its separator. */
const THOUSANDS: readonly string[] = Array.from({ length: 1000 }, (_, i) => `${i} `);
const ORE_SUFFIX: readonly string[] = Array.from({ length: 100 }, (_, i) => (i === 0 ? ' kr' : `,${String(i).padStart(2, '0')} kr`));
/** "123 kr" for whole amounts below 1 000 kr. */
const SMALL_WHOLE: readonly string[] = PLAIN.map((p) => p + ' kr');

/** Whole kronor with a space between thousands: 1234567 → "1 234 567". */
function groupKronor(kronor: number): string {
  if (kronor < 1000) return PLAIN[kronor]!;
  const low = kronor % 1000;
  return groupKronor((kronor - low) / 1000) + ' ' + PAD3[low]!;
}

/** Swedish formatting without Intl: 391000 → "3 910 kr", 123456 → "1 234,56 kr", -5000 → "−50 kr". */
export function formatKr(ore: number): string {
  // Fast path: a non-negative amount that fits in 32 bits (below 21 474 836,48 kr), in integer arithmetic. `ore % 100`
  // on a number the compiler cannot prove to be an integer is a floating-point remainder (a C call); `(o / 100) | 0`
  // on an int32 is a multiplication.
  const o = ore | 0;
  if (o === ore && o >= 0) {
    const kronor = (o / 100) | 0;
    const rest = o - kronor * 100;
    if (kronor < 1000) return rest === 0 ? SMALL_WHOLE[kronor]! : PLAIN[kronor]! + ORE_SUFFIX[rest]!;
    const high = (kronor / 1000) | 0;
    // "12 " + ("345" + " kr"): the group and the ending are joined first (see formatKrThen).
    if (high < 1000) return THOUSANDS[high]! + (PAD3[kronor - high * 1000]! + ORE_SUFFIX[rest]!);
  }
  if (ore < 0) return '−' + formatKr(-ore);
  const rest = ore % 100;
  const kronor = (ore - rest) / 100;
  if (kronor < 1000) return rest === 0 ? SMALL_WHOLE[kronor]! : PLAIN[kronor]! + ORE_SUFFIX[rest]!;
  if (kronor < 1_000_000) {
    const low = kronor % 1000;
    return THOUSANDS[(kronor - low) / 1000]! + PAD3[low]! + ORE_SUFFIX[rest]!;
  }
  return groupKronor(kronor) + ORE_SUFFIX[rest]!;
}

/**
 * The öre endings of formatKr followed by `text`: krSuffixes(' räknas.')[5] is ",05 kr räknas." and [0] is " kr räknas.".
 * For fixed text after an amount in explanations (see formatKrThen).
 */
export function krSuffixes(text: string): readonly string[] {
  return ORE_SUFFIX.map((ending) => ending + text);
}

/**
 * formatKr(ore) + text, where `suffixes` = krSuffixes(text): the same string with one concatenation less (every
 * concatenation allocates, and explanations have many).
 */
export function formatKrThen(ore: number, suffixes: readonly string[]): string {
  // Same fast path as formatKr. The last group is joined to the (long) suffix first: that makes a cons string without
  // copying characters, whereas "12 " + "345" would first copy both into a new short string.
  const o = ore | 0;
  if (o === ore && o >= 0) {
    const kronor = (o / 100) | 0;
    const rest = o - kronor * 100;
    if (kronor < 1000) return PLAIN[kronor]! + suffixes[rest]!;
    const high = (kronor / 1000) | 0;
    if (high < 1000) return THOUSANDS[high]! + (PAD3[kronor - high * 1000]! + suffixes[rest]!);
  }
  if (ore < 0) return '−' + formatKrThen(-ore, suffixes);
  const rest = ore % 100;
  const kronor = (ore - rest) / 100;
  if (kronor < 1000) return PLAIN[kronor]! + suffixes[rest]!;
  if (kronor < 1_000_000) {
    const low = kronor % 1000;
    return THOUSANDS[(kronor - low) / 1000]! + PAD3[low]! + suffixes[rest]!;
  }
  return groupKronor(kronor) + suffixes[rest]!;
}

/** Kronor (whole, from a rule file) → öre. */
export function kronorToOre(kronor: number): number {
  return kronor * ORE_PER_KRONA;
}
