/** The organisation area: the staff of the user's municipality. */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Uuid } from './common.ts';

export const StaffMember = Type.Object({
  id: Uuid,
  displayName: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  employedSince: IsoDate,
  active: Type.Boolean(),
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});
export type StaffMember = Static<typeof StaffMember>;

export const StaffList = Type.Object({ items: Type.Array(StaffMember) });
export type StaffList = Static<typeof StaffList>;
