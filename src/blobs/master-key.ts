import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { BlobTamperedError } from './vault.types.ts';

/**
 * The master key wraps each blob's data key (AES-256-GCM). A wrapped key is base64 of
 *
 *   version 0x01 | key id (4) | iv (12) | encrypted data key (32) | tag (16)        65 bytes
 *
 * with aad = version | key id | "sightline/media-vault/data-key". The key id is the first 4 bytes of
 * HMAC-SHA256(masterKey, "sightline/master-key-id"): it names the master key without revealing it, so a
 * keyring of old and new master keys can pick the right one. Rotation re-wraps data keys only (a row
 * update per blob); the ciphertext in the store never changes.
 */
const WRAP_VERSION = 1;
const KEY_ID_LENGTH = 4;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
export const DATA_KEY_LENGTH = 32;
const WRAPPED_LENGTH = 1 + KEY_ID_LENGTH + IV_LENGTH + DATA_KEY_LENGTH + TAG_LENGTH;
const PURPOSE = Buffer.from('sightline/media-vault/data-key', 'ascii');

export class MasterKeyMismatchError extends Error {
  readonly keyId: string;
  constructor(keyId: string) {
    super(
      `This blob's data key was wrapped by another master key (key id ${keyId}). ` +
        'Is SIGHTLINE_MASTER_KEY the key the media was stored with (or listed among the previous keys)?',
    );
    this.name = 'MasterKeyMismatchError';
    this.keyId = keyId;
  }
}

/** A fresh random 32-byte master key (store it as hex: `generateMasterKey().toString('hex')`). */
export function generateMasterKey(): Buffer {
  return randomBytes(32);
}

/** Parses a 64-hex-character master key; throws a clear TypeError otherwise. */
export function parseMasterKey(hex: string): Buffer {
  const trimmed = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    throw new TypeError('The master key must be 64 hexadecimal characters (32 bytes).');
  }
  return Buffer.from(trimmed, 'hex');
}

export function identifyMasterKey(masterKey: Buffer): string {
  assertMasterKey(masterKey);
  return createHmac('sha256', masterKey)
    .update('sightline/master-key-id')
    .digest()
    .subarray(0, 4)
    .toString('hex');
}

export interface Keyring {
  /** Wraps a data key with the current master key. */
  wrap(dataKey: Buffer): string;
  /** Unwraps with whichever known master key made it; MasterKeyMismatchError or BlobTamperedError. */
  unwrap(wrappedKey: string): Buffer;
  /** Whether the wrapped key uses an older master key (or format) and should be re-wrapped. */
  isOutdated(wrappedKey: string): boolean;
}

export function createKeyring(current: Buffer, previous: readonly Buffer[] = []): Keyring {
  const currentId = identifyMasterKey(current);
  const keys = new Map<string, Buffer>([[currentId, current]]);
  for (const key of previous) {
    keys.set(identifyMasterKey(key), key);
  }

  return {
    wrap(dataKey) {
      const head = Buffer.alloc(1 + KEY_ID_LENGTH);
      head.writeUInt8(WRAP_VERSION, 0);
      head.write(currentId, 1, 'hex');
      const iv = randomBytes(IV_LENGTH);
      const cipher = createCipheriv('aes-256-gcm', current, iv).setAAD(Buffer.concat([head, PURPOSE]));
      const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return Buffer.concat([head, iv, sealed, cipher.getAuthTag()]).toString('base64');
    },

    unwrap(wrappedKey) {
      const bytes = decodeWrapped(wrappedKey);
      const keyId = bytes.subarray(1, 1 + KEY_ID_LENGTH).toString('hex');
      const masterKey = keys.get(keyId);
      if (!masterKey) {
        throw new MasterKeyMismatchError(keyId);
      }
      const ivEnd = 1 + KEY_ID_LENGTH + IV_LENGTH;
      const decipher = createDecipheriv('aes-256-gcm', masterKey, bytes.subarray(1 + KEY_ID_LENGTH, ivEnd));
      decipher.setAAD(Buffer.concat([bytes.subarray(0, 1 + KEY_ID_LENGTH), PURPOSE]));
      decipher.setAuthTag(bytes.subarray(WRAPPED_LENGTH - TAG_LENGTH));
      try {
        return Buffer.concat([
          decipher.update(bytes.subarray(ivEnd, WRAPPED_LENGTH - TAG_LENGTH)),
          decipher.final(),
        ]);
      } catch {
        throw new BlobTamperedError("The blob's wrapped data key failed its integrity check.");
      }
    },

    isOutdated(wrappedKey) {
      return (
        decodeWrapped(wrappedKey)
          .subarray(1, 1 + KEY_ID_LENGTH)
          .toString('hex') !== currentId
      );
    },
  };
}

function decodeWrapped(wrappedKey: string): Buffer {
  const bytes = Buffer.from(wrappedKey, 'base64');
  if (bytes.length !== WRAPPED_LENGTH || bytes.readUInt8(0) !== WRAP_VERSION) {
    throw new BlobTamperedError("The blob's wrapped data key is malformed or of an unknown version.");
  }
  return bytes;
}

function assertMasterKey(key: Buffer): void {
  if (key.length !== 32) {
    throw new TypeError(`The master key must be 32 bytes, got ${key.length}.`);
  }
}
