import type { Readable } from 'node:stream';
import type { MediaVault } from '../blobs/index.ts';
import type { Db } from '../store/index.ts';
import { defaultFilename } from './filename.ts';
import { findBlob, releaseBlob } from './media.repo.ts';

/** One stored original, for a data-protection export. */
export interface MediaFile {
  id: string;
  ticketId: string | null;
  messageId: string | null;
  kind: string;
  mime: string | null;
  filename: string;
  size: number;
  /** Decrypts the original. */
  open(): Promise<Readable>;
}

/** The stored originals attached to these tickets (media not stored, or erased, has no file). */
export async function listMediaFiles(
  db: Db,
  vault: MediaVault,
  ticketIds: readonly string[],
): Promise<MediaFile[]> {
  if (ticketIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('media')
    .selectAll()
    .where('ticket_id', 'in', [...ticketIds])
    .where('state', 'in', ['stored', 'quarantined'])
    .orderBy('id')
    .execute();
  const files: MediaFile[] = [];
  for (const row of rows) {
    const blob = row.sha256 ? await findBlob(db, row.sha256) : undefined;
    if (!blob) {
      continue;
    }
    const sealed = { key: blob.blob_key, wrappedKey: blob.wrapped_key, size: blob.size };
    files.push({
      id: row.id,
      ticketId: row.ticket_id,
      messageId: row.message_id,
      kind: row.kind,
      mime: row.sniffed_mime,
      filename: row.filename ?? defaultFilename(row.kind, row.id, row.sniffed_mime),
      size: blob.size,
      open: () => vault.open(sealed),
    });
  }
  return files;
}

/**
 * Erases media rows (state `erased`, file name and hashes gone) and drops their blob references. A blob
 * whose last reference goes loses its row, and with it the wrapped data key: from that commit on the
 * ciphertext is unreadable (crypto-shredding). Returns the store keys to delete after the commit.
 */
export async function eraseMedia(trx: Db, mediaIds: readonly string[], now: number): Promise<string[]> {
  if (mediaIds.length === 0) {
    return [];
  }
  const rows = await trx
    .selectFrom('media')
    .select(['id', 'sha256'])
    .where('id', 'in', [...mediaIds])
    .where('state', '!=', 'erased')
    .execute();
  if (rows.length === 0) {
    return [];
  }
  await trx
    .updateTable('media')
    .set({
      state: 'erased',
      state_reason: null,
      filename: null,
      sha256: null,
      wa_media_id: null,
      graph_media_id: null,
      preview_state: 'none',
      updated_at: now,
    })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  // What was derived from the bytes goes with them: quality and tamper analysis, the perceptual hash
  // (so a later photo cannot be matched against it), and text read from it.
  const erased = rows.map((r) => r.id);
  for (const table of ['media_analyses', 'media_hashes', 'media_texts'] as const) {
    await trx.deleteFrom(table).where('media_id', 'in', erased).execute();
  }
  const keys: string[] = [];
  for (const row of rows) {
    if (row.sha256) {
      keys.push(...(await releaseBlob(trx, row.sha256)));
    }
  }
  return keys;
}
