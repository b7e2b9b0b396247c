import type { Selectable } from 'kysely';
import type { SealedBlob } from '../blobs/vault.types.ts';
import {
  type Db,
  insertRow,
  type MediaBlobsTable,
  type MediaTable,
  readJsonOrNull,
  writeJson,
} from '../store/index.ts';
import type { MediaKind, MediaState, PreviewState } from './media.types.ts';

export type MediaRow = Selectable<MediaTable>;
export type MediaBlobRow = Selectable<MediaBlobsTable>;

export interface NewMedia {
  id: string;
  messageId: string | null;
  ticketId: string | null;
  direction: 'inbound' | 'outbound';
  kind: MediaKind;
  waMediaId: string | null;
  declaredMime: string | null;
  filename: string | null;
  state: MediaState;
  voice: boolean;
  animated: boolean;
  uploadedBy: string | null;
  now: number;
}

export async function insertMedia(db: Db, media: NewMedia): Promise<void> {
  await insertRow(db, 'media', {
    id: media.id,
    message_id: media.messageId,
    ticket_id: media.ticketId,
    direction: media.direction,
    kind: media.kind,
    wa_media_id: media.waMediaId,
    graph_media_id: null,
    declared_mime: media.declaredMime,
    sniffed_mime: null,
    filename: media.filename,
    size: null,
    sha256: null,
    state: media.state,
    state_reason: null,
    preview_state: 'none',
    preview_reason: null,
    voice: media.voice ? 1 : 0,
    animated: media.animated ? 1 : 0,
    uploaded_by: media.uploadedBy,
    created_at: media.now,
    updated_at: media.now,
  });
}

export async function findMedia(db: Db, id: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBlob(db: Db, sha256: string): Promise<MediaBlobRow | undefined> {
  return db.selectFrom('media_blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export interface MediaPatch {
  state?: MediaState;
  stateReason?: string | null;
  previewState?: PreviewState;
  previewReason?: string | null;
  sniffedMime?: string | null;
  size?: number | null;
  sha256?: string | null;
  declaredMime?: string | null;
  graphMediaId?: string | null;
  messageId?: string | null;
  ticketId?: string | null;
}

/** Updates a media row; with `fromStates`, only when it is in one of them (returns whether it changed). */
export async function updateMedia(
  db: Db,
  id: string,
  patch: MediaPatch,
  now: number,
  fromStates?: readonly MediaState[],
): Promise<boolean> {
  let query = db
    .updateTable('media')
    .set({
      updated_at: now,
      ...(patch.state !== undefined ? { state: patch.state } : {}),
      ...(patch.stateReason !== undefined ? { state_reason: patch.stateReason } : {}),
      ...(patch.previewState !== undefined ? { preview_state: patch.previewState } : {}),
      ...(patch.previewReason !== undefined ? { preview_reason: patch.previewReason } : {}),
      ...(patch.sniffedMime !== undefined ? { sniffed_mime: patch.sniffedMime } : {}),
      ...(patch.size !== undefined ? { size: patch.size } : {}),
      ...(patch.sha256 !== undefined ? { sha256: patch.sha256 } : {}),
      ...(patch.declaredMime !== undefined ? { declared_mime: patch.declaredMime } : {}),
      ...(patch.graphMediaId !== undefined ? { graph_media_id: patch.graphMediaId } : {}),
      ...(patch.messageId !== undefined ? { message_id: patch.messageId } : {}),
      ...(patch.ticketId !== undefined ? { ticket_id: patch.ticketId } : {}),
    })
    .where('id', '=', id);
  if (fromStates) {
    query = query.where('state', 'in', [...fromStates]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Records a sealed blob under its content hash. Returns false when the same bytes were already stored:
 * the existing blob gains a reference and the caller destroys its own copy after commit (de-duplication).
 */
export async function referenceBlob(
  db: Db,
  sealed: SealedBlob,
  sniffedMime: string,
  now: number,
): Promise<boolean> {
  const inserted = await insertRow(
    db,
    'media_blobs',
    {
      sha256: sealed.sha256,
      blob_key: sealed.key,
      wrapped_key: sealed.wrappedKey,
      size: sealed.size,
      sniffed_mime: sniffedMime,
      ref_count: 1,
      created_at: now,
    },
    'ignore',
  );
  if (inserted > 0) {
    return true;
  }
  await db
    .updateTable('media_blobs')
    .set((eb) => ({ ref_count: eb('ref_count', '+', 1) }))
    .where('sha256', '=', sealed.sha256)
    .execute();
  return false;
}

export interface BlobAnalysis {
  preview: { sealed: SealedBlob; mime: string } | undefined;
  thumbnail: { sealed: SealedBlob; mime: string } | undefined;
  width: number | undefined;
  height: number | undefined;
  durationMs: number | undefined;
  pageCount: number | undefined;
  waveform: number[] | undefined;
  error: string | undefined;
}

/** Saves what was derived from a blob, once: false when another job got there first. */
export async function saveBlobAnalysis(
  db: Db,
  sha256: string,
  analysis: BlobAnalysis,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('media_blobs')
    .set({
      analysed_at: now,
      analysis_error: analysis.error ?? null,
      preview_key: analysis.preview?.sealed.key ?? null,
      preview_wrapped_key: analysis.preview?.sealed.wrappedKey ?? null,
      preview_size: analysis.preview?.sealed.size ?? null,
      preview_mime: analysis.preview?.mime ?? null,
      thumb_key: analysis.thumbnail?.sealed.key ?? null,
      thumb_wrapped_key: analysis.thumbnail?.sealed.wrappedKey ?? null,
      thumb_size: analysis.thumbnail?.sealed.size ?? null,
      thumb_mime: analysis.thumbnail?.mime ?? null,
      width: analysis.width ?? null,
      height: analysis.height ?? null,
      duration_ms: analysis.durationMs ?? null,
      page_count: analysis.pageCount ?? null,
      waveform: analysis.waveform ? writeJson(analysis.waveform) : null,
    })
    .where('sha256', '=', sha256)
    .where('analysed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function readWaveform(row: Pick<MediaBlobRow, 'waveform'>): number[] | null {
  return readJsonOrNull<number[]>(row.waveform);
}

/** Drops one reference; returns the blob keys to destroy (after commit) when it was the last one. */
export async function releaseBlob(db: Db, sha256: string): Promise<string[]> {
  await db
    .updateTable('media_blobs')
    .set((eb) => ({ ref_count: eb('ref_count', '-', 1) }))
    .where('sha256', '=', sha256)
    .execute();
  const row = await db
    .selectFrom('media_blobs')
    .selectAll()
    .where('sha256', '=', sha256)
    .where('ref_count', '<=', 0)
    .executeTakeFirst();
  if (!row) {
    return [];
  }
  await db.deleteFrom('media_blobs').where('sha256', '=', sha256).execute();
  return [row.blob_key, row.preview_key, row.thumb_key].filter((k): k is string => k !== null);
}
