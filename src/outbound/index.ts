export * from './delivery-status.ts';
export * from './reply.service.ts';
export * from './send.job.ts';
