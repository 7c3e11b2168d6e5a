/** The responsible unit's contact details, as the systemförvaltare entered them, for the letters about its cases. */
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import type { UnitContact } from './render.ts';

export async function unitContactOf(db: Kysely<Database>, unitId: string): Promise<UnitContact | null> {
  const u = await db.selectFrom('units').select(['contact_phone', 'postal_address', 'e_service_url', 'visiting_address']).where('id', '=', unitId).executeTakeFirst();
  if (!u) return null;
  return { phone: u.contact_phone, postalAddress: u.postal_address, eServiceUrl: u.e_service_url, visitingAddress: u.visiting_address };
}
