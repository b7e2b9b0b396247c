import type { Db } from '../store/index.ts';
import { findTicketNumber, listHashCandidates } from './analysis.repo.ts';
import type { DuplicateLink } from './analysis.types.ts';
import { fromHex, hammingSegments, probeKeys, type Segments, toSegments } from './image.hash.ts';

/** Hashes with fewer set bits than this (or more than 64 minus it) are flat pictures that match anything. */
const MIN_STRUCTURE_BITS = 8;

/**
 * The closest stored picture on another ticket within `maxDistance` bits, or null. Multi-index hashing:
 * at most 3 bits apart, one of the four 16-bit bands is equal (exact keys); at most 7 apart, one band is
 * within 1 bit (each band's value and its 16 neighbours). The candidates are verified with popcount.
 */
export async function findDuplicate(
  db: Db,
  phash: string,
  options: { maxDistance: number; ticketId: string | null },
): Promise<DuplicateLink | null> {
  const best = await findNearestHash(db, toSegments(fromHex(phash)), options);
  if (!best) {
    return null;
  }
  const ticketNumber = await findTicketNumber(db, best.ticketId);
  return ticketNumber === undefined ? null : { ...best, ticketNumber };
}

/** The nearest stored hash on another ticket (the index lookup and verification, without the ticket). */
export async function findNearestHash(
  db: Db,
  segments: Segments,
  options: { maxDistance: number; ticketId: string | null },
): Promise<{ mediaId: string; ticketId: string; distance: number } | undefined> {
  const ones = segments.reduce((sum, band) => sum + band.toString(2).replaceAll('0', '').length, 0);
  if (ones < MIN_STRUCTURE_BITS || ones > 64 - MIN_STRUCTURE_BITS) {
    return undefined;
  }
  const candidates = await listHashCandidates(db, probeKeys(segments, options.maxDistance <= 3 ? 0 : 1));
  let best: { mediaId: string; ticketId: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (!candidate.ticketId || candidate.ticketId === options.ticketId) {
      continue;
    }
    const distance = hammingSegments(segments, candidate.segments);
    if (distance <= options.maxDistance && (!best || distance < best.distance)) {
      best = { mediaId: candidate.mediaId, ticketId: candidate.ticketId, distance };
    }
  }
  return best;
}
