/** GET /cases/:id/documents. */
export interface CaseDocument {
  id: string;
  title: string;
  kind: string;
  kindLabel: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
  createdByName: string | null;
  locked: boolean;
  lockedAt: string | null;
  visibleToClient: boolean;
  relatedType: string | null;
  relatedId: string | null;
  url: string;
}
