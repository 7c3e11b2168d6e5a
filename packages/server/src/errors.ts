/** One invalid field: a JSON-pointer-like path (e.g. "/body/adults/0/role") and a Swedish message. */
export interface FieldError {
  path: string;
  message: string;
}

/** Thrown anywhere in a request: becomes 400 with the field errors. */
export class ValidationFailure extends Error {
  readonly fields: FieldError[];
  constructor(fields: FieldError[], message = 'Uppgifterna är inte giltiga.') {
    super(message);
    this.fields = fields;
  }
}

/** Thrown for expected non-validation failures (401, 403, 404, 409, 423, 503 …) with a Swedish message. */
export class HttpProblem extends Error {
  readonly statusCode: number;
  readonly code: string;
  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
}

export const notFound = (what = 'Uppgiften') => new HttpProblem(404, 'NOT_FOUND', `${what} finns inte eller så saknar du behörighet.`);
export const forbidden = (message = 'Du saknar behörighet för detta.') => new HttpProblem(403, 'FORBIDDEN', message);
export const unauthorized = (message = 'Du behöver logga in.') => new HttpProblem(401, 'UNAUTHENTICATED', message);
export const conflict = (message: string) => new HttpProblem(409, 'CONFLICT', message);
