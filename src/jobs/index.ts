export * from './db.job-queue.ts';
export * from './job-queue.ts';
export * from './pgboss.job-queue.ts';
export * from './recurring.ts';
