/**
 * Check-digit algorithms of the Swedish payment systems (Bankgirot, "Bankernas kontonummeruppbyggnad", sections
 * 1.1 10-modulmetoden and 1.2 11-modulmetoden). Input: a string of digits only.
 */

/** Mod 10 (Luhn): from the right, every second digit doubled (digit sum); the total must end in 0. */
export function mod10Valid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit that makes `digits + check` valid. */
export function mod10CheckDigit(digits: string): number {
  for (let c = 0; c <= 9; c++) if (mod10Valid(`${digits}${c}`)) return c;
  /* c8 ignore next */
  throw new Error('unreachable');
}

/**
 * Mod 11 as the banks use it: from the right the weights are 1, 2, 3 … 10, 1, 2 …; the weighted sum must be
 * divisible by 11 (and not zero — an all-zero number is no account).
 */
export function mod11Valid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = (i % 10) + 1;
    sum += weight * (digits.charCodeAt(digits.length - 1 - i) - 48);
  }
  return sum !== 0 && sum % 11 === 0;
}

/** ISO 7064 mod 97-10 as used by IBAN: move the first four characters last, letters → 10..35, remainder must be 1. */
export function ibanMod97Valid(iban: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}
