export * from './personnummer.ts';
export * from './roles.ts';
export * from './access.ts';
export * from './case-status.ts';
export * from './journal.ts';
export * from './labels.ts';
export * from './norm/index.ts';
