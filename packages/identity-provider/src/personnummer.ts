/**
 * Reads a personnummer as people type it ("19850412-1234", "850412-1234", "198504121234", "850412+1234") and gives
 * the twelve digits the Swedish OpenID Connect profile sends (YYYYMMDDNNNN), or null when it is not one: wrong
 * length, impossible date (day + 60 for a samordningsnummer is accepted) or a wrong check digit.
 */
export function normalisePersonnummer(input: string, today = new Date()): string | null {
  const text = input.trim().replace(/\s+/g, '');
  const m = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/.exec(text);
  if (!m) return null;
  const [, century, yymmdd, separator, last4] = m as unknown as [string, string | undefined, string, string, string];
  let year: number;
  const yy = Number(yymmdd.slice(0, 2));
  if (century) {
    year = Number(century + yymmdd.slice(0, 2));
  } else {
    const thisYear = today.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear) year -= 100;
    // "+" marks a person aged a hundred or more.
    if (separator === '+') year -= 100;
  }
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const ten = yymmdd + last4;
  if (!luhnValid(ten)) return null;
  return String(year).padStart(4, '0') + yymmdd.slice(2) + last4;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}
