import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFilename } from './filename.ts';
import { parseRange } from './media.routes.ts';
import { sniffMedia } from './media.sniff.ts';
import { createMediaUrlSigner } from './media.urls.ts';

describe('sanitizeFilename', () => {
  it.each([
    ['Facture café.pdf', 'Facture café.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\photo.jpg', 'photo.jpg'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u0000b\u0007c.txt', 'abc.txt'],
    ['  ..hidden.  ', 'hidden'],
    ['CON.txt', '_CON.txt'],
    ['', 'fallback.bin'],
    ['فاتورة.pdf', 'فاتورة.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFilename(input, 'fallback.bin')).toBe(expected);
  });

  it('limits the length and keeps the extension', () => {
    const name = sanitizeFilename(`${'é'.repeat(300)}.pdf`, 'x');
    expect(name.endsWith('.pdf')).toBe(true);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(240);
  });

  it('writes an RFC 5987 Content-Disposition with an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'Facture café.pdf')).toBe(
      `attachment; filename="Facture cafe_.pdf"; filename*=UTF-8''Facture%20caf%C3%A9.pdf`,
    );
  });
});

describe('sniffMedia', () => {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
  // EBML header with DocType "webm": the container a browser's MediaRecorder writes.
  const webm = Buffer.from([
    0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04,
    0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85,
    0x81, 0x02,
  ]);
  it.each([
    ['a JPEG photo', jpeg, 'image', 'image/jpeg', 'accept'],
    ['a PNG labelled JPEG', png, 'image', 'image/jpeg', 'accept'],
    ['a PDF sent as a photo', Buffer.from('%PDF-1.7\n'), 'image', 'image/jpeg', 'quarantine'],
    [
      'an SVG sent as a photo',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'image',
      'image/png',
      'quarantine',
    ],
    [
      'HTML called invoice.pdf',
      Buffer.from('<!doctype html><p>hi'),
      'document',
      'application/pdf',
      'quarantine',
    ],
    ['plain text', Buffer.from('Order 1234, please call me'), 'document', 'text/plain', 'accept'],
    ['a shell script as text', Buffer.from('#!/bin/sh\nrm -rf /'), 'document', 'text/plain', 'quarantine'],
    ['a JPEG called report.pdf', jpeg, 'document', 'application/pdf', 'quarantine'],
    ['a browser-recorded WebM voice note', webm, 'audio', 'audio/webm;codecs=opus', 'accept'],
    ['a WebM called photo.jpg', webm, 'image', 'image/jpeg', 'quarantine'],
  ] as const)('%s', async (_label, head, kind, declared, verdict) => {
    expect((await sniffMedia(head, kind, declared)).verdict).toBe(verdict);
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=900-', 1000, { start: 900, end: 999 }],
    ['bytes=-100', 1000, { start: 900, end: 999 }],
    ['bytes=500-5000', 1000, { start: 500, end: 999 }],
    ['bytes=1000-', 1000, 'unsatisfiable'],
    ['bytes=-0', 1000, 'unsatisfiable'],
    ['bytes=5-1', 1000, 'unsatisfiable'],
    ['bytes=0-1,5-9', 1000, undefined],
    ['items=0-1', 1000, undefined],
  ] as const)('%s of %i', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('signed media URLs', () => {
  const signer = createMediaUrlSigner(Buffer.alloc(32, 7));
  it('are valid for their media and variant until they expire', () => {
    const url = new URL(signer.sign('m1', 'thumbnail', 0), 'http://x');
    const exp = url.searchParams.get('exp') ?? undefined;
    const sig = url.searchParams.get('sig') ?? undefined;
    expect(signer.verify('m1', 'thumbnail', exp, sig, 1000)).toBe('valid');
    expect(signer.verify('m1', 'original', exp, sig, 1000)).toBe('invalid');
    expect(signer.verify('m2', 'thumbnail', exp, sig, 1000)).toBe('invalid');
    expect(signer.verify('m1', 'thumbnail', exp, sig, Number(exp) + 1)).toBe('expired');
    expect(signer.verify('m1', 'thumbnail', exp, 'nope', 1000)).toBe('invalid');
  });
});
