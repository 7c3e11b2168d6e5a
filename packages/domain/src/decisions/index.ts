export * from './types.ts';
export * from './delegation.ts';
export * from './communication.ts';
export * from './draft.ts';
export * from './appeal-route.ts';
export * from './decide.ts';
export * from './phrase-insert.ts';
