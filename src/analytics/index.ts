export * from './analytics.module.ts';
export * from './analytics.types.ts';
export * from './kpis.ts';
export * from './stats.ts';
