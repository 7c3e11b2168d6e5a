/** The API contract. Each area's schemas live in their own module; this file re-exports them. */
export * from './common.ts';
export * from './auth.ts';
