export * from './bootstrap.ts';
export * from './data-dir.ts';
export * from './runtime.ts';
