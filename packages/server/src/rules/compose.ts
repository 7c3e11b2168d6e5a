/**
 * The rules in force: the rule files (the national and base set) with the versions a municipality has published on
 * top. Within one document, the domain's one precedence rule applies (versionsInForce: the most recent validFrom in
 * force on a date wins), so a published version ends the previous one the day before it starts. Also checks a draft
 * the same way the rules are checked when they are loaded: buildRuleSet for norm documents (field paths from
 * RuleDataError), and for casework documents the common fields plus the shape of the version it was copied from.
 */
import { buildRuleSet, RuleDataError, type RuleDocument, type RuleSet } from '@vagen/domain/norm/index.ts';
import { versionsInForce } from '@vagen/domain/rule-versions.ts';
import { CaseworkRules, isCaseworkDocument, type CaseworkDocument } from './casework-rules.ts';

/** A version stored in rule_versions, as the composition needs it. */
export interface StoredVersion {
  id: string;
  family: 'norm' | 'casework';
  kind: string;
  documentId: string;
  /** The municipality that owns the version. */
  municipality: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  data: Record<string, unknown>;
}

/** Norm documents with a validity period of their own, which a municipality can publish new versions of. */
export const NORM_VERSIONED_KINDS: readonly string[] = ['riksnorm', 'municipalGuidelines'];

/** The id a version carries inside the rules (in a calculation's sources): the document's id and the version's start. */
export const versionRuleId = (v: Pick<StoredVersion, 'documentId' | 'validFrom'>) => `${v.documentId}@${v.validFrom}`;
export const versionLabel = (v: Pick<StoredVersion, 'id'>) => `version ${v.id}`;

/** The JSON of a version as the rules read it: its own fields, with kind, id, validity and source from the version. */
export function versionData(v: StoredVersion): Record<string, unknown> {
  const data: Record<string, unknown> = { ...v.data, kind: v.kind, id: versionRuleId(v), validFrom: v.validFrom, validTo: v.validTo, source: v.source };
  // Guideline caps and casework documents are the municipality's own; a riksnorm table is national.
  if (v.family === 'casework' || v.kind === 'municipalGuidelines') data.municipality = v.municipality;
  return data;
}

function str(o: unknown, key: string): string | null {
  const v = (o as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v : null;
}

/** The norm rule documents in force: the files, each dated document followed by its published versions. */
export function composeNormDocuments(files: readonly RuleDocument[], versions: readonly StoredVersion[]): RuleDocument[] {
  const out: RuleDocument[] = [];
  const byDocument = new Map<string, StoredVersion[]>();
  for (const v of versions) if (v.family === 'norm') byDocument.set(v.documentId, [...(byDocument.get(v.documentId) ?? []), v]);
  for (const file of files) {
    const id = str(file.data, 'id');
    const own = id === null ? undefined : byDocument.get(id);
    if (!own || !NORM_VERSIONED_KINDS.includes(str(file.data, 'kind') ?? '')) {
      out.push(file);
      continue;
    }
    byDocument.delete(id!);
    const fileVersion = { validFrom: str(file.data, 'validFrom') ?? '', validTo: str(file.data, 'validTo'), doc: file };
    const list = [fileVersion, ...own.map((v) => ({ validFrom: v.validFrom, validTo: v.validTo, doc: { name: versionLabel(v), data: versionData(v) } }))];
    for (const inForce of versionsInForce(list)) out.push({ name: inForce.doc.name, data: { ...(inForce.doc.data as object), validTo: inForce.validTo } });
  }
  // Versions of a document that is no longer among the files still apply, among themselves.
  for (const own of byDocument.values()) {
    const list = own.map((v) => ({ validFrom: v.validFrom, validTo: v.validTo, doc: { name: versionLabel(v), data: versionData(v) } }));
    for (const inForce of versionsInForce(list)) out.push({ name: inForce.doc.name, data: { ...(inForce.doc.data as object), validTo: inForce.validTo } });
  }
  return out;
}

const lineage = (documentId: string, municipality: string | undefined) => `${documentId}|${municipality ?? ''}`;

/** The casework documents in force: per document and municipality, the file and the versions published since. */
export function composeCaseworkDocuments(files: readonly CaseworkDocument[], versions: readonly StoredVersion[]): CaseworkDocument[] {
  const groups = new Map<string, CaseworkDocument[]>();
  const add = (key: string, doc: CaseworkDocument) => groups.set(key, [...(groups.get(key) ?? []), doc]);
  for (const file of files) add(lineage(file.id, file.municipality), file);
  for (const v of versions) if (v.family === 'casework') add(lineage(v.documentId, v.municipality), versionData(v) as CaseworkDocument);
  return [...groups.values()].flatMap((list) => versionsInForce(list));
}

export interface Composed {
  norm: RuleSet;
  casework: CaseworkRules;
}

/** Builds both rule sets. Throws RuleDataError when the norm documents do not hold together. */
export function composeRules(normFiles: readonly RuleDocument[], caseworkFiles: readonly CaseworkDocument[], versions: readonly StoredVersion[]): Composed {
  return { norm: buildRuleSet(composeNormDocuments(normFiles, versions)), casework: new CaseworkRules(composeCaseworkDocuments(caseworkFiles, versions)) };
}

export interface DraftProblem {
  path: string;
  message: string;
}

/**
 * What stops a draft from being published, with paths into its data: the rules as they would be with the draft
 * published (norm), or the draft's fields against the version it was copied from (casework).
 */
export function checkDraft(draft: StoredVersion, published: readonly StoredVersion[], normFiles: readonly RuleDocument[], template: unknown): DraftProblem[] {
  if (draft.validTo !== null && draft.validTo < draft.validFrom) return [{ path: '/validTo', message: 'Giltig till ligger före giltig från.' }];
  if (draft.family === 'norm') {
    try {
      buildRuleSet(composeNormDocuments(normFiles, [...published, draft]));
      return [];
    } catch (err) {
      if (!(err instanceof RuleDataError)) throw err;
      const label = versionLabel(draft);
      return err.problems.map((p) =>
        p.file === label ? { path: `/data${p.path}`, message: p.message } : { path: '/data', message: `${p.message} (i ${p.file.startsWith('version ') ? 'en publicerad version' : p.file})` },
      );
    }
  }
  const problems: DraftProblem[] = [];
  if (!isCaseworkDocument(versionData(draft))) problems.push({ path: '/data', message: 'Dokumentet saknar kind, id, validFrom, validTo eller source.' });
  sameShape(draft.data, template, '/data', problems, true);
  return problems;
}

const KEYS_FROM_VERSION = new Set(['kind', 'id', 'municipality', 'validFrom', 'validTo', 'source']);
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const TYPE_SV: Record<string, string> = { string: 'en text', number: 'ett tal', boolean: 'ja/nej (true/false)', object: 'ett objekt', array: 'en lista', null: 'null' };

/**
 * The draft keeps the fields and kinds of values of the version it was copied from (the code reads those): the
 * document's fields are all there and no others; inside, a value has the kind the same field has in the template.
 */
function sameShape(value: unknown, template: unknown, path: string, problems: DraftProblem[], top = false): void {
  if (problems.length >= 20) return;
  const want = typeName(template);
  const got = typeName(value);
  if (template === null || template === undefined) return;
  if (want !== got) {
    problems.push({ path, message: `ska vara ${TYPE_SV[want] ?? want}` });
    return;
  }
  if (want === 'array') {
    const first = (template as unknown[])[0];
    (value as unknown[]).forEach((item, i) => {
      sameShape(item, first, `${path}/${i}`, problems);
    });
  } else if (want === 'object') {
    const t = template as Record<string, unknown>;
    const v = value as Record<string, unknown>;
    for (const key of Object.keys(t)) {
      if (top && KEYS_FROM_VERSION.has(key)) continue;
      // Inside the document, fields may be optional (rows differ), so only the document's own fields must be there.
      if (!(key in v)) {
        if (top) problems.push({ path: `${path}/${key}`, message: 'fältet saknas' });
      } else sameShape(v[key], t[key], `${path}/${key}`, problems);
    }
    if (top) for (const key of Object.keys(v)) if (!KEYS_FROM_VERSION.has(key) && !(key in t)) problems.push({ path: `${path}/${key}`, message: 'okänt fält' });
  }
}
