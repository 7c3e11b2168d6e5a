import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, ValidationFailure, type FieldError } from '../errors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Bodies are validated strictly (a number sent as text is an error, not silently converted); query strings and path
 * parameters arrive as text, so there ajv converts "50" to 50. Unknown body properties are rejected.
 */
export function installValidators(app: FastifyInstance) {
  // verbose: errors carry their schema, so a schema can give its own message ('x-error', see toFieldError).
  const strict = addFormats(new Ajv({ allErrors: true, verbose: true, coerceTypes: false, useDefaults: true, removeAdditional: false, strict: false }));
  const coercing = addFormats(new Ajv({ allErrors: true, coerceTypes: 'array', useDefaults: true, removeAdditional: false, strict: false }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  app.setSchemaErrorFormatter((errors, dataVar) => new ValidationFailure(errors.map((e) => toFieldError(e as ErrorObject, dataVar))));
}

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  'date-time': 'Ange en tidpunkt som ÅÅÅÅ-MM-DDTtt:mm:ssZ.',
  uuid: 'Ogiltigt id.',
  email: 'Ange en giltig e-postadress.',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'ett heltal',
  number: 'ett tal',
  boolean: 'ja/nej (true/false)',
  object: 'ett objekt',
  array: 'en lista',
  null: 'tomt värde',
};

/** Ajv error → field path (JSON pointer under body/query/params) and a plain Swedish message. */
export function toFieldError(e: ErrorObject, dataVar: string): FieldError {
  const part = dataVar === 'querystring' ? 'query' : dataVar;
  let path = `/${part}${e.instancePath}`;
  const p = e.params as Record<string, unknown>;
  let message: string;
  switch (e.keyword) {
    case 'required':
      path = `${path}/${String(p.missingProperty)}`;
      message = 'Uppgiften saknas.';
      break;
    case 'additionalProperties':
      path = `${path}/${String(p.additionalProperty)}`;
      message = 'Okänt fält.';
      break;
    case 'type':
      message = `Ska vara ${TYPE_NAMES[String(p.type)] ?? String(p.type)}.`;
      break;
    case 'minLength':
      message = Number(p.limit) <= 1 ? 'Fältet får inte vara tomt.' : `Minst ${String(p.limit)} tecken.`;
      break;
    case 'maxLength':
      message = `Högst ${String(p.limit)} tecken.`;
      break;
    case 'minimum':
      message = `Lägsta tillåtna värde är ${String(p.limit)}.`;
      break;
    case 'maximum':
      message = `Högsta tillåtna värde är ${String(p.limit)}.`;
      break;
    case 'exclusiveMinimum':
      message = `Värdet måste vara större än ${String(p.limit)}.`;
      break;
    case 'minItems':
      message = `Minst ${String(p.limit)} rader.`;
      break;
    case 'maxItems':
      message = `Högst ${String(p.limit)} rader.`;
      break;
    case 'enum':
    case 'const':
    case 'anyOf':
      message = 'Värdet är inte ett av de tillåtna.';
      break;
    case 'pattern':
      message = 'Värdet har fel format.';
      break;
    case 'format':
      message = FORMAT_MESSAGES[String(p.format)] ?? 'Värdet har fel format.';
      break;
    default:
      message = 'Värdet är inte giltigt.';
  }
  // A schema may say in plain words what is wrong with its value: 'x-error' is a message, or messages by keyword.
  const custom = (e.parentSchema as { 'x-error'?: string | Record<string, string> } | undefined)?.['x-error'];
  if (custom !== undefined && e.keyword !== 'required' && e.keyword !== 'additionalProperties') {
    message = typeof custom === 'string' ? custom : (custom[e.keyword] ?? message);
  }
  return { path, message };
}

/** Every error becomes a JSON answer with a Swedish message; unexpected errors are logged and answered 500 without details. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ValidationFailure) {
      return reply.status(400).send({ error: 'VALIDATION', message: error.message, fields: dedupe(error.fields) });
    }
    if (error instanceof HttpProblem) {
      return reply.status(error.statusCode).send({ error: error.code, message: error.message });
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      return reply.status(400).send({ error: 'VALIDATION', message: 'Uppgifterna är inte giltiga.', fields: fe.validation.map((v) => toFieldError(v as ErrorObject, fe.validationContext ?? 'body')) });
    }
    const status = fe.statusCode ?? 500;
    if (status === 429) return reply.status(429).send({ error: 'RATE_LIMITED', message: 'För många förfrågningar. Försök igen om en stund.' });
    if (status === 413) return reply.status(413).send({ error: 'TOO_LARGE', message: 'Förfrågan är för stor.' });
    if (status === 415) return reply.status(415).send({ error: 'UNSUPPORTED_MEDIA_TYPE', message: 'Skicka uppgifterna som JSON.' });
    if (status >= 400 && status < 500) {
      // Malformed JSON, empty body with a JSON content type and similar client errors.
      return reply.status(400).send({ error: 'BAD_REQUEST', message: 'Förfrågan kunde inte läsas. Kontrollera att den är giltig JSON.' });
    }
    request.log.error({ err: { message: error.message, stack: error.stack } }, 'unexpected error');
    return reply.status(500).send({ error: 'INTERNAL', message: 'Ett oväntat fel inträffade. Inget av det du redan sparat har gått förlorat. Försök igen.' });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: 'NOT_FOUND', message: 'Sidan eller resursen finns inte.' }));
}

function dedupe(fields: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = `${f.path}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
