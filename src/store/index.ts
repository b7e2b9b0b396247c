export * from './database.types.ts';
export * from './dialect-helpers.ts';
export * from './insert-row.ts';
export * from './json.ts';
export * from './migrate.ts';
export * from './prepared.ts';
export * from './sql-errors.ts';
export * from './store.ts';
