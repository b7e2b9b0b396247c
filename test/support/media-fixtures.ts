import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';

/** Small media generated at test time (nothing binary is committed). */
export interface MediaFixtures {
  jpeg: Buffer;
  png: Buffer;
  webp: Buffer;
  mp4: Buffer;
  ogg: Buffer;
  pdf: Buffer;
  docx: Buffer;
  zipBombDocx: Buffer;
  pixelBombPng: Buffer;
  corruptJpeg: Buffer;
  exe: Buffer;
  html: Buffer;
}

let cached: Promise<MediaFixtures> | undefined;

export function loadMediaFixtures(): Promise<MediaFixtures> {
  cached ??= buildFixtures();
  return cached;
}

async function buildFixtures(): Promise<MediaFixtures> {
  const noise = {
    width: 640,
    height: 480,
    channels: 3 as const,
    background: '#808080',
    noise: { type: 'gaussian' as const, mean: 128, sigma: 40 },
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-fixtures-'));
  try {
    return {
      jpeg: await sharp({ create: noise }).jpeg({ quality: 80 }).toBuffer(),
      png: await sharp({ create: { width: 200, height: 100, channels: 4, background: '#3366ff' } })
        .png()
        .toBuffer(),
      webp: await sharp({ create: { width: 128, height: 128, channels: 4, background: '#ffcc00' } })
        .webp()
        .toBuffer(),
      mp4: ffmpeg(dir, 'clip.mp4', [
        '-f',
        'lavfi',
        '-i',
        'testsrc=duration=1:size=160x120:rate=10',
        '-pix_fmt',
        'yuv420p',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
      ]),
      ogg: ffmpeg(dir, 'voice.ogg', [
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:duration=1',
        '-ac',
        '1',
        '-c:a',
        'libopus',
      ]),
      pdf: buildPdf(),
      docx: buildZip([
        { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      ]),
      // 64 MB of zeros deflated to ~64 KB: only the first entry's header is ever looked at.
      zipBombDocx: buildZip([
        { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
        { name: 'word/document.xml', data: Buffer.alloc(64 * 1024 * 1024), deflate: true },
      ]),
      pixelBombPng: buildPngHeader(30_000, 30_000),
      corruptJpeg: Buffer.concat([
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
        Buffer.alloc(4000, 0x5a),
      ]),
      exe: Buffer.concat([
        Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
        Buffer.alloc(2000, 0x90),
      ]),
      html: Buffer.from(
        '<!DOCTYPE html><html><body><script>alert(document.cookie)</script>Invoice</body></html>',
      ),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function ffmpeg(dir: string, name: string, args: string[]): Buffer {
  const file = path.join(dir, name);
  execFileSync('/usr/bin/ffmpeg', ['-y', '-loglevel', 'error', ...args, file]);
  return fs.readFileSync(file);
}

/** A valid one-page PDF with a blue square (objects, xref and trailer written by hand). */
export function buildPdf(
  page: { stream: string; width: number; height: number } = {
    stream: '0 0 1 rg 20 20 160 160 re f',
    width: 200,
    height: 200,
  },
): Buffer {
  const { stream } = page;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** A minimal zip (local headers, central directory, end record). */
export function buildZip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const body = entry.deflate ? zlib.deflateRawSync(entry.data, { level: 9 }) : entry.data;
    const crc = zlib.crc32(entry.data);
    const method = entry.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A PNG whose header declares width × height pixels, followed by a token IDAT: a decompression-bomb stand-in. */
export function buildPngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(2, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
