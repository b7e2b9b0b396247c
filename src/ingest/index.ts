export * from './group-commit.ts';
export * from './ingest.service.ts';
export * from './webhook.routes.ts';
export * from './webhook.service.ts';
