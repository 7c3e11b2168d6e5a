import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { StaffList, type StaffMember } from '@vagen/contract';
import { ROLE_LABELS, hasCapability, isStaffRole } from '@vagen/domain';
import { requireStaff } from '../auth/sessions.ts';
import { forbidden } from '../errors.ts';

/** Staff of the user's municipality (names, roles, units): for assignment and for the managers' log checks. */
export async function staffRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/v1/staff', { schema: { tags: ['organisation'], summary: 'Personal i kommunen', response: { 200: StaffList } } }, async (request) => {
    const actor = requireStaff(request);
    if (!hasCapability(actor.role, 'case.assign') && !hasCapability(actor.role, 'audit.search')) throw forbidden();
    const rows = await db
      .selectFrom('staff_users as s')
      .leftJoin('staff_units as su', 'su.user_id', 's.id')
      .leftJoin('units as u', 'u.id', 'su.unit_id')
      .select(['s.id', 's.display_name', 's.role', 's.employed_since', 's.active', 'u.id as unit_id', 'u.name as unit_name'])
      .where('s.municipality_code', '=', actor.municipality)
      .orderBy('s.display_name')
      .execute();
    const byId = new Map<string, StaffMember>();
    for (const r of rows) {
      const entry = byId.get(r.id) ?? {
        id: r.id,
        displayName: r.display_name,
        role: r.role,
        roleLabel: isStaffRole(r.role) ? ROLE_LABELS[r.role] : r.role,
        employedSince: r.employed_since,
        active: r.active,
        units: [],
      };
      if (r.unit_id && r.unit_name) entry.units.push({ id: r.unit_id, name: r.unit_name });
      byId.set(r.id, entry);
    }
    return { items: [...byId.values()] };
  });
}
