export * from './content.ts';
export * from './calculation.ts';
export * from './application-status.ts';
