/**
 * Keeps this process's rules current: the rule files plus the versions published in the database. A publish raises
 * rule_revision in its transaction; the process that publishes rebuilds at once, every other process compares the
 * revision with its own on a request at most once a second (RULES_CHECK_MS) and rebuilds when it has changed.
 */
import type { Database } from '@vagen/db';
import type { Kysely } from 'kysely';
import { setPublishedCaseworkRules, caseworkRuleFiles } from './casework-rules.ts';
import { HttpProblem } from '../errors.ts';
import { normRuleFiles, setPublishedNormRuleSet } from './norm-rules.ts';
import { composeRules, type StoredVersion } from './compose.ts';

export const RULES_CHECK_MS = 1000;

interface State {
  db: Kysely<Database> | null;
  revision: number;
  checkedAt: number;
  loading: Promise<void> | null;
}
const state: State = { db: null, revision: -1, checkedAt: 0, loading: null };

type Row = Pick<Database['rule_versions'], 'id' | 'family' | 'kind' | 'document_id' | 'municipality_code' | 'valid_from' | 'valid_to' | 'source' | 'status'> & { data: unknown };

export function storedVersion(row: Row): StoredVersion {
  return {
    id: row.id,
    family: row.family,
    kind: row.kind,
    documentId: row.document_id,
    municipality: row.municipality_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    source: row.source,
    data: row.data as Record<string, unknown>,
  };
}

/** Every published version, in the order of publication (the later of two with the same start wins). */
export async function publishedVersions(db: Kysely<Database>): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('rule_versions')
    .select(['id', 'family', 'kind', 'document_id', 'municipality_code', 'valid_from', 'valid_to', 'source', 'status', 'data'])
    .where('status', '=', 'published')
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  return rows.map(storedVersion);
}

async function currentRevision(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('rule_revision').select('revision').executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/** Rebuild the rules from the files and the published versions of this database. */
export async function reloadRules(db: Kysely<Database>): Promise<void> {
  const revision = await currentRevision(db);
  const versions = await publishedVersions(db);
  if (versions.length === 0) {
    setPublishedNormRuleSet(null);
    setPublishedCaseworkRules(null);
  } else {
    const composed = composeRules(normRuleFiles(), caseworkRuleFiles(), versions);
    setPublishedNormRuleSet(composed.norm);
    setPublishedCaseworkRules(composed.casework);
  }
  Object.assign(state, { db, revision, checkedAt: performance.now() });
}

/** Make sure the rules are those of the database's current revision (checked at most every RULES_CHECK_MS). */
export async function ensureCurrentRules(db: Kysely<Database>): Promise<void> {
  if (state.db === db && performance.now() - state.checkedAt < RULES_CHECK_MS) return;
  if (state.loading) return state.loading;
  state.loading = (async () => {
    try {
      const revision = await currentRevision(db);
      if (state.db === db && revision === state.revision) state.checkedAt = performance.now();
      else await reloadRules(db);
    } catch {
      throw new HttpProblem(503, 'RULES_UNAVAILABLE', 'Regelverket kan inte läsas just nu. Försök igen om en stund.');
    } finally {
      state.loading = null;
    }
  })();
  return state.loading;
}
