/**
 * Versions of one rule document (a norm table, a municipality's guideline caps, a letter template …): the version
 * shipped as a file and the versions a municipality has published since. The one precedence rule, as in
 * CaseworkRules.find: on a date, the version with the most recent validFrom in force wins. Written as periods, a
 * version ends the day before the next one starts, so the rule engine (which refuses overlapping periods) and every
 * list show the same thing. Pure: no clock, no I/O.
 */
import { addDaysIso } from './calendar.ts';

export interface DatedVersion {
  validFrom: string;
  validTo: string | null;
}

/**
 * The versions of one document with the period each is in force, in order of validFrom. A version that starts on
 * the same day as a later one in the list (a correction published later) never applies and is left out; so is one
 * whose period ends before it starts. The input order is the order of publication (the file first).
 */
export function versionsInForce<T extends DatedVersion>(versions: readonly T[]): (T & { validTo: string | null })[] {
  const ordered = versions.map((v, i) => ({ v, i })).sort((a, b) => a.v.validFrom.localeCompare(b.v.validFrom) || a.i - b.i);
  const out: (T & { validTo: string | null })[] = [];
  for (let k = 0; k < ordered.length; k++) {
    const { v } = ordered[k]!;
    const next = ordered[k + 1]?.v;
    let validTo = v.validTo;
    if (next) {
      const dayBefore = addDaysIso(next.validFrom, -1);
      if (validTo === null || dayBefore < validTo) validTo = dayBefore;
    }
    if (validTo !== null && validTo < v.validFrom) continue;
    out.push({ ...v, validTo });
  }
  return out;
}
