/** Reads for the administration pages: staff users with their units and sign-in means, units with contacts. */
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import type { AdminUnit, AdminUser } from '@vagen/contract';
import { ROLE_LABELS, isStaffRole } from '@vagen/domain';

export type Db = Kysely<Database>;

export async function loadAdminUsers(db: Db, municipality: string, onlyId?: string): Promise<AdminUser[]> {
  let q = db
    .selectFrom('staff_users as s')
    .leftJoin('staff_units as su', 'su.user_id', 's.id')
    .leftJoin('units as u', 'u.id', 'su.unit_id')
    .select(['s.id', 's.username', 's.display_name', 's.role', 's.employed_since', 's.active', 's.idp_username', 's.locked_until', 'u.id as unit_id', 'u.name as unit_name'])
    .select((eb) => eb('s.password_hash', 'is not', null).as('has_password'))
    .where('s.municipality_code', '=', municipality);
  if (onlyId) q = q.where('s.id', '=', onlyId);
  const rows = await q.orderBy('s.display_name').orderBy('s.id').orderBy('u.name').execute();
  const byId = new Map<string, AdminUser>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      roleLabel: isStaffRole(r.role) ? ROLE_LABELS[r.role] : r.role,
      employedSince: r.employed_since,
      active: r.active,
      hasPassword: Boolean(r.has_password),
      idpUsername: r.idp_username,
      lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
      units: [],
    };
    if (r.unit_id && r.unit_name) entry.units.push({ id: r.unit_id, name: r.unit_name });
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}

export async function loadAdminUnits(db: Db, municipality: string, onlyId?: string): Promise<AdminUnit[]> {
  let q = db
    .selectFrom('units as u')
    .innerJoin('municipalities as m', 'm.code', 'u.municipality_code')
    .select(['u.id', 'u.name', 'u.municipality_code', 'm.name as municipality_name', 'u.contact_phone', 'u.postal_address', 'u.e_service_url', 'u.visiting_address'])
    .select((eb) =>
      eb
        .selectFrom('staff_units as su')
        .innerJoin('staff_users as s', 's.id', 'su.user_id')
        .whereRef('su.unit_id', '=', 'u.id')
        .where('s.active', '=', true)
        .select(eb.fn.countAll<string>().as('n'))
        .as('staff_count'),
    )
    .where('u.municipality_code', '=', municipality);
  if (onlyId) q = q.where('u.id', '=', onlyId);
  const rows = await q.orderBy('u.name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    staffCount: Number(r.staff_count ?? 0),
    contactPhone: r.contact_phone,
    postalAddress: r.postal_address,
    eServiceUrl: r.e_service_url,
    visitingAddress: r.visiting_address,
  }));
}
