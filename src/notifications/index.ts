export * from './notifications.repo.ts';
export * from './notifications.routes.ts';
