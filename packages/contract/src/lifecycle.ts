/**
 * Watches (bevakningar), documents on a case and the work queues. GET /documents/:id answers the document itself
 * with its own content type (PDF, XML, CSV …), not JSON.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, Uuid } from './common.ts';

export const Watch = Type.Object({
  id: Uuid,
  dueOn: IsoDate,
  text: Type.String(),
  ownerId: Uuid,
  ownerName: Type.String(),
  createdByName: Type.String(),
  createdAt: Type.String(),
  doneAt: Nullable(Type.String()),
  doneByName: Nullable(Type.String()),
  doneNote: Nullable(Type.String()),
  overdue: Type.Boolean(),
});
export type Watch = Static<typeof Watch>;

export const CaseWatches = Type.Object({
  items: Type.Array(Watch),
  owners: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  permissions: Type.Object({ canWrite: Type.Boolean() }),
});
export type CaseWatches = Static<typeof CaseWatches>;

export const NewWatchBody = Type.Object(
  {
    dueOn: IsoDate,
    text: Type.String({ minLength: 1, maxLength: 1000 }),
    ownerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type NewWatchBody = Static<typeof NewWatchBody>;

/** POST /watches/:id/done: the body may be left out. */
export const WatchDoneBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type WatchDoneBody = Static<typeof WatchDoneBody>;

export const CaseDocument = Type.Object({
  id: Uuid,
  title: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  createdAt: Type.String(),
  createdByName: Nullable(Type.String()),
  locked: Type.Boolean(),
  lockedAt: Nullable(Type.String()),
  visibleToClient: Type.Boolean(),
  relatedType: Nullable(Type.String()),
  relatedId: Nullable(Type.String()),
  url: Type.String({ description: 'Handlingens innehåll (GET, loggas).' }),
});
export type CaseDocument = Static<typeof CaseDocument>;
export const CaseDocuments = Type.Object({ items: Type.Array(CaseDocument) });
export type CaseDocuments = Static<typeof CaseDocuments>;

export const WorkQueueItem = Type.Object({
  id: Uuid,
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  priority: Type.Integer(),
  priorityLabel: Type.String(),
  caseId: Nullable(Uuid),
  caseNumber: Nullable(Type.String()),
  ref: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  receivedAt: Type.String(),
  sinceReceived: Type.String(),
  dueAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  assignedTo: Nullable(Type.Object({ id: Uuid, name: Nullable(Type.String()) })),
  assignedRole: Nullable(Type.String()),
});
export type WorkQueueItem = Static<typeof WorkQueueItem>;

const queueProperties = { items: Type.Array(WorkQueueItem), total: Type.Integer(), overdue: Type.Integer(), now: Type.String() };
export const WorkQueue = Type.Object(queueProperties);
export type WorkQueue = Static<typeof WorkQueue>;
export const UnitWorkQueue = Type.Object({ ...queueProperties, unit: Type.Object({ id: Uuid, name: Type.String() }), unassigned: Type.Integer() });
export type UnitWorkQueue = Static<typeof UnitWorkQueue>;
export const UnitWorkQueueQuery = Type.Object({ unitId: Uuid }, { additionalProperties: false });
