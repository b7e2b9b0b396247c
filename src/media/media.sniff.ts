import { fileTypeFromBuffer } from 'file-type';
import { ACCEPTED_TYPES, baseMime, OOXML } from './media.limits.ts';
import type { MediaKind } from './media.types.ts';

/** How many leading bytes are kept for sniffing. file-type reads within them only: no zip is expanded. */
export const SNIFF_BYTES = 64 * 1024;

export type SniffVerdict =
  | { verdict: 'accept'; mime: string }
  | {
      verdict: 'quarantine';
      mime: string;
      reason: 'media.dangerous_content' | 'media.type_mismatch' | 'media.unrecognised_content';
    };

/** Executables, scripts and active documents: never inline, and quarantined whatever they claim to be. */
const DANGEROUS = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-executable',
  'application/x-sharedlib',
  'application/x-msi',
  'application/java-archive',
  'application/x-apple-diskimage',
  'application/wasm',
  'application/x-sh',
  'text/html',
  'image/svg+xml',
  'application/xml',
  'application/xhtml+xml',
  'text/javascript',
  'application/x-shockwave-flash',
]);

/** Declared types that a sniffed container type may stand for (OOXML is a zip, legacy Office is CFB). */
const CONTAINERS: Record<string, readonly string[]> = {
  'application/zip': [OOXML.docx, OOXML.xlsx, OOXML.pptx, 'application/vnd.oasis.opendocument.text'],
  'application/x-cfb': ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
  'audio/x-m4a': ['audio/mp4', 'audio/aac'],
  'video/mp4': ['audio/mp4'],
  'audio/opus': ['audio/ogg'],
  // Magic bytes cannot tell an audio-only WebM (a voice note recorded in a browser) from a video.
  'video/webm': ['audio/webm'],
};

const MARKUP =
  /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|script|iframe|svg|\?xml|meta|a\s|div|form|object|embed)\b/i;

/** Text formats file-type cannot see: HTML, SVG and XML by their opening, shell scripts by `#!`. */
function sniffText(head: Buffer): string | undefined {
  const text = head
    .subarray(0, 2048)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (MARKUP.test(text)) {
    return /<svg\b/i.test(text)
      ? 'image/svg+xml'
      : /^\s*<\?xml/i.test(text) && !/<html\b/i.test(text)
        ? 'application/xml'
        : 'text/html';
  }
  if (text.startsWith('#!')) {
    return 'application/x-sh';
  }
  return head.subarray(0, 8192).includes(0) ? undefined : 'text/plain';
}

/** The real type of a file from its first bytes (magic numbers, then markup and text), if recognisable. */
export async function detectMime(head: Buffer): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(head).catch(() => undefined);
  return detected ? baseMime(detected.mime) : sniffText(head);
}

/** The real type of a file from its first bytes, and whether it is what it claims to be for its kind. */
export async function sniffMedia(
  head: Buffer,
  kind: MediaKind,
  declared: string | null | undefined,
): Promise<SniffVerdict> {
  const sniffed = await detectMime(head);
  const claimed = baseMime(declared);
  if (sniffed === undefined) {
    return { verdict: 'quarantine', mime: 'application/octet-stream', reason: 'media.unrecognised_content' };
  }
  if (DANGEROUS.has(sniffed)) {
    return { verdict: 'quarantine', mime: sniffed, reason: 'media.dangerous_content' };
  }
  const accepted = ACCEPTED_TYPES[kind];
  const sniffedOk =
    accepted.includes(sniffed) || (CONTAINERS[sniffed] ?? []).some((t) => accepted.includes(t));
  if (!sniffedOk) {
    return { verdict: 'quarantine', mime: sniffed, reason: 'media.type_mismatch' };
  }
  if (claimed === '' || claimed === 'application/octet-stream' || claimed === sniffed) {
    return { verdict: 'accept', mime: sniffed };
  }
  if ((CONTAINERS[sniffed] ?? []).includes(claimed)) {
    return { verdict: 'accept', mime: claimed };
  }
  // Media kinds tolerate a sibling type (a PNG labelled JPEG); documents must be what they claim.
  const family = (mime: string) => mime.split('/')[0];
  if (kind !== 'document' && family(claimed) === family(sniffed)) {
    return { verdict: 'accept', mime: sniffed };
  }
  return { verdict: 'quarantine', mime: sniffed, reason: 'media.type_mismatch' };
}
