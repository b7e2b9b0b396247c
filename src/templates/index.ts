export * from './canned-replies.ts';
export * from './template-parameters.ts';
export * from './templates.repo.ts';
export * from './templates.routes.ts';
export * from './templates.service.ts';
