/** Data-protection rights: customer export and erasure, retention policies and their job. */
export { type ErasureReport, eraseCustomer } from './customer-erase.ts';
export { exportCustomer } from './customer-export.ts';
export {
  createPrivacyModule,
  type PrivacyModule,
  RETENTION_EVERY_MS,
  retentionJob,
} from './privacy.module.ts';
export { DATA_CLASSES, type RetentionPolicies, type RetentionRun } from './retention.ts';
