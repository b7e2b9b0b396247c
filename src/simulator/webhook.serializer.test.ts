import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serializeLikeMeta, signWebhookBody } from './webhook.serializer.ts';

describe('serializeLikeMeta', () => {
  it.each([
    ['accented latin', { name: 'café' }, '{"name":"caf\\u00e9"}'],
    ['emoji as a lowercase surrogate pair', { emoji: '👍' }, '{"emoji":"\\ud83d\\udc4d"}'],
    ['arabic', { body: 'مرحبا' }, '{"body":"\\u0645\\u0631\\u062d\\u0628\\u0627"}'],
    ['slashes', { mime_type: 'image/jpeg' }, '{"mime_type":"image\\/jpeg"}'],
    ['quotes and newlines stay JSON escapes', { body: 'a "b"\nc' }, '{"body":"a \\"b\\"\\nc"}'],
    ['numbers and nesting, minified', { a: [1, 2.5, { b: true }] }, '{"a":[1,2.5,{"b":true}]}'],
  ])('%s', (_label, value, expected) => {
    const serialized = serializeLikeMeta(value);
    expect(serialized).toBe(expected);
    expect(JSON.parse(serialized)).toEqual(value);
    expect(/[^\x20-\x7e]/.test(serialized)).toBe(false);
  });

  it('produces bytes that a re-serialisation would not reproduce', () => {
    const body = serializeLikeMeta({ text: { body: 'Où est ma commande? 1/2' } });
    expect(JSON.stringify(JSON.parse(body))).not.toBe(body);
  });
});

describe('signWebhookBody', () => {
  it('is sha256= plus the hex HMAC of the exact bytes', () => {
    const body = serializeLikeMeta({ text: 'é/' });
    const expected = createHmac('sha256', 'secret').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signWebhookBody('secret', body)).toBe(`sha256=${expected}`);
  });
});
