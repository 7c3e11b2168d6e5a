export * from './schema.ts';
export * from './connection.ts';
export * from './migrate.ts';
export * from './jobs.ts';
export * from './test-database.ts';
