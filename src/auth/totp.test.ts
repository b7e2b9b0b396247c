import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';
import { decodeBase32, encodeBase32, hotp, type TotpAlgorithm, totp, totpUri, verifyTotp } from './totp.ts';

const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

// RFC 6238, appendix B (8 digits, 30-second steps).
const RFC6238: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP', () => {
  it.each(RFC6238)('matches RFC 6238 at T=%i', (seconds, sha1, sha256, sha512) => {
    expect(totp(SEEDS.sha1, seconds * 1000, 8, 'sha1')).toBe(sha1);
    expect(totp(SEEDS.sha256, seconds * 1000, 8, 'sha256')).toBe(sha256);
    expect(totp(SEEDS.sha512, seconds * 1000, 8, 'sha512')).toBe(sha512);
  });

  it('matches the RFC 4226 HOTP values', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(SEEDS.sha1, counter))).toEqual(expected);
  });

  it('accepts one step of drift either way and nothing further', () => {
    const now = 1_700_000_000_000;
    const code = totp(SEEDS.sha1, now);
    expect(verifyTotp(SEEDS.sha1, code, now)).toBe(true);
    expect(verifyTotp(SEEDS.sha1, code, now + 30_000)).toBe(true);
    expect(verifyTotp(SEEDS.sha1, code, now - 30_000)).toBe(true);
    expect(verifyTotp(SEEDS.sha1, code, now + 90_000)).toBe(false);
    expect(verifyTotp(SEEDS.sha1, '12345', now)).toBe(false);
    expect(verifyTotp(SEEDS.sha1, "' or 1=1", now)).toBe(false);
  });

  it('round-trips base32 and builds the otpauth URI apps read', () => {
    expect(encodeBase32(Buffer.from('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').toString()).toBe('12345678901234567890');
    expect(totpUri('GEZDGNBV', 'ana@example.com')).toBe(
      'otpauth://totp/Sightline:ana%40example.com?secret=GEZDGNBV&issuer=Sightline&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('keeps secrets sealed under the master key, refusing a tampered box', () => {
    const box = createSecretBox(Buffer.alloc(32, 7), 'totp');
    const sealed = box.seal('GEZDGNBVGY3TQOJQ');
    expect(sealed).not.toContain('GEZDGNBV');
    expect(box.open(sealed)).toBe('GEZDGNBVGY3TQOJQ');
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[14] = bytes[14]! ^ 1;
    expect(() => box.open(bytes.toString('base64url'))).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32, 8), 'totp').open(sealed)).toThrow();
  });
});
