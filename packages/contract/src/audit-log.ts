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
});
export type AuditLogItem = Static<typeof AuditLogItem>;

export const AuditSearchResult = Type.Object({ items: Type.Array(AuditLogItem) });
export type AuditSearchResult = Static<typeof AuditSearchResult>;
