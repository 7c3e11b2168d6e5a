/**
 * Money arithmetic of the norm calculation. All amounts are integer öre. Computed lines are rounded to whole kronor,
 * half up (0,50 kr → up). Only integer arithmetic is used, so results are exact for every amount the validation
 * allows (< 2^53 in every intermediate product). Money as text comes from the one formatter, ../money.ts.
 */
import { MAX_AMOUNT_ORE, ORE_PER_KRONA, formatKronor } from '../money.ts';

export { MAX_AMOUNT_ORE };

/**
 * The name the norm module has always exported for the one money formatter (../money.ts formatKronor); other modules
 * of the domain import it from here.
 */
export const formatKr = (ore: number): string => formatKronor(ore);

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
  return idiv(ore + ORE_PER_KRONA / 2, ORE_PER_KRONA) * ORE_PER_KRONA;
}
