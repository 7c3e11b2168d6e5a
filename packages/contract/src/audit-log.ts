/** The access log search (managers): who did what, when, on which case. Personnummer goes in the body, never in a URL. */
import { Type, type Static } from '@sinclair/typebox';
import { Instant, Nullable, Uuid, literals } from './common.ts';

export const AuditSearchBody = Type.Object(
  {
    personnummer: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    actorId: Type.Optional(Uuid),
    caseId: Type.Optional(Uuid),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type AuditSearchBody = Static<typeof AuditSearchBody>;

export const AuditLogItem = Type.Object({
  id: Type.Integer(),
  at: Instant,
  actorKind: literals(['staff', 'client', 'system', 'anonymous'] as const),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Nullable(Type.String()),
  caseId: Nullable(Uuid),
  caseNumber: Nullable(Type.String()),
  purpose: Nullable(Type.String()),
  outcome: literals(['success', 'denied', 'failed'] as const),
  /** The request that wrote the record, and the page view in the web app that made it (null when not known). */
  requestId: Nullable(Type.String()),
  pageViewId: Nullable(Type.String()),
});
export type AuditLogItem = Static<typeof AuditLogItem>;

/** One review line: the records one page view (or one request) of one person caused; the records stay one per read. */
export const AuditLogView = Type.Object({
  key: Type.String(),
  /** The latest record's time. */
  at: Instant,
  actorKind: literals(['staff', 'client', 'system', 'anonymous'] as const),
  actorName: Nullable(Type.String()),
  /** In Swedish, e.g. "Visade ärendesidan". */
  label: Type.String(),
  caseNumbers: Type.Array(Type.String()),
  /** The worst outcome among the records (denied before failed before success). */
  outcome: literals(['success', 'denied', 'failed'] as const),
  /** Ids of the view's records in `items`, newest first. */
  recordIds: Type.Array(Type.Integer()),
});
export type AuditLogView = Static<typeof AuditLogView>;

export const AuditSearchResult = Type.Object({ items: Type.Array(AuditLogItem), views: Type.Array(AuditLogView) });
export type AuditSearchResult = Static<typeof AuditSearchResult>;
