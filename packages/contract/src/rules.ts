/**
 * Rule documents a municipality owns (/api/v1/admin/rules, systemförvaltare only): norm tables, guideline caps,
 * letter templates, phrases, legal references, delegation, four-eyes, checklists, payment settings. Each document has
 * versions with a validity period and a source: the one shipped as a file and the municipality's own. A change is a
 * new dated version (a draft, edited, previewed and then published); a published version never changes.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FieldError, Instant, IsoDate, Nullable, literals } from './common.ts';
import { NormCalculationBody } from './norm.ts';

export const RULE_FAMILIES = ['norm', 'casework'] as const;
export const RULE_VERSION_STATUSES = ['published', 'draft', 'withdrawn'] as const;

/** A document id as in the rule files ("guidelines-2281-2026"). */
export const RuleDocumentParams = Type.Object({ documentId: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}$' }) }, { additionalProperties: false });
export type RuleDocumentParams = Static<typeof RuleDocumentParams>;

export const RuleVersionSummary = Type.Object({
  /** "file" for the version shipped with Vägen, otherwise the version's uuid. */
  id: Type.String(),
  origin: literals(['file', 'municipality'] as const, 'Levererad med Vägen eller kommunens egen version.'),
  /** The municipality the version is for; null = national (applies where a municipality has no version of its own). */
  municipality: Nullable(Type.String()),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  /** Published versions: the last day the version applies, after later versions are taken into account (null = until further notice); null also when it never applies or is not published. */
  appliesTo: Nullable(IsoDate),
  /** The version applies on at least one day (a published version superseded from its first day does not). */
  applies: Type.Boolean(),
  source: Type.String(),
  status: literals(RULE_VERSION_STATUSES),
  createdBy: Nullable(Type.String()),
  createdAt: Nullable(Instant),
  publishedBy: Nullable(Type.String()),
  publishedAt: Nullable(Instant),
});
export type RuleVersionSummary = Static<typeof RuleVersionSummary>;

export const RuleDocumentSummary = Type.Object({
  documentId: Type.String(),
  family: literals(RULE_FAMILIES),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  /** New versions can be made (documents without a validity period of their own, like the regimes, cannot). */
  editable: Type.Boolean(),
  /** A norm document: a draft can be tried in a calculation. */
  normPreview: Type.Boolean(),
  /** A letter template: a draft can be shown as text. */
  letterPreview: Type.Boolean(),
  versions: Type.Array(RuleVersionSummary),
});
export type RuleDocumentSummary = Static<typeof RuleDocumentSummary>;

export const RuleDocumentList = Type.Object({ documents: Type.Array(RuleDocumentSummary) });
export type RuleDocumentList = Static<typeof RuleDocumentList>;

/** The JSON of a rule document, as in the rule files. */
export const RuleData = Type.Record(Type.String(), Type.Unknown());

export const RuleVersionDetail = Type.Composite([
  RuleVersionSummary,
  Type.Object({
    data: RuleData,
    /** A draft: what stops it from being published (path into data, Swedish message). Empty when it can be published. */
    problems: Type.Array(FieldError),
  }),
]);
export type RuleVersionDetail = Static<typeof RuleVersionDetail>;

export const RuleDocumentDetail = Type.Composite([Type.Omit(RuleDocumentSummary, ['versions']), Type.Object({ versions: Type.Array(RuleVersionDetail) })]);
export type RuleDocumentDetail = Static<typeof RuleDocumentDetail>;

const Source = Type.String({ minLength: 1, maxLength: 4000, description: 'Källa: beslut, författning eller dokument som versionen bygger på.' });

export const CreateRuleDraftBody = Type.Object(
  {
    /** The version to copy: "file" or a version's uuid. */
    fromVersion: Type.String({ pattern: '^(file|[0-9a-fA-F-]{36})$' }),
    validFrom: IsoDate,
    validTo: Nullable(IsoDate),
    source: Source,
  },
  { additionalProperties: false },
);
export type CreateRuleDraftBody = Static<typeof CreateRuleDraftBody>;

export const UpdateRuleDraftBody = Type.Object(
  {
    validFrom: IsoDate,
    validTo: Nullable(IsoDate),
    source: Source,
    data: RuleData,
  },
  { additionalProperties: false },
);
export type UpdateRuleDraftBody = Static<typeof UpdateRuleDraftBody>;

/** A household and month to calculate with the draft applied (as a trial calculation; municipality defaults to the user's). */
export const RuleNormPreviewBody = NormCalculationBody;
export type RuleNormPreviewBody = Static<typeof RuleNormPreviewBody>;

/** A letter template filled with example values: each text of the template, where it sits and the text. */
export const RuleLetterPreview = Type.Object({
  texts: Type.Array(Type.Object({ path: Type.String(), label: Type.String(), text: Type.String() })),
});
export type RuleLetterPreview = Static<typeof RuleLetterPreview>;
