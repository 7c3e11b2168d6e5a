import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { newId } from '../ids.ts';

export interface NewDocument {
  caseId: string | null;
  municipality: string;
  /** e.g. 'firstVisitLetter', 'decisionLetter', 'communicationLetter', 'paymentFile', 'accountingExport', 'appealForwarding', 'upload' */
  kind: string;
  title: string;
  mimeType: string;
  content: Buffer;
  language?: string;
  visibleToClient?: boolean;
  related?: { type: string; id: string };
  createdBy: string | null;
  /** Letters and files that are sent are locked at once; they are never changed afterwards. */
  locked: boolean;
}

/** Stores a document on the case (or on the municipality, e.g. a payment file). Returns its id. */
export async function storeDocument(db: Kysely<Database>, doc: NewDocument, now: Date): Promise<string> {
  const id = newId();
  await db
    .insertInto('documents')
    .values({
      id,
      case_id: doc.caseId,
      municipality_code: doc.municipality,
      kind: doc.kind,
      title: doc.title,
      mime_type: doc.mimeType,
      content: doc.content,
      sha256: createHash('sha256').update(doc.content).digest('hex'),
      size_bytes: doc.content.length,
      language: doc.language ?? 'sv',
      visible_to_client: doc.visibleToClient ?? false,
      related_type: doc.related?.type ?? null,
      related_id: doc.related?.id ?? null,
      created_by: doc.createdBy,
      created_at: now.toISOString(),
      locked_at: doc.locked ? now.toISOString() : null,
    })
    .execute();
  return id;
}
