export * from './delivery-status.ts';
export * from './read-receipt.job.ts';
export * from './reply.service.ts';
export * from './send.job.ts';
