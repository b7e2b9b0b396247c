import type { BadgeTone } from '../../ui/Badge';

/** Fraud and tamper signals (red); the rest are quality (amber) or bookkeeping (grey). */
const TAMPER = new Set(['edited', 'old_capture', 'recompressed', 'screenshot_like', 'duplicate_of']);
/** Shown in the details only: nearly every WhatsApp photo lacks camera data (the app strips it). */
const QUIET = new Set(['no_camera_data', 'timeout']);

export function flagTone(flag: string): BadgeTone {
  if (TAMPER.has(flag)) {
    return 'danger';
  }
  return QUIET.has(flag) ? 'outline' : 'warning';
}

/** Flags worth a badge beside the picture, most serious first. */
export function visibleFlags(flags: readonly string[]): string[] {
  const rank = (flag: string) => (TAMPER.has(flag) ? 0 : QUIET.has(flag) ? 2 : 1);
  return flags.filter((flag) => flag !== 'no_camera_data').sort((a, b) => rank(a) - rank(b));
}
