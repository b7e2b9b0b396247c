import type { Kysely } from 'kysely';
import type { EventBus } from '../events/index.ts';
import type { JobDefinition, JobQueue } from '../jobs/index.ts';
import type { Clock, Logger } from '../kernel/index.ts';
import type { MediaContentReader } from '../media/index.ts';
import type { Database } from '../store/index.ts';
import { detectLanguage } from '../tickets/index.ts';
import { EngineError, type OcrEngine, type Transcriber } from './engines/index.ts';
import { categorizeJob, type MediaTextPayload, ocrJob, transcribeJob } from './knowledge.jobs.ts';
import { type KnowledgeSettings, loadKnowledgeSettings } from './knowledge.settings.ts';
import type { MediaTextKind, MediaTextState } from './knowledge.types.ts';
import { type MediaText, saveMediaText } from './media-texts.repo.ts';

export interface MediaTextDeps {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  queue: JobQueue;
  readContent: MediaContentReader;
  ocr: OcrEngine;
  /** Undefined when no speech engine is installed: voice notes get a `no_engine` state. */
  transcriber: Transcriber | undefined;
}

/** Raised while a document's preview is not derived yet, so the job is retried. */
class NotReady extends Error {}

type Reading = Pick<MediaText, 'state' | 'engine' | 'text' | 'confidence' | 'reason'> & {
  language: string | null;
};

/**
 * `knowledge.ocr`: text from an inbound image (the original) or a document's first page (its preview),
 * in the customer's language when known, within the business's time budget.
 */
export function createOcrJob(deps: MediaTextDeps): JobDefinition<MediaTextPayload> {
  return {
    ...ocrJob,
    handler: async ({ mediaId }, context) =>
      readMedia(deps, mediaId, 'ocr', context.logger, async (settings, bytes, language) => {
        const result = await deps.ocr.recognize(bytes, {
          languages: language ? [language] : [],
          timeoutMs: settings.ocrTimeoutMs,
        });
        const text = result.text.trim();
        return {
          state: text ? 'done' : 'empty',
          engine: deps.ocr.name,
          text: text || null,
          confidence: result.confidence,
          reason: null,
          language: text ? detectLanguage(text) : null,
        };
      }),
  };
}

/** `knowledge.transcribe`: a voice note's transcript, or a `no_engine` state when none is installed. */
export function createTranscribeJob(deps: MediaTextDeps): JobDefinition<MediaTextPayload> {
  return {
    ...transcribeJob,
    handler: async ({ mediaId }, context) =>
      readMedia(deps, mediaId, 'transcript', context.logger, async (settings, bytes) => {
        if (!deps.transcriber) {
          return {
            state: 'no_engine',
            engine: null,
            text: null,
            confidence: null,
            reason: null,
            language: null,
          };
        }
        const result = await deps.transcriber.transcribe(bytes, {
          timeoutMs: settings.transcriptionTimeoutMs,
        });
        // A one-language model hears every speaker in its language: only a multilingual one says anything
        // about the customer's language.
        const multilingual = deps.transcriber.languages.length > 1;
        return {
          state: result.text ? 'done' : 'empty',
          engine: deps.transcriber.name,
          text: result.text || null,
          confidence: null,
          reason: null,
          language: result.text && multilingual ? detectLanguage(result.text) : null,
        };
      }),
  };
}

async function readMedia(
  deps: MediaTextDeps,
  mediaId: string,
  kind: MediaTextKind,
  logger: Logger,
  read: (settings: KnowledgeSettings, bytes: Buffer, language: string | null) => Promise<Reading>,
): Promise<void> {
  const settings = await loadKnowledgeSettings(deps.db);
  if (!(kind === 'ocr' ? settings.ocr : settings.transcription)) {
    return;
  }
  const media = await deps.db
    .selectFrom('media')
    .leftJoin('tickets', 'tickets.id', 'media.ticket_id')
    .leftJoin('contacts', 'contacts.id', 'tickets.contact_id')
    .select(['media.kind', 'media.ticket_id', 'contacts.id as contactId', 'contacts.language'])
    .where('media.id', '=', mediaId)
    .executeTakeFirst();
  if (!media) {
    return;
  }
  // Images are read at full size; a document's first page from its preview (derived once, by media.preview).
  const content = await deps.readContent(mediaId, media.kind === 'document' ? 'preview' : 'original');
  if (content.kind === 'not_ready') {
    throw new NotReady(`media ${mediaId} has no preview yet`);
  }
  if (content.kind === 'unavailable') {
    return;
  }
  const started = performance.now();
  const reading = await read(settings, content.bytes, media.language).catch((error: unknown): Reading => {
    if (!(error instanceof EngineError)) {
      throw error;
    }
    logger.warn({ mediaId, reason: error.reason }, 'could not read text from media');
    return {
      state: 'failed',
      engine: null,
      text: null,
      confidence: null,
      reason: error.reason,
      language: null,
    };
  });
  await store(deps, {
    mediaId,
    ticketId: media.ticket_id,
    contactId: media.contactId,
    kind,
    reading,
    started,
  });
  // Never the text itself: it may hold card numbers or personal data (logs carry ids and states only).
  logger.info({ mediaId, kind, state: reading.state, engine: reading.engine }, 'media text stored');
}

async function store(
  deps: MediaTextDeps,
  input: {
    mediaId: string;
    ticketId: string | null;
    contactId: string | null;
    kind: MediaTextKind;
    reading: Reading;
    started: number;
  },
): Promise<void> {
  const { reading, ticketId } = input;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await saveMediaText(trx, {
      mediaId: input.mediaId,
      ticketId,
      kind: input.kind,
      state: reading.state as MediaTextState,
      engine: reading.engine,
      language: reading.language,
      text: reading.text,
      confidence: reading.confidence,
      durationMs: Math.round(performance.now() - input.started),
      reason: reading.reason,
      createdAt: now,
    });
    // A customer whose language was unknown (a screenshot, a voice note) gets the one their media shows.
    if (reading.language && input.contactId) {
      await trx
        .updateTable('contacts')
        .set({ language: reading.language })
        .where('id', '=', input.contactId)
        .where('language', 'is', null)
        .execute();
    }
    if (ticketId && reading.state === 'done') {
      await deps.queue.enqueue(
        categorizeJob,
        { ticketId },
        { db: trx, dedupeKey: `knowledge.categorize:${input.mediaId}` },
      );
    }
  });
  if (ticketId) {
    await deps.events.publish([{ type: 'ticket.updated', ticketId }]);
  }
}
