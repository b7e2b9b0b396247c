export * from './surveys.jobs.ts';
export * from './surveys.module.ts';
