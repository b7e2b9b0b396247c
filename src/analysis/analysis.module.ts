import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { EventBus } from '../events/index.ts';
import type { AnyJobDefinition, JobQueue } from '../jobs/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { BotSender, MediaStoredHook, StoredMediaSource } from '../media/index.ts';
import type { Database } from '../store/index.ts';
import { type AnalysisOptions, resolveAnalysisConfig } from './analysis.config.ts';
import { analyseJobSpec, createAnalyseJob } from './analysis.job.ts';
import { analysisRoutes } from './analysis.routes.ts';

export interface AnalysisModuleOptions {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  queue: JobQueue;
  openStored: (mediaId: string) => Promise<StoredMediaSource | undefined>;
  sendBotText: BotSender;
  options?: AnalysisOptions;
}

export interface AnalysisModule {
  jobs: AnyJobDefinition[];
  /** Subscribe with the media module's `onStored`: enqueues the analysis in the storing transaction. */
  onMediaStored: MediaStoredHook;
  plugin: (app: FastifyInstance) => Promise<void>;
}

const ANALYSED_KINDS = new Set(['image', 'video', 'audio']);

/** Local media analysis: quality, re-shoot guidance, perceptual hash and duplicates, tamper signals. */
export function createAnalysisModule(deps: AnalysisModuleOptions): AnalysisModule {
  const config = resolveAnalysisConfig(deps.options);
  return {
    jobs: [createAnalyseJob({ ...deps, config })],
    onMediaStored: async (notice, db) => {
      if (notice.state === 'stored' && ANALYSED_KINDS.has(notice.kind)) {
        await deps.queue.enqueue(
          analyseJobSpec,
          { mediaId: notice.mediaId },
          { db, dedupeKey: `media.analyse:${notice.mediaId}` },
        );
      }
    },
    plugin: (app) => analysisRoutes(app, { db: deps.db, clock: deps.clock }),
  };
}
