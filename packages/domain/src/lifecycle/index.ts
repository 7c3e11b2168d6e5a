export * from './auto-close.ts';
export * from './queue.ts';
export * from './documents.ts';
