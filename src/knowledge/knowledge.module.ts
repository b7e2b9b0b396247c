import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { EventBus } from '../events/index.ts';
import type { AnyJobDefinition, JobDefinition, JobQueue } from '../jobs/index.ts';
import type { Clock, Logger } from '../kernel/index.ts';
import type { MediaModule } from '../media/index.ts';
import type { ReplyService } from '../outbound/index.ts';
import type { Database } from '../store/index.ts';
import type { InboundHook } from '../tickets/index.ts';
import { loadCorpus } from './category-data.ts';
import { findTranscriber, type OcrEngine, selectOcrEngine, type Transcriber } from './engines/index.ts';
import { seedDemoArticles } from './kb.demo.ts';
import { kbRoutes } from './kb.routes.ts';
import { type CategorizePayload, categorizeJob, ocrJob, transcribeJob } from './knowledge.jobs.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';
import { type BotSender, createKnowledgeService, type KnowledgeService } from './knowledge.service.ts';
import { createOcrJob, createTranscribeJob } from './media-text.job.ts';
import { trainNaiveBayes } from './naive-bayes.ts';

const CATEGORIZE_WINDOW_MS = 2_000;
/** Lets a transaction that read the clock just before the window closed commit before the run reads. */
const COMMIT_GRACE_MS = 500;

export interface KnowledgeModuleOptions {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  queue: JobQueue;
  logger: Logger;
  media: MediaModule;
  sendBotText: BotSender;
  /** Engines (tests and benchmarks choose); by default the installed ones. */
  ocr?: OcrEngine;
  transcriber?: Transcriber | null;
}

export interface KnowledgeModule {
  jobs: AnyJobDefinition[];
  inboundHook: InboundHook;
  service: KnowledgeService;
  plugin(replies: ReplyService): (app: FastifyInstance) => Promise<void>;
  seedDemo(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The text side of media analysis: OCR and transcripts as jobs after media is stored, signals, the
 * ticket's category, and the knowledge base with suggestions (sent by agents in one click, or by the bot
 * when it is sure).
 */
export function createKnowledgeModule(options: KnowledgeModuleOptions): KnowledgeModule {
  const { db, clock, events, queue } = options;
  const ocr = options.ocr ?? selectOcrEngine();
  const transcriber =
    options.transcriber === undefined ? findTranscriber() : (options.transcriber ?? undefined);
  const service = createKnowledgeService({
    db,
    events,
    model: trainNaiveBayes(loadCorpus('seed')),
    sendBotText: options.sendBotText,
    logger: options.logger,
  });
  options.media.onStored(async (notice, trx) => {
    if (notice.state !== 'stored') {
      return;
    }
    const isPdf = notice.kind === 'document' && notice.mimeType === 'application/pdf';
    if (notice.kind === 'image' || isPdf) {
      await queue.enqueue(
        ocrJob,
        { mediaId: notice.mediaId },
        { db: trx, dedupeKey: `knowledge.ocr:${notice.mediaId}` },
      );
    } else if (notice.kind === 'audio') {
      await queue.enqueue(
        transcribeJob,
        { mediaId: notice.mediaId },
        { db: trx, dedupeKey: `knowledge.transcribe:${notice.mediaId}` },
      );
    }
  });
  const mediaTextDeps = {
    db,
    clock,
    events,
    queue,
    readContent: options.media.readContent,
    ocr,
    transcriber,
  };
  const categorize: JobDefinition<CategorizePayload> = {
    ...categorizeJob,
    handler: ({ ticketId }) => service.analyseTicket(ticketId),
  };
  return {
    jobs: [createOcrJob(mediaTextDeps), createTranscribeJob(mediaTextDeps), categorize],
    inboundHook: async (trx, { ticketId, message }) => {
      const content = message.content;
      const hasText = content.kind === 'text' || (content.kind === 'media' && Boolean(content.caption));
      if (!hasText) {
        return;
      }
      // One run per ticket per window, after it closes: a customer's burst of messages is sorted once,
      // with all of it, and the ingest transaction adds at most one job row per ticket and window.
      const window = Math.floor(clock.now() / CATEGORIZE_WINDOW_MS) + 1;
      await queue.enqueue(
        categorizeJob,
        { ticketId },
        {
          db: trx,
          runAt: window * CATEGORIZE_WINDOW_MS + COMMIT_GRACE_MS,
          dedupeKey: `knowledge.categorize:${ticketId}:${window}`,
        },
      );
    },
    service,
    plugin: (replies) => async (app) => {
      await kbRoutes(app, { db, clock });
      await knowledgeRoutes(app, { db, clock, knowledge: service, replies });
    },
    seedDemo: () => seedDemoArticles(db, clock.now()),
    close: () => ocr.close(),
  };
}
