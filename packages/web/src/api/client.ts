import type { FieldError } from './types.ts';

/** An error answer from the API, or a network failure (status 0). `message` is Swedish and safe to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const GENERIC_ERROR = 'Något gick fel. Försök igen om en stund.';
export const NETWORK_ERROR = 'Det gick inte att nå servern. Kontrollera din anslutning och försök igen.';

const BASE = '/api/v1';

// The CSRF token lives only in memory (never in storage): it comes from login or GET /auth/session.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedHandler = (error: ApiError) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;
/** Called on every 401 (except where the caller handles it itself), e.g. to go to the right sign-in page. */
export function onUnauthorized(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  /** Do not run the global 401 handler (sign-in form, session probe). */
  handle401?: boolean;
  signal?: AbortSignal;
}

async function readError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const b = (body && typeof body === 'object' ? body : {}) as { error?: unknown; message?: unknown; fields?: unknown };
  const code = typeof b.error === 'string' ? b.error : `HTTP_${res.status}`;
  const message = typeof b.message === 'string' && b.message.trim() ? b.message : GENERIC_ERROR;
  const fields = Array.isArray(b.fields) ? b.fields.filter((f): f is FieldError => !!f && typeof f.path === 'string' && typeof f.message === 'string') : [];
  return new ApiError(res.status, code, message, fields);
}

// One id per page the app shows, sent with each request the page makes, so the access log can show a page view as
// one line. The router gives every navigation its own history entry key; a reload starts a new load id.
const loadId = Math.random().toString(36).slice(2, 10);
function pageViewId(): string {
  const state: unknown = typeof window === 'undefined' ? null : window.history.state;
  const key = state && typeof state === 'object' && 'key' in state && typeof state.key === 'string' ? state.key : 'start';
  return `${loadId}:${key}`.replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 100);
}

async function send(method: string, path: string, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-page-view': pageViewId() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR);
  }
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, body, options.signal);
  // A lost or rotated CSRF token: fetch the session's token once and retry.
  if (res.status === 403 && method !== 'GET') {
    const err = await readError(res.clone());
    if (err.code === 'CSRF') {
      const s = await send('GET', '/auth/session', undefined, options.signal);
      if (s.ok) {
        const session = (await s.json()) as { csrfToken?: string };
        if (session.csrfToken) {
          setCsrfToken(session.csrfToken);
          res = await send(method, path, body, options.signal);
        }
      }
    }
  }
  if (!res.ok) {
    const err = await readError(res);
    if (res.status === 401) {
      setCsrfToken(null);
      if (options.handle401 !== false) unauthorizedHandler?.(err);
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
};

/** Turn "/body/title" (or "title") into the last segment, to match a form field name. */
export function fieldName(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/** Field errors keyed by field name. */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (err instanceof ApiError) for (const f of err.fields) out[fieldName(f.path)] ??= f.message;
  return out;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return GENERIC_ERROR;
}
