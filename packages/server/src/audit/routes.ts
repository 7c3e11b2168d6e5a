import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AuditSearchBody, AuditSearchResult } from '@vagen/contract';
import { swedishDate, hasCapability, parsePersonnummer } from '@vagen/domain';
import { audit } from './log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { forbidden, ValidationFailure } from '../errors.ts';

/**
 * Managers' search of the access log (lag 2001:454 10 §: access must be checkable and checked systematically).
 * Personnummer goes in the body, never in a URL.
 */
export async function auditLogRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;
  r.post(
    '/api/v1/audit/search',
    {
      schema: {
        tags: ['logguppföljning'],
        summary: 'Sök i åtkomstloggen (chefer)',
        body: AuditSearchBody,
        response: { 200: AuditSearchResult },
      },
    },
    async (request) => {
      const actor = requireStaff(request);
      if (!hasCapability(actor.role, 'audit.search')) throw forbidden('Bara enhetschefer kan söka i åtkomstloggen.');
      const b = request.body;
      const now = deps.now();
      let personId: string | null = null;
      if (b.personnummer) {
        const pnr = parsePersonnummer(b.personnummer, swedishDate(now));
        if (!pnr.ok) throw new ValidationFailure([{ path: '/body/personnummer', message: pnr.message }]);
        const person = await deps.db.selectFrom('persons').select('id').where('personnummer', '=', pnr.value.value).executeTakeFirst();
        personId = person?.id ?? '00000000-0000-0000-0000-000000000000';
      }
      if (b.from && b.to && b.from > b.to) throw new ValidationFailure([{ path: '/body/to', message: 'Slutet på perioden ligger före början.' }]);
      await audit(deps.db, actor, now, { action: 'audit.search', targetType: 'auditLog', personId, caseId: b.caseId ?? null, outcome: 'success' });

      let q = deps.db
        .selectFrom('audit_log as l')
        .leftJoin('staff_users as s', (j) => j.onRef('s.id', '=', 'l.actor_id').on('l.actor_kind', '=', 'staff'))
        .leftJoin('cases as c', 'c.id', 'l.case_id')
        .select(['l.id', 'l.at', 'l.actor_kind', 'l.actor_id', 'l.actor_role', 's.display_name', 'l.action', 'l.target_type', 'l.target_id', 'l.case_id', 'c.case_number', 'l.purpose', 'l.outcome'])
        // A manager sees events on the cases of their units and the actions of staff in their municipality.
        .where((eb) => eb.or([...(actor.unitIds.length ? [eb('c.unit_id', 'in', actor.unitIds)] : []), eb('s.municipality_code', '=', actor.municipality)]));
      if (personId) {
        const pid = personId;
        q = q.where((eb) =>
          eb.or([
            eb('l.person_id', '=', pid),
            eb('l.case_id', 'in', eb.selectFrom('cases as pc').innerJoin('household_members as hm', 'hm.household_id', 'pc.household_id').select('pc.id').where('hm.person_id', '=', pid)),
          ]),
        );
      }
      if (b.actorId) q = q.where('l.actor_id', '=', b.actorId);
      if (b.caseId) q = q.where('l.case_id', '=', b.caseId);
      if (b.from) q = q.where('l.at', '>=', new Date(b.from).toISOString());
      if (b.to) q = q.where('l.at', '<=', new Date(b.to).toISOString());
      const rows = await q
        .orderBy('l.at', 'desc')
        .orderBy('l.id', 'desc')
        .limit(b.limit ?? 200)
        .execute();
      return {
        items: rows.map((x) => ({
          id: x.id,
          at: x.at,
          actorKind: x.actor_kind,
          actorId: x.actor_id,
          actorName: x.display_name ?? (x.actor_kind === 'client' ? 'Sökande' : null),
          actorRole: x.actor_role,
          action: x.action,
          targetType: x.target_type,
          targetId: x.target_id,
          caseId: x.case_id,
          caseNumber: x.case_number,
          purpose: x.purpose,
          outcome: x.outcome,
        })),
      };
    },
  );
}
