import type { JobQueue } from '../jobs/index.ts';
import { type Clock, newId } from '../kernel/index.ts';
import type { InboundHook } from '../tickets/index.ts';
import { defaultFilename, sanitizeFilename } from './filename.ts';
import type { MediaJobSpecs } from './media.jobs.ts';
import { insertMedia } from './media.repo.ts';

/**
 * The ingest hook: inside the webhook's transaction, every inbound media message gets a `pending` media
 * row and a `media.fetch` job (outbox), so the download happens exactly when the message is stored.
 */
export function createMediaIntakeHook(deps: {
  queue: JobQueue;
  jobs: MediaJobSpecs;
  clock: Clock;
}): InboundHook {
  return async (db, { ticketId, messageId, message }) => {
    const content = message.content;
    if (content.kind !== 'media') {
      return;
    }
    const id = newId();
    await insertMedia(db, {
      id,
      messageId,
      ticketId,
      direction: 'inbound',
      kind: content.mediaKind,
      waMediaId: content.mediaId,
      declaredMime: content.mimeType ?? null,
      filename:
        content.filename === undefined
          ? null
          : sanitizeFilename(content.filename, defaultFilename(content.mediaKind, id, content.mimeType)),
      state: 'pending',
      voice: content.voice,
      animated: content.animated,
      uploadedBy: null,
      now: deps.clock.now(),
    });
    await deps.queue.enqueue(deps.jobs.fetch, { mediaId: id }, { db, dedupeKey: `media.fetch:${id}` });
  };
}
