import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifyReply } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Responses are serialised with plain JSON.stringify, never by their schema: a schema that forgot a field must not
 * silently drop it from what the web app receives.
 */
export function installPlainSerializer(app: FastifyInstance) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}

/** A copy of a response schema in which every object that does not say otherwise allows no other properties. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'properties' ? mapValues(value, closed) : closed(value);
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
const mapValues = (o: unknown, f: (v: unknown) => unknown) => Object.fromEntries(Object.entries(o as Record<string, unknown>).map(([k, v]) => [k, f(v)]));

export interface ResponseContractOptions {
  /** Also fail a JSON response under /api/ from a route that declares no response schema for its status. */
  requireDeclared: boolean;
}

/**
 * Checks every JSON response against the response schema its route declares (the API contract), with objects
 * closed: a field the server sends but the contract does not name is an error too, because the web app's types come
 * from the contract. Used by the test suite, so every response any test provokes is checked; a mismatch answers 500
 * and says which route, status and field.
 */
export function installResponseContract(app: FastifyInstance, options: ResponseContractOptions) {
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  const compiled = new WeakMap<object, ValidateFunction>();
  const validatorFor = (schema: object) => {
    let v = compiled.get(schema);
    if (!v) {
      v = ajv.compile(closed(schema) as object);
      compiled.set(schema, v);
    }
    return v;
  };
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !isJson(reply)) return payload;
    const path = request.url.split('?')[0]!;
    const responses = (request.routeOptions.schema?.response ?? {}) as Record<string, object>;
    const status = String(reply.statusCode);
    const schema = responses[status] ?? responses[`${status[0]}xx`] ?? responses.default;
    const where = `${request.method} ${request.routeOptions.url ?? path} → ${status}`;
    if (!schema) {
      if (options.requireDeclared && path.startsWith('/api/') && reply.statusCode < 400) {
        throw new Error(`Response contract: ${where} has no response schema`);
      }
      return payload;
    }
    const validate = validatorFor(schema);
    if (!validate(JSON.parse(payload))) {
      const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
      throw new Error(`Response contract: ${where} does not match its schema: ${problems.join('; ')}`);
    }
    return payload;
  });
}

function isJson(reply: FastifyReply): boolean {
  const type = reply.getHeader('content-type');
  return typeof type === 'string' && type.includes('application/json');
}
