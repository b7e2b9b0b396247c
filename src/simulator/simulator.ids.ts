import { randomBytes, randomInt } from 'node:crypto';

/**
 * Message ids shaped like Meta's: `wamid.` + base64 of a small protobuf-like record holding the
 * counterpart's number and a random 20-character hex id, e.g. `wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQz…AA=`.
 * Being base64 they may contain `/` and `+`, which is a useful test of the helpdesk's escaping.
 */
export function createWamid(counterpart: string, direction: 'inbound' | 'outbound'): string {
  const party = Buffer.from(counterpart.slice(0, 120), 'utf8');
  const random = Buffer.from(randomBytes(10).toString('hex').toUpperCase(), 'ascii');
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, party.length]),
    party,
    Buffer.from([0x15, 0x02, 0x00, direction === 'inbound' ? 0x12 : 0x11, 0x18, random.length]),
    random,
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}

/** A random numeric id of `length` digits with no leading zero, like Meta's object ids. */
export function createNumericId(length = 15): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < length) {
    digits += String(randomInt(0, 10));
  }
  return digits;
}

/** Media ids look like `1037543291543636` (16 digits). */
export function createMediaId(): string {
  return createNumericId(16);
}

/** Opaque token for a short-lived media download URL. */
export function createDownloadToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Meta's `fbtrace_id`: 23 url-safe characters. */
export function createFbtraceId(): string {
  return randomBytes(18).toString('base64url').slice(0, 23);
}
