/**
 * "Hämta förra månadens motivering": POST /api/v1/decisions/:id/carry-forward copies the per-item reasons of the
 * previous month's decision into this draft for the items whose content did not change, and says which items changed
 * and need fresh reasons. A carried reason replaces the item's reason, so doing it twice repeats nothing.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CarryForwardResponse, IdParams } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { carryForwardReasons, diffApplicationContent, swedishDate } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, notFound } from '../errors.ts';
import { previousMonthOf } from '../assessment/follow-up.ts';
import { caseRow, loadApplication, recordEvent } from '../assessment/store.ts';
import { contentFor, saveDraft } from './drafts.ts';
import { decisionJson, draftOf, loadDecision, toDecision } from './store.ts';

export async function carryForwardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.post(
    '/api/v1/decisions/:id/carry-forward',
    {
      schema: {
        tags: ['beslut'],
        summary: 'Hämta förra månadens motivering per post för de poster som inte ändrats (de ändrade behöver ny motivering)',
        params: IdParams,
        response: { 200: CarryForwardResponse },
      },
    },
    async (request) => {
      const found = await loadDecision(deps.db, request.params.id);
      if (!found) throw notFound('Beslutet');
      const { actor, facts } = await guardCase(app, request, found.caseId, 'decision.update', 'assessment.write');
      if (found.status === 'decided') throw conflict('Beslutet är fattat och kan inte ändras.');
      const application = found.applicationId ? await loadApplication(deps.db, found.applicationId) : null;
      const previous = application ? await previousMonthOf(deps.db, application) : null;
      if (!application || !previous) throw conflict('Det finns ingen ifylld, beslutad förra månad att hämta motivering från.');
      const prevRow = await deps.db.selectFrom('decisions').selectAll().where('application_id', '=', previous.id).where('status', '=', 'decided').orderBy('decided_at', 'desc').executeTakeFirst();
      if (!prevRow) throw conflict('Förra månadens beslut finns inte.');
      const prevDecision = toDecision(prevRow);
      const content = await contentFor(deps.db, application);
      const changes = diffApplicationContent(previous.content!, content);
      const now = deps.now();
      const c = await caseRow(deps.db, found.caseId);
      const result = await deps.db.transaction().execute(async (tx) => {
        const locked = toDecision(await tx.selectFrom('decisions').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow());
        if (locked.status === 'decided') throw conflict('Beslutet är fattat och kan inte ändras.');
        const d = draftOf(locked);
        // Only items that need a reason (something refused) get one.
        const needing = d.items.filter((i) => i.refused > 0);
        const carried = carryForwardReasons(prevDecision.items, needing, changes);
        for (const item of carried.items) {
          const target = d.items.find((i) => i.key === item.key);
          if (target) target.reason = item.reason;
        }
        await saveDraft(tx, locked.id, d, c.municipality_code, swedishDate(locked.createdAt ?? locked.decidedAt), now);
        await recordEvent(tx, {
          caseId: locked.caseId,
          objectType: 'decision',
          objectId: locked.id,
          event: 'reasonsCarriedForward',
          from: locked.status,
          to: locked.status,
          actorId: actor.userId,
          note: `Från beslutet för ${previous.periodMonth}`,
          at: now,
        });
        await audit(tx, actor, now, { action: 'decision.update', targetType: 'decision', targetId: locked.id, caseId: locked.caseId, personId: facts.applicantPersonId, outcome: 'success' });
        return carried;
      });
      const decision = await decisionJson(deps.db, (await loadDecision(deps.db, found.id))!, { municipality: c.municipality_code, content, now, actorRole: actor.role });
      return { decision, carryForward: { carried: result.carried, changed: result.changed, fromMonth: previous.periodMonth } };
    },
  );
}
