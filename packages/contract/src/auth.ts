/**
 * Sign-in: staff with a local account or at the municipality's identity provider, clients with e-ID (OpenID
 * Connect). The session itself is an httpOnly cookie; every change also sends the session's CSRF token.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Instant, IsoDate, Nullable, Ore, Uuid } from './common.ts';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const StaffProfile = Type.Object({
  id: Uuid,
  displayName: Type.String(),
  role: Type.String({ description: 'caseWorker, unitManager, cashier, systemAdministrator, …' }),
  roleLabel: Type.String(),
  municipality: Type.Object({ code: Type.String(), name: Type.String() }),
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});
export type StaffProfile = Static<typeof StaffProfile>;

export const StaffSession = Type.Object({
  kind: Type.Literal('staff'),
  user: StaffProfile,
  csrfToken: Type.String(),
});
export type StaffSession = Static<typeof StaffSession>;

export const ClientSession = Type.Object({
  kind: Type.Literal('client'),
  person: Type.Object({ id: Uuid, firstName: Type.String(), lastName: Type.String() }),
  csrfToken: Type.String(),
});
export type ClientSession = Static<typeof ClientSession>;

export const Session = Type.Union([StaffSession, ClientSession]);
export type Session = Static<typeof Session>;

/** Which ways of signing in the staff sign-in page offers besides the local account form. */
export const SignInMethods = Type.Object({
  staffOidc: Type.Boolean({ description: 'Inloggning via kommunens identitetstjänst är inställd.' }),
});
export type SignInMethods = Static<typeof SignInMethods>;

/** Where to go after a sign-in at an identity provider (own pages only; anything else goes to the start page). */
export const SignInStartQuery = Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 200 })) });
export type SignInStartQuery = Static<typeof SignInStartQuery>;

/**
 * The identity provider's answer (OpenID Connect authorization response): a code and the state, or an error. Other
 * parameters a provider adds are allowed; the relying party checks them.
 */
export const SignInCallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 2000 })),
  state: Type.Optional(Type.String({ maxLength: 500 })),
  iss: Type.Optional(Type.String({ maxLength: 500 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type SignInCallbackQuery = Static<typeof SignInCallbackQuery>;

/** Mina sidor: the signed-in client's own cases with their latest decisions and payments. */
export const MyCase = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  unitName: Type.String(),
  responsibleWorkerName: Nullable(Type.String()),
  openedAt: Instant,
  closedAt: Nullable(Instant),
  decisions: Type.Array(
    Type.Object({
      id: Uuid,
      outcome: Type.String(),
      outcomeLabel: Type.String(),
      periodStart: IsoDate,
      periodEnd: IsoDate,
      amount: Ore,
      decidedAt: Nullable(Instant),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      id: Uuid,
      amount: Ore,
      plannedDate: IsoDate,
      status: Type.String(),
      statusLabel: Type.String(),
    }),
  ),
});
export type MyCase = Static<typeof MyCase>;
export const MyCases = Type.Object({ items: Type.Array(MyCase) });
export type MyCases = Static<typeof MyCases>;
