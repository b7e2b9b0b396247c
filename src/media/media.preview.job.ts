import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { MediaVault, SealedBlob } from '../blobs/vault.types.ts';
import type { EventBus } from '../events/index.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { PermanentJobError } from '../jobs/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import type { MediaJobPayload, MediaJobSpecs } from './media.jobs.ts';
import { MAX_MEDIA_BYTES } from './media.limits.ts';
import type { DerivedImage, MediaProcessor, ProcessedMedia } from './media.processor.ts';
import {
  type BlobAnalysis,
  findBlob,
  findMedia,
  type MediaBlobRow,
  saveBlobAnalysis,
  updateMedia,
} from './media.repo.ts';
import { MediaError, type MediaKind } from './media.types.ts';

export interface MediaPreviewDeps {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  vault: MediaVault;
  processor: MediaProcessor;
  jobs: MediaJobSpecs;
}

/**
 * `media.preview`: thumbnail and web-sized copy (images, video poster frames, PDF first pages), duration,
 * dimensions, page count and waveform, derived once per stored content and encrypted like the original.
 * Quarantined media is never previewed. A file that cannot be decoded ends with preview state `failed`.
 */
export function createMediaPreviewJob(deps: MediaPreviewDeps): JobDefinition<MediaJobPayload> {
  return {
    ...deps.jobs.preview,
    handler: async ({ mediaId }, context) => {
      const media = await findMedia(deps.db, mediaId);
      if (
        media?.state !== 'stored' ||
        !media.sha256 ||
        media.preview_state === 'ready' ||
        media.preview_state === 'failed'
      ) {
        return;
      }
      let blob = await findBlob(deps.db, media.sha256);
      if (!blob) {
        return;
      }
      if (blob.analysed_at === null) {
        const analysis = await analyse(deps, media.kind as MediaKind, blob).catch((error: unknown) => {
          if (error instanceof MediaError && !error.retryable) {
            return failedAnalysis(error.reason);
          }
          throw error;
        });
        const saved = await saveBlobAnalysis(deps.db, blob.sha256, analysis, deps.clock.now());
        if (!saved) {
          await destroyDerived(deps.vault, analysis);
        }
        blob = (await findBlob(deps.db, media.sha256)) ?? blob;
      }
      const failed = blob.analysis_error !== null;
      await updateMedia(
        deps.db,
        media.id,
        { previewState: failed ? 'failed' : 'ready', previewReason: blob.analysis_error },
        deps.clock.now(),
      );
      if (media.ticket_id && media.message_id) {
        await deps.events.publish([
          { type: 'message.updated', ticketId: media.ticket_id, messageId: media.message_id },
        ]);
      }
      if (failed) {
        context.logger.info({ mediaId, reason: blob.analysis_error }, 'no preview for this media');
        throw new PermanentJobError(`preview failed: ${blob.analysis_error}`);
      }
    },
  };
}

async function analyse(deps: MediaPreviewDeps, kind: MediaKind, blob: MediaBlobRow): Promise<BlobAnalysis> {
  const processed: ProcessedMedia = await deps.processor.process({
    kind,
    mime: blob.sniffed_mime ?? 'application/octet-stream',
    size: blob.size,
    open: () => deps.vault.open({ key: blob.blob_key, wrappedKey: blob.wrapped_key, size: blob.size }),
  });
  const seal = async (image: DerivedImage | undefined) =>
    image
      ? {
          sealed: await deps.vault.seal(Readable.from([image.data]), { maxBytes: MAX_MEDIA_BYTES }),
          mime: image.mime,
        }
      : undefined;
  const preview = await seal(processed.preview);
  const thumbnail = await seal(processed.thumbnail).catch(async (error: unknown) => {
    if (preview) {
      await deps.vault.destroy(preview.sealed);
    }
    throw error;
  });
  return {
    preview,
    thumbnail,
    width: processed.width,
    height: processed.height,
    durationMs: processed.durationMs,
    pageCount: processed.pageCount,
    waveform: processed.waveform,
    error: undefined,
  };
}

function failedAnalysis(reason: string): BlobAnalysis {
  return {
    preview: undefined,
    thumbnail: undefined,
    width: undefined,
    height: undefined,
    durationMs: undefined,
    pageCount: undefined,
    waveform: undefined,
    error: reason,
  };
}

async function destroyDerived(vault: MediaVault, analysis: BlobAnalysis): Promise<void> {
  const sealed: SealedBlob[] = [analysis.preview?.sealed, analysis.thumbnail?.sealed].filter(
    (s): s is SealedBlob => s !== undefined,
  );
  await Promise.all(sealed.map((s) => vault.destroy(s).catch(() => {})));
}
