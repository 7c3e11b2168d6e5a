/** Shared by the norm tests: the rule files as documents, and small households. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NormInput, RuleDocument } from '../src/norm/index.ts';

export const RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));

/** The rule files of packages/domain/rules as parsed documents, read fresh on each call (tests may change them). */
export function ruleDocuments(): RuleDocument[] {
  return readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f, data: JSON.parse(readFileSync(RULES_DIR + f, 'utf8')) as unknown }));
}

/** Kronor → öre. */
export const kr = (n: number) => n * 100;

export const single = (month: string, extra: Partial<NormInput> = {}): NormInput => ({ month, adults: [{ id: 'a1', role: 'applicant' }], ...extra });

export const couple = (month: string, extra: Partial<NormInput> = {}): NormInput => ({
  month,
  adults: [
    { id: 'a1', role: 'applicant' },
    { id: 'a2', role: 'coApplicant' },
  ],
  ...extra,
});
