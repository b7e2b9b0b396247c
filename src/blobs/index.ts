export { assertBlobKey, InvalidBlobKeyError, isValidBlobKey } from './blob-key.ts';
export type { BlobStore } from './blob-store.ts';
export { createLocalDiskBlobStore, type LocalDiskBlobStoreOptions } from './local-disk.blob-store.ts';
export {
  generateMasterKey,
  identifyMasterKey,
  MasterKeyMismatchError,
  parseMasterKey,
} from './master-key.ts';
export {
  createMediaVault,
  type MediaVaultOptions,
  type RotatingMediaVault,
} from './media-vault.ts';
export { createS3BlobStore, type S3BlobStoreOptions } from './s3.blob-store.ts';
export {
  BlobNotFoundError,
  BlobTamperedError,
  BlobTooLargeError,
  type MediaVault,
  type SealedBlob,
} from './vault.types.ts';
