import fs from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { BlobTooLargeError, type MediaVault, type SealedBlob } from '../blobs/vault.types.ts';
import type { JobQueue } from '../jobs/index.ts';
import { AppError, type Clock, newId } from '../kernel/index.ts';
import type { Database, Db } from '../store/index.ts';
import type { MessageMediaView } from '../tickets/index.ts';
import type { WhatsAppClient } from '../whatsapp/index.ts';
import { defaultFilename, sanitizeFilename } from './filename.ts';
import { createIntakeMeter } from './intake-meter.ts';
import type { MediaJobSpecs } from './media.jobs.ts';
import {
  baseMime,
  formatBytes,
  kindForOutbound,
  MAX_MEDIA_BYTES,
  MEDIA_LIMITS,
  OOXML,
} from './media.limits.ts';
import { findBlob, findMedia, insertMedia, referenceBlob, updateMedia } from './media.repo.ts';
import { detectMime, SNIFF_BYTES, sniffMedia } from './media.sniff.ts';
import type { MediaKind } from './media.types.ts';
import type { MediaViews } from './media.views.ts';
import { withPrivateFile } from './tools.ts';

/** Document types WhatsApp delivers (whatsapp-cloud-api.md §6); other files cannot be sent. */
const SENDABLE_DOCUMENTS = new Set([
  'text/plain',
  'application/pdf',
  'application/vnd.ms-excel',
  'application/msword',
  'application/vnd.ms-powerpoint',
  OOXML.docx,
  OOXML.xlsx,
  OOXML.pptx,
]);

export interface OutboundMediaInfo {
  id: string;
  kind: MediaKind;
  mimeType: string;
  filename: string;
}

/**
 * Agents' attachments: an upload is streamed through the same limits, sniffing and encryption as inbound
 * media; a reply then attaches it to its message, and the send job uploads it to the Graph API once.
 */
export function createOutboundMedia(deps: {
  db: Kysely<Database>;
  clock: Clock;
  vault: MediaVault;
  queue: JobQueue;
  jobs: MediaJobSpecs;
  views: MediaViews;
  whatsapp: WhatsAppClient;
}) {
  const { db, clock, vault } = deps;

  async function storeUpload(input: {
    file: Readable;
    filename: string;
    declaredMime: string;
    uploadedBy: string | null;
  }): Promise<MessageMediaView> {
    const meter = createIntakeMeter({ maxBytes: MAX_MEDIA_BYTES, headBytes: SNIFF_BYTES });
    pipeline(input.file, meter, () => {});
    let sealed: SealedBlob;
    try {
      sealed = await vault.seal(meter, { maxBytes: MAX_MEDIA_BYTES });
    } catch (error) {
      if (
        error instanceof BlobTooLargeError ||
        (error instanceof Error && 'reason' in error && error.reason === 'media.too_large')
      ) {
        throw new AppError(
          'payload_too_large',
          'media.too_large',
          `Files can be at most ${formatBytes(MAX_MEDIA_BYTES)}.`,
        );
      }
      throw error;
    }
    try {
      return await register(sealed, meter.head(), input);
    } catch (error) {
      await vault.destroy(sealed).catch(() => {});
      throw error;
    }
  }

  async function register(
    sealed: SealedBlob,
    head: Buffer,
    input: { filename: string; declaredMime: string; uploadedBy: string | null },
  ) {
    const kind = kindForOutbound((await detectMime(head)) ?? input.declaredMime);
    const verdict = await sniffMedia(head, kind, input.declaredMime);
    if (verdict.verdict === 'quarantine') {
      throw new AppError(
        'unprocessable',
        verdict.reason,
        'This file is not what its name or type says it is, so it cannot be sent.',
        {
          details: { declaredMime: input.declaredMime, detectedMime: verdict.mime },
        },
      );
    }
    if (kind === 'document' && !SENDABLE_DOCUMENTS.has(verdict.mime)) {
      throw new AppError(
        'unprocessable',
        'media.unsupported_type',
        `WhatsApp cannot deliver files of type ${verdict.mime}; send a PDF, an Office document, plain text, a photo, a video or audio.`,
      );
    }
    if (sealed.size > MEDIA_LIMITS[kind]) {
      throw new AppError(
        'payload_too_large',
        'media.too_large',
        `A ${kind} can be at most ${formatBytes(MEDIA_LIMITS[kind])} on WhatsApp.`,
      );
    }
    const id = newId();
    const now = clock.now();
    let isNewBlob = false;
    await db.transaction().execute(async (trx) => {
      isNewBlob = await referenceBlob(trx, sealed, verdict.mime, now);
      const filename = sanitizeFilename(input.filename, defaultFilename(kind, id, verdict.mime));
      await insertMedia(trx, {
        id,
        messageId: null,
        ticketId: null,
        direction: 'outbound',
        kind,
        waMediaId: null,
        declaredMime: input.declaredMime,
        filename,
        state: 'stored',
        voice: false,
        animated: false,
        uploadedBy: input.uploadedBy,
        now,
      });
      await updateMedia(
        trx,
        id,
        { sniffedMime: verdict.mime, size: sealed.size, sha256: sealed.sha256, previewState: 'pending' },
        now,
      );
      await deps.queue.enqueue(
        deps.jobs.preview,
        { mediaId: id },
        { db: trx, dedupeKey: `media.preview:${id}` },
      );
    });
    if (!isNewBlob) {
      await vault.destroy(sealed).catch(() => {});
    }
    return (await deps.views.getView(db, id))!;
  }

  /** What a reply needs to know about an attachment before it is stored. */
  async function describeForReply(mediaId: string): Promise<OutboundMediaInfo> {
    const media = await findMedia(db, mediaId);
    if (!media) {
      throw new AppError('not_found', 'media.not_found', `No media with id ${mediaId}.`);
    }
    if (media.direction !== 'outbound' || media.message_id !== null) {
      throw new AppError(
        'conflict',
        'media.already_sent',
        'This attachment was already sent; upload it again to send it once more.',
      );
    }
    if (media.state !== 'stored') {
      throw new AppError('unprocessable', 'media.not_sendable', 'This attachment cannot be sent.');
    }
    return {
      id: media.id,
      kind: media.kind as MediaKind,
      mimeType: media.sniffed_mime ?? 'application/octet-stream',
      filename: media.filename ?? 'file',
    };
  }

  /** Links the upload to the reply's message, in the reply's transaction (a second reply cannot take it). */
  async function attachToMessage(
    trx: Db,
    mediaId: string,
    messageId: string,
    ticketId: string,
  ): Promise<void> {
    const result = await trx
      .updateTable('media')
      .set({ message_id: messageId, ticket_id: ticketId, updated_at: clock.now() })
      .where('id', '=', mediaId)
      .where('message_id', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError(
        'conflict',
        'media.already_sent',
        'This attachment was already sent; upload it again to send it once more.',
      );
    }
  }

  /**
   * The Graph media id for an attachment, uploading it on first use. The upload needs a file-backed
   * Blob: the plaintext goes to a private temp file (tmpfs when present) for the length of the upload.
   */
  async function ensureUploaded(
    mediaId: string,
  ): Promise<{ graphMediaId: string; kind: MediaKind; filename: string }> {
    const media = await findMedia(db, mediaId);
    const blob = media?.sha256 ? await findBlob(db, media.sha256) : undefined;
    if (!media || !blob) {
      throw new AppError('not_found', 'media.not_found', `No stored media with id ${mediaId}.`);
    }
    const kind = media.kind as MediaKind;
    const filename = media.filename ?? 'file';
    if (media.graph_media_id) {
      return { graphMediaId: media.graph_media_id, kind, filename };
    }
    const mimeType = baseMime(media.sniffed_mime) || 'application/octet-stream';
    const plaintext = await vault.open({ key: blob.blob_key, wrappedKey: blob.wrapped_key, size: blob.size });
    const { id } = await withPrivateFile(plaintext, '.upload', async (file) =>
      deps.whatsapp.uploadMedia({ data: await fs.openAsBlob(file, { type: mimeType }), mimeType, filename }),
    );
    await updateMedia(db, media.id, { graphMediaId: id }, clock.now());
    return { graphMediaId: id, kind, filename };
  }

  return { storeUpload, describeForReply, attachToMessage, ensureUploaded };
}

export type OutboundMedia = ReturnType<typeof createOutboundMedia>;
