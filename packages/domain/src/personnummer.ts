/**
 * Swedish personnummer and samordningsnummer: parsing and validation.
 * Accepts YYMMDD-NNNN, YYMMDD+NNNN (+ = 100 years or older), YYYYMMDDNNNN, YYYYMMDD-NNNN and YYMMDDNNNN.
 * The century of a 10-digit form is resolved against a reference date passed in by the caller (the domain has no clock).
 */

export interface Personnummer {
  /** Canonical 12-digit form, YYYYMMDDNNNN (day + 60 kept for samordningsnummer). */
  readonly value: string;
  readonly birthDate: string; // ISO date YYYY-MM-DD
  readonly samordningsnummer: boolean;
  /** 'K' (kvinna) when the second-to-last digit is even, 'M' (man) when odd. */
  readonly legalSex: 'K' | 'M';
}

export type PersonnummerResult = { ok: true; value: Personnummer } | { ok: false; message: string };

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** Luhn checksum over the 10-digit form (YYMMDDNNN + check digit). */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = nineDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= daysInMonth[month - 1]!;
}

/**
 * @param input what the user typed
 * @param today ISO date (YYYY-MM-DD) used to pick the century of a 10-digit number and to reject future birth dates
 */
export function parsePersonnummer(input: unknown, today: string): PersonnummerResult {
  if (typeof input !== 'string') return { ok: false, message: 'Personnumret måste anges som text.' };
  const compact = input.trim().replace(/\s+/g, '');
  const m = PATTERN.exec(compact);
  if (!m) return { ok: false, message: 'Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.' };
  const [, centuryPart, yy, mm, ddRaw, separator, serial, check] = m as unknown as [string, string | undefined, string, string, string, string, string, string];
  if (centuryPart !== undefined && separator === '+') {
    return { ok: false, message: 'Plustecken används bara i den tiosiffriga formen.' };
  }
  const todayYear = Number(today.slice(0, 4));
  const todayMd = today.slice(5, 7) + today.slice(8, 10);
  let year: number;
  if (centuryPart !== undefined) {
    year = Number(centuryPart + yy);
  } else {
    // Latest year ending in yy that is not in the future; '+' means at least 100 years old.
    year = todayYear - ((((todayYear - Number(yy)) % 100) + 100) % 100);
    if (year === todayYear && mm + ddRaw.padStart(2, '0') > todayMd && Number(ddRaw) <= 31) year -= 100;
    if (separator === '+') year -= 100;
  }
  let day = Number(ddRaw);
  const samordningsnummer = day > 60;
  if (samordningsnummer) day -= 60;
  const month = Number(mm);
  if (!isRealDate(year, month, day)) {
    return { ok: false, message: samordningsnummer ? 'Samordningsnumret innehåller inget giltigt datum.' : 'Personnumret innehåller inget giltigt datum.' };
  }
  const birthDate = `${String(year).padStart(4, '0')}-${mm}-${String(day).padStart(2, '0')}`;
  if (birthDate > today) return { ok: false, message: 'Födelsedatumet i personnumret ligger i framtiden.' };
  if (year < todayYear - 130) return { ok: false, message: 'Personnumret anger en orimligt hög ålder.' };
  if (luhnCheckDigit(yy + mm + ddRaw + serial) !== Number(check)) {
    return { ok: false, message: 'Kontrollsiffran stämmer inte. Kontrollera personnumret.' };
  }
  return {
    ok: true,
    value: {
      value: String(year).padStart(4, '0') + mm + ddRaw + serial + check,
      birthDate,
      samordningsnummer,
      legalSex: Number(serial[2]) % 2 === 0 ? 'K' : 'M',
    },
  };
}

/** Display form YYYYMMDD-NNNN. */
export function formatPersonnummer(canonical12: string): string {
  return `${canonical12.slice(0, 8)}-${canonical12.slice(8)}`;
}

/** Masked form for lists: YYYYMMDD-XXXX. */
export function maskPersonnummer(canonical12: string): string {
  return `${canonical12.slice(0, 8)}-XXXX`;
}

/** Build a valid 12-digit personnummer from a birth date and a 3-digit serial (for synthetic demo data). */
export function makePersonnummer(birthDate: string, serial: number, samordning = false): string {
  const yyyy = birthDate.slice(0, 4);
  const mm = birthDate.slice(5, 7);
  const dd = String(Number(birthDate.slice(8, 10)) + (samordning ? 60 : 0)).padStart(2, '0');
  const nnn = String(serial).padStart(3, '0');
  return yyyy + mm + dd + nnn + luhnCheckDigit(yyyy.slice(2) + mm + dd + nnn);
}
