/** Calls to /api/v1/admin (systemförvaltning). */
import { request } from '../api/client.ts';

export const adminApi = {
  get: <T>(path: string) => request<T>('GET', `/admin${path}`),
  post: <T>(path: string, body: unknown) => request<T>('POST', `/admin${path}`, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', `/admin${path}`, body),
};

/** Only the systemförvaltare administers Vägen (the domain's config.manage). */
export const canAdminister = (role: string | undefined) => role === 'systemAdministrator';
