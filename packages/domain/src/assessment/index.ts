export * from './content.ts';
export * from './calculation.ts';
