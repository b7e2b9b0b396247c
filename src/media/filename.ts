const MAX_CODE_POINTS = 120;
const MAX_BYTES = 240;
// Controls, bidi overrides/isolates/marks and zero-width characters: they hide a real extension.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const RESERVED = /[<>:"|?*\\/]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A file name safe to store, show and put in Content-Disposition: the last path part only, no control
 * or bidirectional-override characters, no reserved characters, length-limited with the extension kept.
 * Unicode letters stay ("Facture café.pdf"). Returns `fallback` when nothing usable is left.
 */
export function sanitizeFilename(name: string | null | undefined, fallback: string): string {
  const lastPart = (name ?? '').split(/[/\\]/).pop() ?? '';
  let clean = lastPart
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (WINDOWS_DEVICE.test(clean)) {
    clean = `_${clean}`;
  }
  if (clean === '') {
    return fallback;
  }
  return truncateKeepingExtension(clean);
}

function truncateKeepingExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 12 ? name.slice(dot) : '';
  let stem = [...name.slice(0, name.length - extension.length)];
  const fits = () =>
    stem.length + [...extension].length <= MAX_CODE_POINTS &&
    Buffer.byteLength(stem.join('') + extension) <= MAX_BYTES;
  while (stem.length > 1 && !fits()) {
    stem = stem.slice(0, -1);
  }
  return `${stem.join('').trim()}${extension}`;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'video/mp4': '.mp4',
  'video/3gpp': '.3gp',
  'audio/ogg': '.ogg',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/x-m4a': '.m4a',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
};

/** A name for media that came without one: `image-01J….jpg`. */
export function defaultFilename(kind: string, id: string, mime: string | null | undefined): string {
  return `${kind}-${id.slice(-8).toLowerCase()}${EXTENSIONS[(mime ?? '').split(';')[0]!.trim()] ?? ''}`;
}

/** `Content-Disposition` with an ASCII fallback and the RFC 5987 UTF-8 name. */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
