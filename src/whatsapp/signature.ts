/**
 * Webhook authenticity: X-Hub-Signature-256 on the raw body, the GET verification handshake, and the
 * exact serialisation Meta signs (so the simulator can produce bodies indistinguishable from Meta's).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_HEADER = /^sha256=([0-9a-fA-F]{64})$/;

function computeHmac(rawBody: Buffer | string, appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update(rawBody).digest();
}

/** The full `X-Hub-Signature-256` header value for a body: `sha256=<lowercase hex>`. */
export function signPayload(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${computeHmac(rawBody, appSecret).toString('hex')}`;
}

/**
 * True only when `header` is `sha256=<64 hex>` and matches HMAC-SHA256(appSecret, rawBody).
 * Hash the bytes as received: re-serialising the parsed JSON does not reproduce what Meta signed.
 */
export function verifySignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (appSecret === '' || header === undefined) {
    return false;
  }
  const match = SIGNATURE_HEADER.exec(header.trim());
  if (match?.[1] === undefined) {
    return false;
  }
  const received = Buffer.from(match[1], 'hex');
  const expected = computeHmac(rawBody, appSecret);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export interface ChallengeQuery {
  mode: string | null | undefined;
  token: string | null | undefined;
  challenge: string | null | undefined;
}

/** Compares two secrets in constant time whatever their lengths (both are hashed to 32 bytes first). */
function isSameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The GET handshake (`hub.mode`, `hub.verify_token`, `hub.challenge`): returns the challenge to echo
 * as the 200 body, or null when the request must be refused.
 */
export function verifyChallenge(query: ChallengeQuery, verifyToken: string): string | null {
  const { mode, token, challenge } = query;
  if (verifyToken === '' || mode !== 'subscribe' || typeof token !== 'string') {
    return null;
  }
  if (typeof challenge !== 'string' || challenge === '') {
    return null;
  }
  return isSameSecret(token, verifyToken) ? challenge : null;
}

function escapeCodeUnit(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Minified JSON the way Meta puts it on the wire: every non-ASCII UTF-16 code unit as `\uXXXX`
 * (lowercase hex, so emoji become two escapes) and `/` as `\/`. `/` can only occur inside strings in
 * JSON text, so replacing it everywhere is safe.
 */
export function serializeLikeMeta(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) {
    throw new TypeError('serializeLikeMeta: value is not serialisable to JSON');
  }
  return json.replace(/[\u0080-\uffff]/g, escapeCodeUnit).replace(/\//g, '\\/');
}
