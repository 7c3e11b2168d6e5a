/**
 * Building blocks shared by every area of the API contract. Requests are strict: unknown fields are refused and
 * numbers are never text. Money is integer öre; a date is a Swedish calendar date ("YYYY-MM-DD"); an instant is
 * an ISO 8601 UTC timestamp.
 */
import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { MAX_AMOUNT_ORE } from '@vagen/domain/money.ts';

export const Uuid = Type.String({ format: 'uuid' });
/** A Swedish calendar date, "2026-03-05". */
export const IsoDate = Type.String({ format: 'date' });
/** A point in time, sent and stored in UTC ("2026-03-05T08:30:00.000Z"). */
export const Instant = Type.String({ format: 'date-time' });
/** Integer öre, never negative. */
export const Ore = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_ORE, description: 'Belopp i hela ören.' });
/** Integer öre that may be negative (ledger adjustments, differences). */
export const SignedOre = Type.Integer({ minimum: -MAX_AMOUNT_ORE, maximum: MAX_AMOUNT_ORE, description: 'Belopp i hela ören.' });
export const Text = (max: number) => Type.String({ maxLength: max });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/**
 * One of a fixed set of codes, typed as that set. The extra type members only steer type inference: the server's
 * Fastify type provider infers with TypeBox 1 (`~unsafe` at the top level, a non-empty `enum` tuple inside objects),
 * the contract's own `Static` with this TypeBox.
 */
export const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) }) as TUnsafe<T> & { '~unsafe': T; enum: [T, ...T[]] };

export const IdParams = Type.Object({ id: Uuid });

/** What every error response looks like: a code, a Swedish message and, for 400, the fields at fault. */
/** One invalid field: a JSON-pointer-like path ("/body/adults/0/role") and a Swedish message. */
export const FieldError = Type.Object({ path: Type.String(), message: Type.String() });
export const ProblemResponse = Type.Object({
  error: Type.String({ description: 'VALIDATION, NOT_FOUND, FORBIDDEN, CONFLICT, …' }),
  message: Type.String(),
  fields: Type.Optional(Type.Array(FieldError)),
});

/** An answer without a body: 204 after logging out, deleting and the like. */
export const NoContent = (description: string) => Type.Null({ description });
/** An answer that sends the browser on (302), e.g. to the identity provider and back. */
export const Redirect = (description: string) => Type.Null({ description });
