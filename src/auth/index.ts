export * from './auth.routes.ts';
export * from './auth.service.ts';
export * from './auth.types.ts';
export * from './secrets.ts';
export * from './users.repo.ts';
