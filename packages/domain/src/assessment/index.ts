export * from './content.ts';
export * from './calculation.ts';
export * from './application-status.ts';
export * from './follow-up.ts';
export * from './from-interview.ts';
