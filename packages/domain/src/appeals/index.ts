export * from './deadline.ts';
export * from './status.ts';
export * from './reconsideration.ts';
