/**
 * Documents on a case: the list, and the content with its mime type. Access goes through the case (404 when the
 * case is not visible); documents of the municipality itself (payment files, accounting exports) only to cashiers
 * and managers of that municipality. Every read is audited before anything is served; a client reads only the
 * documents of their own case that are marked visible to them.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CaseDocuments, fileResponse, IdParams } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { canReadCase, documentKindLabel, hasCapability } from '@vagen/domain';
import { audit, auditDenied } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { loadCaseAccessFacts } from '../cases/access.ts';
import { notFound, unauthorized } from '../errors.ts';

/** "Beslut efter omprövning" → a safe ASCII file name plus the UTF-8 one (RFC 6266 / 5987). */
function contentDisposition(title: string, mime: string): string {
  const ext = mime === 'application/pdf' ? '.pdf' : mime === 'application/xml' || mime === 'text/xml' ? '.xml' : mime === 'text/csv' ? '.csv' : '';
  const name = `${title}${ext}`;
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
  const disposition = mime === 'application/pdf' ? 'inline' : 'attachment';
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function documentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/v1/cases/:id/documents',
    { schema: { tags: ['handlingar'], summary: 'Handlingar i ärendet (brev, beslut, filer)', params: IdParams, response: { 200: CaseDocuments } } },
    async (request) => {
      const { actor, facts } = await guardCase(app, request, request.params.id, 'document.list');
      await audit(deps.db, actor, deps.now(), {
        action: 'document.list',
        targetType: 'case',
        targetId: request.params.id,
        caseId: request.params.id,
        personId: facts.applicantPersonId,
        outcome: 'success',
      });
      const rows = await deps.db
        .selectFrom('documents as d')
        .leftJoin('staff_users as u', 'u.id', 'd.created_by')
        .select(['d.id', 'd.title', 'd.kind', 'd.mime_type', 'd.size_bytes', 'd.created_at', 'd.locked_at', 'd.visible_to_client', 'd.related_type', 'd.related_id', 'u.display_name'])
        .where('d.case_id', '=', request.params.id)
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id')
        .execute();
      return {
        items: rows.map((d) => ({
          id: d.id,
          title: d.title,
          kind: d.kind,
          kindLabel: documentKindLabel(d.kind),
          mimeType: d.mime_type,
          sizeBytes: d.size_bytes,
          createdAt: d.created_at,
          createdByName: d.display_name,
          locked: d.locked_at !== null,
          lockedAt: d.locked_at,
          visibleToClient: d.visible_to_client,
          relatedType: d.related_type,
          relatedId: d.related_id,
          url: `/api/v1/documents/${d.id}`,
        })),
      };
    },
  );

  r.get(
    '/api/v1/documents/:id',
    {
      schema: {
        tags: ['handlingar'],
        summary: 'Handlingens innehåll (loggas)',
        params: IdParams,
        response: { 200: fileResponse('application/octet-stream', 'Handlingen med sin egen innehållstyp (PDF, XML, CSV …)') },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw unauthorized();
      const { db, now } = deps;
      const meta = await db.selectFrom('documents').select(['id', 'case_id', 'municipality_code', 'visible_to_client']).where('id', '=', request.params.id).executeTakeFirst();
      if (!meta) throw notFound('Handlingen');
      let personId: string | null = null;
      if (meta.case_id) {
        if (actor.kind === 'staff') {
          ({
            facts: { applicantPersonId: personId },
          } = await guardCase(app, request, meta.case_id, 'document.read'));
        } else {
          const facts = await loadCaseAccessFacts(db, meta.case_id);
          if (!facts || !canReadCase(actor, facts) || !meta.visible_to_client) {
            await auditDenied(db, actor, now(), { action: 'document.read', targetType: 'document', targetId: meta.id, caseId: facts && canReadCase(actor, facts) ? meta.case_id : null });
            throw notFound('Handlingen');
          }
          personId = actor.personId;
        }
      } else if (actor.kind !== 'staff' || actor.municipality !== meta.municipality_code || !hasCapability(actor.role, 'document.readMunicipal')) {
        await auditDenied(db, actor, now(), { action: 'document.read', targetType: 'document', targetId: meta.id });
        throw notFound('Handlingen');
      }
      // Logged before the content is read: if the record cannot be written, nothing is served.
      await audit(db, actor, now(), { action: 'document.read', targetType: 'document', targetId: meta.id, caseId: meta.case_id, personId, outcome: 'success' });
      const doc = await db.selectFrom('documents').select(['title', 'mime_type', 'content', 'sha256']).where('id', '=', meta.id).executeTakeFirstOrThrow();
      reply.header('content-type', doc.mime_type);
      reply.header('content-disposition', contentDisposition(doc.title, doc.mime_type));
      reply.header('etag', `"${doc.sha256}"`);
      return reply.send(Buffer.from(doc.content));
    },
  );
}
