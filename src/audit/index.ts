export { canonicalJson, hashAuditRow } from './audit.hash.ts';
export * from './audit.service.ts';
export * from './audit.types.ts';
