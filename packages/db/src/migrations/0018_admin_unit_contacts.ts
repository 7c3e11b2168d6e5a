/**
 * Systemförvaltning: what the system administrator keeps up to date without a developer.
 * - units carry their contact details (telephone, postal address, e-service address, visiting address), printed on
 *   every letter about a case of the unit;
 * - staff_users.idp_username: the user's name at the municipality's identity provider when it differs from the
 *   Vägen username (null: the Vägen username is the one the provider sends, as before).
 */
export const statements: string[] = [
  `alter table units add column contact_phone text`,
  `alter table units add column postal_address text`,
  `alter table units add column e_service_url text`,
  `alter table units add column visiting_address text`,
  `alter table staff_users add column idp_username text`,
  `create unique index staff_users_idp_username_idx on staff_users (idp_username) where idp_username is not null`,
];
