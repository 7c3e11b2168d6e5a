/**
 * /api/v1/admin/rules — the rule documents a municipality owns, for the systemförvaltare (config.manage): the list
 * with validity and source, one document with its versions, a new dated version as a draft (a copy), editing the
 * draft, a preview (a norm calculation or the letter texts with the draft), publishing and withdrawing a draft.
 * A published version never changes. Every read and change is audit-logged (changes in their own transaction).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CreateRuleDraftBody,
  IdParams,
  NormResult,
  RuleDocumentDetail,
  RuleDocumentList,
  RuleDocumentParams,
  RuleLetterPreview,
  RuleNormPreviewBody,
  RuleVersionDetail,
  UpdateRuleDraftBody,
  type RuleDocumentSummary,
  type RuleVersionSummary,
} from '@vagen/contract';
import { hasCapability } from '@vagen/domain';
import { NormInputError, RuleDataError, buildRuleSet, calculateNorm } from '@vagen/domain/norm/index.ts';
import { versionsInForce } from '@vagen/domain/rule-versions.ts';
import type { Database } from '@vagen/db';
import type { Kysely, Selectable } from 'kysely';
import { audit } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { caseworkRuleFiles } from './casework-rules.ts';
import { conflict, forbidden, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { normRuleFiles } from './norm-rules.ts';
import { toValidationFailure } from '../norm/routes.ts';
import { checkDraft, composeNormDocuments, NORM_VERSIONED_KINDS, type StoredVersion } from './compose.ts';
import { letterTexts, LETTER_KINDS } from './letter-preview.ts';
import { publishedVersions, reloadRules, storedVersion } from './live.ts';

type Staff = ReturnType<typeof requireStaff>;

export const RULE_KIND_LABELS: Record<string, string> = {
  riksnorm: 'Riksnorm (normtabell)',
  municipalGuidelines: 'Riktlinjer: tak för skäliga kostnader',
  legalReferences: 'Lagrum',
  reasonPhrases: 'Frasbibliotek för motiveringar',
  supportObstacles: 'Försörjningshinder',
  delegation: 'Delegationsordning',
  fourEyes: 'Fyra ögon',
  intakeChecklists: 'Checklistor i mottagningen',
  intakeSettings: 'Mottagningen: inställningar',
  paymentSettings: 'Utbetalningar: inställningar',
  accountingSettings: 'Bokföring',
  recoveryBases: 'Återkrav: grunder',
  decisionLetter: 'Brevmall: beslut',
  communicationLetter: 'Brevmall: kommunicering',
  firstVisitLetter: 'Brevmall: kallelse till första besök',
  appealLetters: 'Brevmallar: överklagande',
  appealSettings: 'Överklagande: inställningar',
  caseLifecycle: 'Ärendets livscykel',
};

/** The fields a version takes from its own columns, not from its data. */
const VERSION_FIELDS = ['kind', 'id', 'municipality', 'validFrom', 'validTo', 'source'];
const withoutVersionFields = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([k]) => !VERSION_FIELDS.includes(k)));

/** A document as shipped in the rule files. */
interface FileDocument {
  family: 'norm' | 'casework';
  kind: string;
  documentId: string;
  municipality: string | null;
  title: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  data: Record<string, unknown>;
}

function fileDocuments(): FileDocument[] {
  const out: FileDocument[] = [];
  for (const f of normRuleFiles()) {
    const d = f.data as Record<string, unknown>;
    if (!NORM_VERSIONED_KINDS.includes(String(d.kind))) continue;
    out.push({
      family: 'norm',
      kind: String(d.kind),
      documentId: String(d.id),
      municipality: typeof d.municipality === 'string' ? d.municipality : null,
      title: String(d.title ?? d.id),
      validFrom: String(d.validFrom),
      validTo: (d.validTo as string | null) ?? null,
      source: String(d.source),
      data: d,
    });
  }
  for (const d of caseworkRuleFiles()) {
    out.push({
      family: 'casework',
      kind: d.kind,
      documentId: d.id,
      municipality: d.municipality ?? null,
      title: typeof d.title === 'string' ? d.title : (RULE_KIND_LABELS[d.kind] ?? d.kind),
      validFrom: d.validFrom,
      validTo: d.validTo,
      source: d.source,
      data: d,
    });
  }
  return out;
}

type VersionRow = Selectable<Database['rule_versions']> & { created_by_name: string | null; published_by_name: string | null };

async function versionRows(db: Kysely<Database>, municipality: string, documentId?: string): Promise<VersionRow[]> {
  let q = db
    .selectFrom('rule_versions as v')
    .leftJoin('staff_users as c', 'c.id', 'v.created_by')
    .leftJoin('staff_users as p', 'p.id', 'v.published_by')
    .selectAll('v')
    .select(['c.display_name as created_by_name', 'p.display_name as published_by_name'])
    .where('v.municipality_code', '=', municipality);
  if (documentId) q = q.where('v.document_id', '=', documentId);
  return (await q.orderBy('v.created_at').orderBy('v.id').execute()) as unknown as VersionRow[];
}

interface Version extends RuleVersionSummary {
  data: Record<string, unknown>;
  stored: StoredVersion | null;
}

/** The versions of one document the user's municipality sees, with the period each published one applies. */
function versionsOf(file: FileDocument, rows: readonly VersionRow[]): Version[] {
  const fromFile: Version = {
    id: 'file',
    origin: 'file',
    municipality: file.municipality,
    validFrom: file.validFrom,
    validTo: file.validTo,
    appliesTo: null,
    applies: false,
    source: file.source,
    status: 'published',
    createdBy: null,
    createdAt: null,
    publishedBy: null,
    publishedAt: null,
    data: withoutVersionFields(file.data),
    stored: null,
  };
  const own: Version[] = rows
    .filter((r) => r.document_id === file.documentId && r.family === file.family)
    .map((r) => ({
      id: r.id,
      origin: 'municipality',
      municipality: file.family === 'norm' && file.kind === 'riksnorm' ? null : r.municipality_code,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      appliesTo: null,
      applies: false,
      source: r.source,
      status: r.status,
      createdBy: r.created_by_name,
      createdAt: r.created_at,
      publishedBy: r.published_by_name,
      publishedAt: r.published_at,
      data: r.data as Record<string, unknown>,
      stored: storedVersion(r as never),
    }));
  // The one precedence rule, per scope (national, the municipality's own): which published version applies when.
  const published = [fromFile, ...own.filter((v) => v.status === 'published').sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''))];
  const scopes = new Map<string, Version[]>();
  for (const v of published) scopes.set(v.municipality ?? '', [...(scopes.get(v.municipality ?? '') ?? []), v]);
  for (const list of scopes.values()) {
    const inForce = versionsInForce(list.map((v) => ({ validFrom: v.validFrom, validTo: v.validTo, v })));
    for (const x of inForce) Object.assign(x.v, { applies: true, appliesTo: x.validTo });
  }
  return [fromFile, ...own].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
}

const summaryOf = ({ data: _d, stored: _s, ...v }: Version): RuleVersionSummary => v;

function documentHead(file: FileDocument): Omit<RuleDocumentSummary, 'versions'> {
  return {
    documentId: file.documentId,
    family: file.family,
    kind: file.kind,
    kindLabel: RULE_KIND_LABELS[file.kind] ?? file.kind,
    title: file.title,
    editable: true,
    normPreview: file.family === 'norm',
    letterPreview: LETTER_KINDS.includes(file.kind),
  };
}

function visibleFile(actor: Staff, documentId: string): FileDocument {
  const file = fileDocuments().find((f) => f.documentId === documentId && (f.municipality === null || f.municipality === actor.municipality));
  if (!file) throw notFound('Regeldokumentet');
  return file;
}

export async function rulesAdminRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  async function requireAdmin(request: FastifyRequest, action: string): Promise<Staff> {
    const actor = requireStaff(request);
    if (!hasCapability(actor.role, 'config.manage')) {
      await audit(deps.db, actor, deps.now(), { action, targetType: 'ruleDocument', outcome: 'denied' });
      throw forbidden('Bara systemförvaltare kan hantera regelverket.');
    }
    return actor;
  }

  /** A version of the user's municipality, with its document; 404 otherwise. */
  async function ownVersion(db: Kysely<Database>, actor: Staff, id: string) {
    const row = await db.selectFrom('rule_versions').select(['document_id', 'municipality_code']).where('id', '=', id).executeTakeFirst();
    if (!row || row.municipality_code !== actor.municipality) throw notFound('Versionen');
    const file = visibleFile(actor, row.document_id);
    const rows = await versionRows(db, actor.municipality, row.document_id);
    const versions = versionsOf(file, rows);
    return { file, versions, version: versions.find((v) => v.id === id)! };
  }

  function detail(file: FileDocument, v: Version, published: readonly StoredVersion[]) {
    const problems = v.status === 'draft' && v.stored ? checkDraft(v.stored, published, normRuleFiles(), withoutVersionFields(file.data)) : [];
    return { ...summaryOf(v), data: v.data, problems };
  }

  r.get('/api/v1/admin/rules', { schema: { tags: ['regelverk'], summary: 'Kommunens regeldokument med versioner', response: { 200: RuleDocumentList } } }, async (request) => {
    const actor = await requireAdmin(request, 'rules.list');
    await audit(deps.db, actor, deps.now(), { action: 'rules.list', targetType: 'ruleDocument', outcome: 'success' });
    const rows = await versionRows(deps.db, actor.municipality);
    const files = fileDocuments().filter((f) => f.municipality === null || f.municipality === actor.municipality);
    return { documents: files.map((f) => ({ ...documentHead(f), versions: versionsOf(f, rows).map(summaryOf) })) };
  });

  r.get(
    '/api/v1/admin/rules/documents/:documentId',
    { schema: { tags: ['regelverk'], summary: 'Ett regeldokument med alla versioner', params: RuleDocumentParams, response: { 200: RuleDocumentDetail } } },
    async (request) => {
      const actor = await requireAdmin(request, 'rules.read');
      const file = visibleFile(actor, request.params.documentId);
      await audit(deps.db, actor, deps.now(), { action: 'rules.read', targetType: 'ruleDocument', targetId: file.documentId, outcome: 'success' });
      const published = await publishedVersions(deps.db);
      const versions = versionsOf(file, await versionRows(deps.db, actor.municipality, file.documentId));
      return { ...documentHead(file), versions: versions.map((v) => detail(file, v, published)) };
    },
  );

  r.post(
    '/api/v1/admin/rules/documents/:documentId/drafts',
    {
      schema: { tags: ['regelverk'], summary: 'Ny version som utkast (kopia av en befintlig version)', params: RuleDocumentParams, body: CreateRuleDraftBody, response: { 201: RuleVersionDetail } },
    },
    async (request, reply) => {
      const actor = await requireAdmin(request, 'rules.draft.create');
      const file = visibleFile(actor, request.params.documentId);
      const b = request.body;
      if (b.validTo !== null && b.validTo < b.validFrom) throw new ValidationFailure([{ path: '/body/validTo', message: 'Giltig till ligger före giltig från.' }]);
      const from = versionsOf(file, await versionRows(deps.db, actor.municipality, file.documentId)).find((v) => v.id === b.fromVersion);
      if (!from) throw new ValidationFailure([{ path: '/body/fromVersion', message: 'Versionen att kopiera finns inte.' }]);
      const id = newId();
      const at = deps.now().toISOString();
      await deps.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('rule_versions')
          .values({
            id,
            family: file.family,
            kind: file.kind,
            document_id: file.documentId,
            municipality_code: actor.municipality,
            valid_from: b.validFrom,
            valid_to: b.validTo,
            source: b.source,
            data: JSON.stringify(withoutVersionFields(from.data)),
            status: 'draft',
            created_by: actor.userId,
            created_at: at,
            updated_at: at,
          })
          .execute();
        await audit(tx, actor, deps.now(), { action: 'rules.draft.create', targetType: 'ruleVersion', targetId: id, purpose: file.documentId, outcome: 'success' });
      });
      const { file: f, version } = await ownVersion(deps.db, actor, id);
      reply.status(201);
      return detail(f, version, await publishedVersions(deps.db));
    },
  );

  r.patch(
    '/api/v1/admin/rules/versions/:id',
    { schema: { tags: ['regelverk'], summary: 'Ändra ett utkast', params: IdParams, body: UpdateRuleDraftBody, response: { 200: RuleVersionDetail } } },
    async (request) => {
      const actor = await requireAdmin(request, 'rules.draft.update');
      const b = request.body;
      if (b.validTo !== null && b.validTo < b.validFrom) throw new ValidationFailure([{ path: '/body/validTo', message: 'Giltig till ligger före giltig från.' }]);
      await deps.db.transaction().execute(async (tx) => {
        const { version } = await ownVersion(tx, actor, request.params.id);
        if (version.status !== 'draft') throw conflict('Bara ett utkast kan ändras. En publicerad version ändras genom att du gör en ny version.');
        await tx
          .updateTable('rule_versions')
          .set({ valid_from: b.validFrom, valid_to: b.validTo, source: b.source, data: JSON.stringify(withoutVersionFields(b.data)), updated_at: deps.now().toISOString() })
          .where('id', '=', request.params.id)
          .execute();
        await audit(tx, actor, deps.now(), { action: 'rules.draft.update', targetType: 'ruleVersion', targetId: request.params.id, purpose: version.stored?.documentId ?? null, outcome: 'success' });
      });
      const { file, version } = await ownVersion(deps.db, actor, request.params.id);
      return detail(file, version, await publishedVersions(deps.db));
    },
  );

  r.post(
    '/api/v1/admin/rules/versions/:id/preview/norm',
    {
      schema: {
        tags: ['regelverk'],
        summary: 'Provräkning med utkastet',
        description: 'Normberäkning för ett hushåll och en månad med utkastet som om det vore publicerat. Ändrar ingenting.',
        params: IdParams,
        body: RuleNormPreviewBody,
        response: { 200: NormResult },
      },
    },
    async (request) => {
      const actor = await requireAdmin(request, 'rules.preview');
      const { version } = await ownVersion(deps.db, actor, request.params.id);
      if (version.stored?.family !== 'norm') throw new ValidationFailure([{ path: '/params/id', message: 'Versionen är inte en normtabell eller riktlinje.' }]);
      await audit(deps.db, actor, deps.now(), { action: 'rules.preview', targetType: 'ruleVersion', targetId: version.id, outcome: 'success' });
      const published = (await publishedVersions(deps.db)).filter((v) => v.id !== version.id);
      let rules: ReturnType<typeof buildRuleSet>;
      try {
        rules = buildRuleSet(composeNormDocuments(normRuleFiles(), [...published, version.stored]));
      } catch (err) {
        if (!(err instanceof RuleDataError)) throw err;
        throw new ValidationFailure(checkDraft(version.stored, published, normRuleFiles(), null), 'Utkastet har fel som måste rättas innan det går att räkna med det.');
      }
      try {
        return calculateNorm(rules, { ...request.body, municipality: request.body.municipality ?? actor.municipality });
      } catch (err) {
        if (err instanceof NormInputError) throw toValidationFailure(err);
        throw err;
      }
    },
  );

  r.post(
    '/api/v1/admin/rules/versions/:id/preview/letter',
    { schema: { tags: ['regelverk'], summary: 'Brevmallens texter med exempeluppgifter', params: IdParams, response: { 200: RuleLetterPreview } } },
    async (request) => {
      const actor = await requireAdmin(request, 'rules.preview');
      const { version, file } = await ownVersion(deps.db, actor, request.params.id);
      if (!LETTER_KINDS.includes(file.kind)) throw new ValidationFailure([{ path: '/params/id', message: 'Versionen är inte en brevmall.' }]);
      await audit(deps.db, actor, deps.now(), { action: 'rules.preview', targetType: 'ruleVersion', targetId: version.id, outcome: 'success' });
      return { texts: letterTexts(version.data) };
    },
  );

  r.post('/api/v1/admin/rules/versions/:id/publish', { schema: { tags: ['regelverk'], summary: 'Publicera ett utkast', params: IdParams, response: { 200: RuleVersionDetail } } }, async (request) => {
    const actor = await requireAdmin(request, 'rules.publish');
    await deps.db.transaction().execute(async (tx) => {
      // One publish at a time: the check below sees every version published before this one.
      await tx.selectFrom('rule_revision').select('revision').forUpdate().execute();
      const { version, file } = await ownVersion(tx, actor, request.params.id);
      if (version.status !== 'draft' || !version.stored) throw conflict('Bara ett utkast kan publiceras.');
      const problems = checkDraft(version.stored, await publishedVersions(tx), normRuleFiles(), withoutVersionFields(file.data));
      if (problems.length > 0) throw new ValidationFailure(problems, 'Versionen kan inte publiceras förrän felen är rättade.');
      const at = deps.now().toISOString();
      await tx.updateTable('rule_versions').set({ status: 'published', published_by: actor.userId, published_at: at, updated_at: at }).where('id', '=', version.id).execute();
      await tx
        .updateTable('rule_revision')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .execute();
      await audit(tx, actor, deps.now(), { action: 'rules.publish', targetType: 'ruleVersion', targetId: version.id, purpose: file.documentId, outcome: 'success' });
    });
    await reloadRules(deps.db);
    const { file, version } = await ownVersion(deps.db, actor, request.params.id);
    return detail(file, version, []);
  });

  r.post(
    '/api/v1/admin/rules/versions/:id/withdraw',
    { schema: { tags: ['regelverk'], summary: 'Dra tillbaka ett utkast', params: IdParams, response: { 200: RuleVersionDetail } } },
    async (request) => {
      const actor = await requireAdmin(request, 'rules.withdraw');
      await deps.db.transaction().execute(async (tx) => {
        const { version, file } = await ownVersion(tx, actor, request.params.id);
        if (version.status !== 'draft') throw conflict('Bara ett utkast kan dras tillbaka. En publicerad version ersätts av en ny version.');
        const at = deps.now().toISOString();
        await tx.updateTable('rule_versions').set({ status: 'withdrawn', withdrawn_by: actor.userId, withdrawn_at: at, updated_at: at }).where('id', '=', version.id).execute();
        await audit(tx, actor, deps.now(), { action: 'rules.withdraw', targetType: 'ruleVersion', targetId: version.id, purpose: file.documentId, outcome: 'success' });
      });
      const { file, version } = await ownVersion(deps.db, actor, request.params.id);
      return detail(file, version, []);
    },
  );
}
