export * from './holidays.ts';
export * from './auto-close.ts';
export * from './queue.ts';
export * from './documents.ts';
