import { Type, type TUnsafe } from '@sinclair/typebox';

/** A schema for one of a fixed set of codes; its `enum` is typed as the tuple, so every reader of the schema's shape sees the set. */
export type TOneOf<V extends readonly string[]> = TUnsafe<V[number]> & { type: 'string'; enum: [...V] };

/**
 * One of a fixed set of codes (a domain constant such as DECISION_OUTCOMES): typed as that set by TypeBox's Static
 * and by the server's type provider alike, and refused with "Värdet är inte ett av de tillåtna." otherwise.
 */
export function oneOf<const V extends readonly string[]>(values: V, options: { description?: string } = {}): TOneOf<V> {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options }) as TOneOf<V>;
}
