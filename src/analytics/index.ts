export * from './analytics.module.ts';
export * from './analytics.types.ts';
export * from './buckets.ts';
export * from './facts.build.ts';
export * from './facts.job.ts';
export * from './kpis.ts';
export * from './rollup.ts';
export * from './stats.ts';
