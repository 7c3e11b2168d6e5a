/**
 * Loads the norm rule data (every *.json file in packages/domain/rules) into a RuleSet at start-up. Shared by the
 * server and the CLI. Adding a year's riksnorm table, a regime or a municipality's guideline caps is a data change:
 * drop the JSON file in the folder (plus a test); no code change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRuleSet, RuleDataError, type RuleDocument, type RuleSet } from '@vagen/domain/norm/index.ts';

/** packages/domain/rules (override with VAGEN_NORM_RULES_DIR, e.g. for a municipality's own data folder). */
export const DEFAULT_NORM_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../domain/rules');

/** Read and parse every *.json file in the folder (sorted by name). A file that is not valid JSON → RuleDataError. */
export function readRuleDocuments(dir: string): RuleDocument[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const docs: RuleDocument[] = [];
  const problems: { file: string; path: string; message: string }[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    try {
      docs.push({ name: file, data: JSON.parse(text) as unknown });
    } catch (err) {
      problems.push({ file, path: '', message: `ogiltig JSON: ${(err as Error).message}` });
    }
  }
  if (problems.length > 0) throw new RuleDataError(problems);
  return docs;
}

/** Build the RuleSet from a folder of rule files. Throws RuleDataError on malformed data. */
export function loadNormRuleSet(dir: string = process.env.VAGEN_NORM_RULES_DIR ?? DEFAULT_NORM_RULES_DIR): RuleSet {
  return buildRuleSet(readRuleDocuments(dir));
}

let cached: RuleSet | null = null;

/** The process-wide RuleSet, loaded on first use (call once at start-up to fail fast on bad data). */
export function getNormRuleSet(): RuleSet {
  cached ??= loadNormRuleSet();
  return cached;
}
