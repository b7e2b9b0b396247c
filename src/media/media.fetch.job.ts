import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Kysely } from 'kysely';
import { BlobTooLargeError, type MediaVault, type SealedBlob } from '../blobs/vault.types.ts';
import type { EventBus } from '../events/index.ts';
import type { JobContext, JobDefinition, JobQueue } from '../jobs/index.ts';
import { PermanentJobError } from '../jobs/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { insertTicketEvent, SYSTEM_ACTOR } from '../tickets/index.ts';
import { isGraphApiError, type MediaInfo, type WhatsAppClient } from '../whatsapp/index.ts';
import { createIntakeMeter } from './intake-meter.ts';
import type { MediaJobPayload, MediaJobSpecs } from './media.jobs.ts';
import { acceptsDeclaredType, baseMime, MEDIA_LIMITS } from './media.limits.ts';
import { findMedia, type MediaRow, referenceBlob, updateMedia } from './media.repo.ts';
import { SNIFF_BYTES, sniffMedia } from './media.sniff.ts';
import {
  MediaError,
  type MediaKind,
  type MediaStoredHook,
  type MediaStoredNotice,
  type MediaStoringHook,
} from './media.types.ts';

export interface MediaTiming {
  /** Wait for the download's response headers. */
  headersTimeoutMs: number;
  /** Longest silence while the body streams. */
  idleTimeoutMs: number;
}

export const DEFAULT_MEDIA_TIMING: MediaTiming = { headersTimeoutMs: 30_000, idleTimeoutMs: 30_000 };

export interface MediaFetchDeps {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  queue: JobQueue;
  whatsapp: WhatsAppClient;
  vault: MediaVault;
  jobs: MediaJobSpecs;
  timing: MediaTiming;
  /** Tells the customer why their file was refused (a bot message through the outbound path). */
  notifyRefusal: (media: MediaRow, reason: 'media.too_large' | 'media.unsupported_type') => Promise<void>;
  hooks: readonly MediaStoredHook[];
  /** Called in the storing transaction of accepted media (other modules enqueue their jobs there). */
  storingHooks: readonly MediaStoringHook[];
}

const ACTIVE_STATES = ['pending', 'downloading'] as const;

/**
 * `media.fetch`: resolves the media id, downloads with the bearer token and streams the body through the
 * size limit, SHA-256 and encryption into the vault, then attaches it to the message. Retries what can
 * succeed (5xx, timeouts, an expired URL, a truncated body, an id not resolvable yet); refuses what is too
 * large or unsupported; quarantines what is not what it claims to be. Nothing half-written stays behind.
 */
export function createMediaFetchJob(deps: MediaFetchDeps): JobDefinition<MediaJobPayload> {
  return {
    ...deps.jobs.fetch,
    handler: async ({ mediaId }, context) => {
      const media = await findMedia(deps.db, mediaId);
      if (!media || !(ACTIVE_STATES as readonly string[]).includes(media.state) || !media.wa_media_id) {
        return;
      }
      await setState(deps, media, { state: 'downloading' });
      try {
        await fetchAndStore(deps, media, media.wa_media_id);
      } catch (error) {
        await settleFailure(deps, media, error, context);
      }
    },
  };
}

async function fetchAndStore(deps: MediaFetchDeps, media: MediaRow, waMediaId: string): Promise<void> {
  const kind = media.kind as MediaKind;
  const limit = MEDIA_LIMITS[kind];
  const { info, response } = await openDownload(deps, waMediaId);
  const declared = media.declared_mime ?? info.mimeType;
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!acceptsDeclaredType(kind, declared)) {
    await response.body?.cancel();
    throw new MediaError(
      'media.unsupported_type',
      `Declared type ${baseMime(declared)} is not accepted for ${kind}.`,
    );
  }
  if ((info.fileSize ?? 0) > limit || length > limit) {
    await response.body?.cancel();
    throw new MediaError('media.too_large', `Declared size ${info.fileSize ?? length} exceeds ${limit}.`);
  }
  if (!response.body) {
    throw new MediaError('media.empty_download', 'The download had no body.', { retryable: true });
  }
  const meter = createIntakeMeter({
    maxBytes: limit,
    headBytes: SNIFF_BYTES,
    idleTimeoutMs: deps.timing.idleTimeoutMs,
  });
  pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), meter, () => {});
  const sealed = await deps.vault.seal(meter, { maxBytes: limit });
  try {
    if (info.fileSize !== undefined && sealed.size < info.fileSize) {
      throw new MediaError('media.truncated', `Received ${sealed.size} of ${info.fileSize} bytes.`, {
        retryable: true,
      });
    }
    await attachBlob(deps, media, sealed, { declared, head: meter.head() });
  } catch (error) {
    await deps.vault.destroy(sealed).catch(() => {});
    throw error;
  }
}

/** Resolves the id and starts the download; a URL that expired meanwhile is resolved again. */
async function openDownload(
  deps: MediaFetchDeps,
  waMediaId: string,
): Promise<{ info: MediaInfo; response: Response }> {
  for (let round = 0; ; round += 1) {
    const info = await deps.whatsapp.getMediaInfo(waMediaId);
    try {
      return {
        info,
        response: await withDeadline(deps.whatsapp.downloadMedia(info.url), deps.timing.headersTimeoutMs),
      };
    } catch (error) {
      if (!(isGraphApiError(error) && error.reason === 'whatsapp.media_url_expired' && round < 2)) {
        throw error;
      }
    }
  }
}

/** The download's headers within the deadline; a late response has its body cancelled. */
async function withDeadline(pending: Promise<Response>, ms: number): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      pending.then((late) => late.body?.cancel()).catch(() => {});
      reject(new MediaError('media.download_timeout', `No response within ${ms} ms.`, { retryable: true }));
    }, ms);
  });
  try {
    return await Promise.race([pending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function attachBlob(
  deps: MediaFetchDeps,
  media: MediaRow,
  sealed: SealedBlob,
  input: { declared: string; head: Buffer },
): Promise<void> {
  const kind = media.kind as MediaKind;
  const verdict = await sniffMedia(input.head, kind, input.declared);
  const accepted = verdict.verdict === 'accept';
  const now = deps.clock.now();
  let isNewBlob = false;
  await deps.db
    .transaction()
    .execute(async (trx) => {
      isNewBlob = await referenceBlob(trx, sealed, verdict.mime, now);
      const changed = await updateMedia(
        trx,
        media.id,
        {
          state: accepted ? 'stored' : 'quarantined',
          stateReason: accepted ? null : verdict.reason,
          sniffedMime: verdict.mime,
          declaredMime: input.declared,
          size: sealed.size,
          sha256: sealed.sha256,
          previewState: accepted ? 'pending' : 'skipped',
        },
        now,
        ACTIVE_STATES,
      );
      if (!changed) {
        throw new AlreadySettled();
      }
      if (!accepted && media.ticket_id) {
        await insertTicketEvent(
          trx,
          media.ticket_id,
          'media_quarantined',
          SYSTEM_ACTOR,
          {
            mediaId: media.id,
            messageId: media.message_id,
            reason: verdict.reason,
            declaredMime: input.declared,
            sniffedMime: verdict.mime,
            filename: media.filename,
          },
          now,
        );
      }
      if (accepted) {
        await deps.queue.enqueue(
          deps.jobs.preview,
          { mediaId: media.id },
          { db: trx, dedupeKey: `media.preview:${media.id}` },
        );
        const notice = storedNotice(media, { sha256: sealed.sha256, mime: verdict.mime, state: 'stored' });
        for (const hook of deps.storingHooks) {
          await hook(trx, notice);
        }
      }
    })
    .catch((error: unknown) => {
      if (error instanceof AlreadySettled) {
        isNewBlob = false;
        return;
      }
      throw error;
    });
  if (!isNewBlob) {
    // The same bytes were stored before (or another attempt won): keep one copy.
    await deps.vault.destroy(sealed).catch(() => {});
  }
  await publishStored(deps, media, {
    sha256: sealed.sha256,
    mime: verdict.mime,
    state: accepted ? 'stored' : 'quarantined',
  });
}

class AlreadySettled extends Error {}

async function publishStored(
  deps: MediaFetchDeps,
  media: MediaRow,
  stored: { sha256: string; mime: string; state: 'stored' | 'quarantined' },
) {
  if (media.ticket_id && media.message_id) {
    await deps.events.publish([
      { type: 'message.updated', ticketId: media.ticket_id, messageId: media.message_id },
      { type: 'media.stored', ticketId: media.ticket_id, messageId: media.message_id, mediaId: media.id },
    ]);
  }
  const notice = storedNotice(media, stored);
  for (const hook of deps.hooks) {
    await hook(notice);
  }
}

function storedNotice(
  media: MediaRow,
  stored: { sha256: string; mime: string; state: 'stored' | 'quarantined' },
): MediaStoredNotice {
  return {
    mediaId: media.id,
    messageId: media.message_id,
    ticketId: media.ticket_id,
    kind: media.kind as MediaKind,
    mimeType: stored.mime,
    sha256: stored.sha256,
    state: stored.state,
  };
}

/** Decides, after a failed attempt, between retrying, refusing and giving up, and records it. */
async function settleFailure(
  deps: MediaFetchDeps,
  media: MediaRow,
  error: unknown,
  context: JobContext,
): Promise<void> {
  const lastAttempt = context.attempt >= deps.jobs.fetch.retry.attempts;
  const refusal = refusalReason(error);
  if (refusal) {
    await setState(deps, media, { state: 'refused', reason: refusal, event: 'media_refused' });
    await deps
      .notifyRefusal(media, refusal)
      .catch((cause: unknown) =>
        context.logger.warn({ err: cause }, 'could not tell the customer about refused media'),
      );
    throw new PermanentJobError(`media refused: ${refusal}`, { cause: error });
  }
  const { reason, retryable } = describeFailure(error);
  context.logger.warn({ err: error, reason, retryable, lastAttempt }, 'media download failed');
  if (retryable && !lastAttempt) {
    await setState(deps, media, { state: 'pending', reason });
    throw error;
  }
  await setState(deps, media, { state: 'failed', reason, event: 'media_failed' });
  throw new PermanentJobError(`media fetch failed: ${reason}`, { cause: error });
}

function refusalReason(error: unknown): 'media.too_large' | 'media.unsupported_type' | undefined {
  if (
    error instanceof BlobTooLargeError ||
    (error instanceof MediaError && error.reason === 'media.too_large')
  ) {
    return 'media.too_large';
  }
  return error instanceof MediaError && error.reason === 'media.unsupported_type'
    ? 'media.unsupported_type'
    : undefined;
}

function describeFailure(error: unknown): { reason: string; retryable: boolean } {
  if (error instanceof MediaError) {
    return { reason: error.reason, retryable: error.retryable };
  }
  if (isGraphApiError(error)) {
    // An id Meta does not know (yet) is retried a few times before the media counts as failed.
    const unknownId = error.code === 100 || error.httpStatus === 404;
    return {
      reason: unknownId ? 'whatsapp.media_not_found' : error.reason,
      retryable: error.retryable || unknownId,
    };
  }
  // A connection cut mid-body (undici "terminated") and other I/O failures can succeed next time.
  return { reason: 'media.download_failed', retryable: true };
}

async function setState(
  deps: MediaFetchDeps,
  media: MediaRow,
  next: {
    state: 'pending' | 'downloading' | 'failed' | 'refused';
    reason?: string;
    event?: 'media_refused' | 'media_failed';
  },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const changed = await updateMedia(
      trx,
      media.id,
      { state: next.state, stateReason: next.reason ?? null },
      now,
      ACTIVE_STATES,
    );
    if (changed && next.event && media.ticket_id) {
      await insertTicketEvent(
        trx,
        media.ticket_id,
        next.event,
        SYSTEM_ACTOR,
        { mediaId: media.id, messageId: media.message_id, reason: next.reason },
        now,
      );
    }
  });
  if (media.ticket_id && media.message_id) {
    await deps.events.publish([
      { type: 'message.updated', ticketId: media.ticket_id, messageId: media.message_id },
    ]);
  }
}
