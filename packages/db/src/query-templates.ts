import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Hot queries built with Kysely once per shape instead of on every request: building and compiling a large query
 * (the case list, the case page) costs more CPU than the database spends running it.
 *
 * `build(db, values)` is called once per database handle and shape key with marker values in place of the real ones; compiling records
 * where each marker became a parameter. Later calls with the same shape reuse the SQL text and only bind the new
 * values. So `build` may branch only on what the shape key captures (which filters are present, how many units),
 * never on the values themselves; a marker that reaches the SQL text instead of a parameter, or is computed with
 * (`limit + offset`), makes the call throw.
 */
export function queryTemplate<V extends Record<string, unknown>, O>(build: (db: Kysely<Database>, values: V) => Compilable<O>) {
  // Per database handle: the SQL depends on its dialect.
  const byDb = new WeakMap<Kysely<Database>, Map<string, { sql: string; slots: Slot[] }>>();
  return (db: Kysely<Database>, shape: string, values: V): CompiledQuery<O> => {
    let compiled = byDb.get(db);
    if (!compiled) {
      compiled = new Map();
      byDb.set(db, compiled);
    }
    let template = compiled.get(shape);
    if (!template) {
      template = compileTemplate((v: V) => build(db, v), values);
      compiled.set(shape, template);
    }
    const parameters = template.slots.map((slot) => bind(slot, values));
    return CompiledQuery.raw(template.sql, parameters) as CompiledQuery<O>;
  };
}

const MARK = '\u0000vagen-param:';

/** A parameter position: a constant of the query, one value, or an array of values (one parameter each element). */
type Slot = { constant: unknown } | { key: string; index?: number } | { array: { key: string; index?: number }[] };

function compileTemplate<V extends Record<string, unknown>, O>(build: (values: V) => Compilable<O>, values: V) {
  // Strings, numbers and arrays become markers; booleans, null and undefined stay as they are, because they choose
  // the query's shape (and so must be in the shape key).
  const markers = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.map((_, i) => `${MARK}${key}#${i}`) : typeof value === 'string' || typeof value === 'number' ? `${MARK}${key}` : value,
    ]),
  ) as V;
  const { sql, parameters } = build(markers).compile();
  if (sql.includes(MARK)) throw new Error('queryTemplate: a value was written into the SQL text instead of a parameter');
  return { sql, slots: parameters.map(slotOf) };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the marker starts with NUL so that no real value looks like one.
const MARKER = /^\u0000vagen-param:([A-Za-z_$][\w$]*)(?:#(\d+))?$/;

/** The value a marker stands for; null for anything else, a marker mixed into a longer string included. */
function markerRef(value: unknown): { key: string; index?: number } | null {
  const m = typeof value === 'string' ? MARKER.exec(value) : null;
  if (!m) return null;
  return m[2] === undefined ? { key: m[1]! } : { key: m[1]!, index: Number(m[2]) };
}

function slotOf(parameter: unknown): Slot {
  const ref = markerRef(parameter);
  if (ref) return ref;
  if (Array.isArray(parameter) && parameter.length && parameter.every((p) => markerRef(p))) {
    return { array: parameter.map((p) => markerRef(p)!) };
  }
  if (containsMarker(parameter)) throw new Error('queryTemplate: a value was transformed before it became a parameter');
  return { constant: parameter };
}

function containsMarker(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(MARK);
  if (Array.isArray(value)) return value.some(containsMarker);
  if (value && typeof value === 'object') return Object.values(value).some(containsMarker);
  return false;
}

function valueAt(ref: { key: string; index?: number }, values: Record<string, unknown>): unknown {
  const value = values[ref.key];
  if (ref.index === undefined) return value;
  if (!Array.isArray(value)) throw new Error(`queryTemplate: ${ref.key} is no longer an array (the shape key must say so)`);
  return value[ref.index];
}

function bind(slot: Slot, values: Record<string, unknown>): unknown {
  if ('constant' in slot) return slot.constant;
  if ('array' in slot) {
    const first = slot.array[0]!;
    const whole = values[first.key];
    // The whole array as one parameter (`= any($1)`) follows the current length; single elements do not.
    if (slot.array.every((r, i) => r.key === first.key && r.index === i) && Array.isArray(whole)) return whole;
    return slot.array.map((r) => valueAt(r, values));
  }
  return valueAt(slot, values);
}
