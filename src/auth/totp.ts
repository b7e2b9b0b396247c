import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export function encodeBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

export function decodeBase32(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) {
      throw new TypeError('not a base32 string');
    }
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** HOTP (RFC 4226): HMAC of the 8-byte big-endian counter, dynamically truncated to `digits` digits. */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS, algorithm: TotpAlgorithm = 'sha1') {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** TOTP (RFC 6238) for a Unix time in milliseconds. */
export function totp(key: Buffer, nowMs: number, digits = TOTP_DIGITS, algorithm: TotpAlgorithm = 'sha1') {
  return hotp(key, Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS), digits, algorithm);
}

/** Accepts the current code and one step either side (clock drift between phone and server). */
export function verifyTotp(key: Buffer, code: string, nowMs: number): boolean {
  if (!/^\d{6}$/.test(code)) {
    return false;
  }
  const step = Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS);
  let match = false;
  for (const counter of [step - 1, step, step + 1]) {
    match = timingSafeEqual(Buffer.from(hotp(key, counter)), Buffer.from(code)) || match;
  }
  return match;
}

/** A new 160-bit secret (RFC 4226's recommended length), base32 as authenticator apps expect. */
export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(20));
}

/** The enrolment URI authenticator apps read (Key Uri Format), usually shown as a QR code. */
export function totpUri(secret: string, account: string, issuer = 'Sightline'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
