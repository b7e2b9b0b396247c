import { createHmac } from 'node:crypto';

const NON_ASCII = /[\u0080-\uffff]/g;

function escapeCodeUnit(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Serialises a value the way Meta puts webhook bodies on the wire: minified JSON, every non-ASCII
 * UTF-16 code unit escaped as `\uXXXX` with lowercase hex (so emoji become surrogate pairs), and `/`
 * escaped as `\/`. `/` can only occur inside JSON strings, so a global replace is safe.
 */
export function serializeLikeMeta(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) {
    throw new TypeError('Cannot serialise undefined as a webhook body');
  }
  return json.replace(NON_ASCII, escapeCodeUnit).replaceAll('/', '\\/');
}

/** `sha256=<hex HMAC-SHA256(appSecret, exact body bytes)>`, the `X-Hub-Signature-256` value. */
export function signWebhookBody(appSecret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}
