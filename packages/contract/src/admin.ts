/**
 * Systemförvaltning (/api/v1/admin/*): staff users, roles, units and the municipality, kept by the system
 * administrator. Only the capability `config.manage` reaches these routes.
 */
import { Type, type Static } from '@sinclair/typebox';
import { STAFF_ROLES } from '@vagen/domain';
import { Instant, IsoDate, Nullable, Uuid, literals } from './common.ts';

const Username = Type.String({
  minLength: 2,
  maxLength: 64,
  pattern: '^[a-z0-9][a-z0-9._@-]*$',
  'x-error': { pattern: 'Använd små bokstäver a–z, siffror, punkt, bindestreck, understreck eller @.' },
});
const Name = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S', 'x-error': { pattern: 'Fältet får inte vara tomt.' } });
const Password = Type.String({ minLength: 12, maxLength: 200, 'x-error': { minLength: 'Lösenordet ska ha minst 12 tecken.' } });
const Role = literals(STAFF_ROLES, 'Rollens kod');

export const AdminUser = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  employedSince: IsoDate,
  active: Type.Boolean(),
  hasPassword: Type.Boolean({ description: 'Har ett lokalt lösenord' }),
  idpUsername: Nullable(Type.String({ description: 'Namnet hos kommunens identitetstjänst, om det inte är användarnamnet' })),
  lockedUntil: Nullable(Instant),
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});
export type AdminUser = Static<typeof AdminUser>;
export const AdminUserList = Type.Object({ items: Type.Array(AdminUser) });
export type AdminUserList = Static<typeof AdminUserList>;

export const CreateAdminUserBody = Type.Object({
  username: Username,
  displayName: Name,
  role: Role,
  unitIds: Type.Array(Uuid, { maxItems: 50 }),
  employedSince: IsoDate,
  idpUsername: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  password: Type.Optional(Nullable(Password)),
});
export type CreateAdminUserBody = Static<typeof CreateAdminUserBody>;

export const UpdateAdminUserBody = Type.Object({
  displayName: Name,
  role: Role,
  unitIds: Type.Array(Uuid, { maxItems: 50 }),
  idpUsername: Nullable(Type.String({ maxLength: 200 })),
});
export type UpdateAdminUserBody = Static<typeof UpdateAdminUserBody>;

export const SetUserActiveBody = Type.Object({ active: Type.Boolean() });
export type SetUserActiveBody = Static<typeof SetUserActiveBody>;

export const ResetPasswordBody = Type.Object({ password: Nullable(Password) });
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

export const AdminRole = Type.Object({
  code: Type.String(),
  label: Type.String(),
  capabilities: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
});
export const AdminRoleList = Type.Object({ items: Type.Array(AdminRole) });
export type AdminRoleList = Static<typeof AdminRoleList>;

/** A unit's contact details, as printed on its letters. Empty text is stored as missing. */
export const UnitContact = Type.Object({
  contactPhone: Nullable(Type.String({ maxLength: 40 })),
  postalAddress: Nullable(Type.String({ maxLength: 300 })),
  eServiceUrl: Nullable(Type.String({ maxLength: 300 })),
  visitingAddress: Nullable(Type.String({ maxLength: 300 })),
});
export const AdminUnit = Type.Composite([Type.Object({ id: Uuid, name: Type.String(), municipalityCode: Type.String(), municipalityName: Type.String(), staffCount: Type.Integer() }), UnitContact]);
export type AdminUnit = Static<typeof AdminUnit>;
export const AdminUnitList = Type.Object({ items: Type.Array(AdminUnit) });
export type AdminUnitList = Static<typeof AdminUnitList>;
export const SaveUnitBody = Type.Composite([Type.Object({ name: Name }), UnitContact]);
export type SaveUnitBody = Static<typeof SaveUnitBody>;

export const AdminMunicipality = Type.Object({ code: Type.String(), name: Type.String() });
export type AdminMunicipality = Static<typeof AdminMunicipality>;
export const SaveMunicipalityBody = Type.Object({ name: Name });
export type SaveMunicipalityBody = Static<typeof SaveMunicipalityBody>;
