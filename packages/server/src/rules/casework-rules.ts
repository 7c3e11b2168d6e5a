/**
 * Casework configuration as data: every *.json file in packages/domain/rules/casework (override the folder with
 * VAGEN_CASEWORK_RULES_DIR). Each document has { kind, id, municipality?, validFrom, validTo, source, ... }.
 * Legal references, reason phrases, försörjningshinder codes, delegation, four-eyes settings, checklists, letter
 * templates and payment settings are such documents, so a municipality changes them without a code change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CaseworkDocument {
  kind: string;
  id: string;
  /** Four-digit municipality code; absent = national (applies everywhere unless a municipality has its own). */
  municipality?: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  [key: string]: unknown;
}

export const DEFAULT_CASEWORK_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../domain/rules/casework');

export class CaseworkRules {
  constructor(readonly documents: readonly CaseworkDocument[]) {}

  /**
   * The document of a kind in force on `date` (YYYY-MM-DD) for a municipality; a municipality's own document wins
   * over a national one. Null when none is in force.
   */
  find<T extends CaseworkDocument = CaseworkDocument>(kind: string, municipality: string, date: string): T | null {
    const inForce = this.documents.filter((d) => d.kind === kind && d.validFrom <= date && (d.validTo === null || date <= d.validTo));
    const own = inForce.filter((d) => d.municipality === municipality);
    const pool = own.length ? own : inForce.filter((d) => d.municipality === undefined);
    // The most recent start wins when periods overlap (a correction published later).
    return (pool.sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0] as T | undefined) ?? null;
  }

  /** Like find(), but a missing document is a configuration error with a clear Swedish message. */
  require<T extends CaseworkDocument = CaseworkDocument>(kind: string, municipality: string, date: string): T {
    const doc = this.find<T>(kind, municipality, date);
    if (!doc) throw new Error(`Konfiguration saknas: ${kind} för kommun ${municipality} den ${date}.`);
    return doc;
  }
}

export function loadCaseworkRules(dir: string = process.env.VAGEN_CASEWORK_RULES_DIR ?? DEFAULT_CASEWORK_RULES_DIR): CaseworkRules {
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return new CaseworkRules([]);
  }
  const docs: CaseworkDocument[] = [];
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    for (const d of Array.isArray(data) ? data : [data]) {
      const doc = d as Partial<CaseworkDocument>;
      if (typeof doc.kind !== 'string' || typeof doc.id !== 'string' || typeof doc.validFrom !== 'string' || typeof doc.source !== 'string' || !('validTo' in doc)) {
        throw new Error(`Regelfilen ${file} saknar kind, id, validFrom, validTo eller source.`);
      }
      docs.push(doc as CaseworkDocument);
    }
  }
  return new CaseworkRules(docs);
}

let cached: CaseworkRules | null = null;
export function getCaseworkRules(): CaseworkRules {
  cached ??= loadCaseworkRules();
  return cached;
}
