import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeLikeMeta, signPayload, verifyChallenge, verifySignature } from './signature.ts';
import { parseWebhook } from './webhook.parser.ts';

const appSecret = 'f3c1a5b8e2d94c6a8b0e7d1c2a3b4c5d';
/** A body exactly as Meta puts it on the wire: `\u00e9`, surrogate pairs and `\/` escapes. */
const wireBody = readFileSync(
  new URL('../../test/fixtures/whatsapp/wire-image-escaped.json', import.meta.url),
);
const hmacHeader = (body: Buffer | string, secret = appSecret) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('verifySignature', () => {
  it('the wire fixture really carries the escapes Meta sends', () => {
    const text = wireBody.toString('utf8');
    expect(text).toContain('caf\\u00e9');
    expect(text).toContain('image\\/jpeg');
    expect(text).toContain('\\ud83d\\ude00');
  });

  it('accepts the signature computed over the raw bytes', () => {
    expect(verifySignature(wireBody, hmacHeader(wireBody), appSecret)).toBe(true);
    expect(
      verifySignature(wireBody, hmacHeader(wireBody).toUpperCase().replace('SHA256=', 'sha256='), appSecret),
    ).toBe(true);
  });

  it('rejects the body once re-serialised with JSON.stringify(JSON.parse(body))', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(wireBody.toString('utf8'))));
    expect(reserialised.equals(wireBody)).toBe(false);
    expect(verifySignature(reserialised, hmacHeader(wireBody), appSecret)).toBe(false);
  });

  it.each<[string, string | undefined]>([
    ['missing header', undefined],
    ['empty header', ''],
    ['no prefix', createHmac('sha256', appSecret).update(wireBody).digest('hex')],
    ['sha1 header', `sha1=${createHmac('sha1', appSecret).update(wireBody).digest('hex')}`],
    ['truncated hex', hmacHeader(wireBody).slice(0, -2)],
    ['non-hex', `sha256=${'z'.repeat(64)}`],
    ['other secret', hmacHeader(wireBody, 'another-secret')],
    ['one byte off', `${hmacHeader(wireBody).slice(0, -1)}${hmacHeader(wireBody).endsWith('0') ? '1' : '0'}`],
  ])('rejects %s', (_label, header) => {
    expect(verifySignature(wireBody, header, appSecret)).toBe(false);
  });

  it('rejects everything when the app secret is empty', () => {
    expect(verifySignature(wireBody, hmacHeader(wireBody, ''), '')).toBe(false);
  });

  it('signPayload returns the full header value for buffers and strings', () => {
    expect(signPayload(wireBody, appSecret)).toBe(hmacHeader(wireBody));
    expect(signPayload(wireBody.toString('utf8'), appSecret)).toBe(hmacHeader(wireBody));
  });

  it('the verified body parses', () => {
    const parsed = parseWebhook(JSON.parse(wireBody.toString('utf8')));
    expect(parsed).toMatchObject({
      kind: 'messages',
      changes: [
        {
          messages: [
            { content: { caption: 'La máquina del café ☕ no funciona 😀', mimeType: 'image/jpeg' } },
          ],
        },
      ],
    });
  });
});

describe('serializeLikeMeta', () => {
  it('reproduces the exact bytes Meta sent', () => {
    expect(serializeLikeMeta(JSON.parse(wireBody.toString('utf8')))).toBe(wireBody.toString('utf8'));
  });

  it.each<[unknown, string]>([
    [{ name: 'café' }, '{"name":"caf\\u00e9"}'],
    [{ mime: 'image/jpeg' }, '{"mime":"image\\/jpeg"}'],
    [{ emoji: '😀' }, '{"emoji":"\\ud83d\\ude00"}'],
    [['ÑANDÚ', '☕'], '["\\u00d1AND\\u00da","\\u2615"]'],
    [{ ar: 'مرحبا' }, '{"ar":"\\u0645\\u0631\\u062d\\u0628\\u0627"}'],
    [{ quote: 'a"b\\c\n' }, '{"quote":"a\\"b\\\\c\\n"}'],
    [{ n: 1.5, ok: true, none: null }, '{"n":1.5,"ok":true,"none":null}'],
  ])('%j → %s', (value, expected) => {
    const serialised = serializeLikeMeta(value);
    expect(serialised).toBe(expected);
    expect(JSON.parse(serialised)).toEqual(value);
    expect(/^[\x20-\x7e]*$/.test(serialised)).toBe(true);
  });

  it('round-trips every fixture', () => {
    const fixtures = [
      'document',
      'reaction',
      'text-referral',
      'batch-several-senders',
      'interactive-nfm-reply',
    ];
    for (const name of fixtures) {
      const text = readFileSync(
        new URL(`../../test/fixtures/whatsapp/${name}.json`, import.meta.url),
        'utf8',
      );
      const value: unknown = JSON.parse(text);
      expect(JSON.parse(serializeLikeMeta(value))).toEqual(value);
    }
  });

  it('throws on values JSON cannot represent', () => {
    expect(() => serializeLikeMeta(undefined)).toThrow(TypeError);
  });
});

describe('verifyChallenge', () => {
  const verifyToken = 'sightline-verify-8d2f';

  it('returns the challenge for a subscribe request with the right token', () => {
    expect(
      verifyChallenge({ mode: 'subscribe', token: verifyToken, challenge: '1158201444' }, verifyToken),
    ).toBe('1158201444');
  });

  it.each([
    ['wrong token', { mode: 'subscribe', token: 'nope', challenge: '1' }],
    ['token prefix', { mode: 'subscribe', token: verifyToken.slice(0, -1), challenge: '1' }],
    ['wrong mode', { mode: 'unsubscribe', token: verifyToken, challenge: '1' }],
    ['missing token', { mode: 'subscribe', token: null, challenge: '1' }],
    ['missing challenge', { mode: 'subscribe', token: verifyToken, challenge: undefined }],
    ['empty challenge', { mode: 'subscribe', token: verifyToken, challenge: '' }],
  ])('returns null on %s', (_label, query) => {
    expect(verifyChallenge(query, verifyToken)).toBeNull();
  });

  it('returns null when no verify token is configured', () => {
    expect(verifyChallenge({ mode: 'subscribe', token: '', challenge: '1' }, '')).toBeNull();
  });
});
