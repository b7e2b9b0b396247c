import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { MediaVault } from '../blobs/vault.types.ts';
import type { EventBus } from '../events/index.ts';
import type { AnyJobDefinition, JobQueue, RetryPolicy } from '../jobs/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import type { InboundHook, MediaViewLoader } from '../tickets/index.ts';
import type { WhatsAppClient } from '../whatsapp/index.ts';
import { createLocalMediaProcessor } from './local.media-processor.ts';
import {
  createMediaContentReader,
  createStoredMediaOpener,
  type MediaContentReader,
} from './media.content.ts';
import { createMediaFetchJob, DEFAULT_MEDIA_TIMING, type MediaTiming } from './media.fetch.job.ts';
import { createMediaIntakeHook } from './media.intake.ts';
import { createMediaJobSpecs } from './media.jobs.ts';
import { createMediaPreviewJob } from './media.preview.job.ts';
import type { MediaProcessor, StoredMediaSource } from './media.processor.ts';
import { type BotSender, createRefusalNotifier } from './media.refusal.ts';
import { mediaRoutes } from './media.routes.ts';
import type { MediaStoredHook } from './media.types.ts';
import { createOutboundMedia, type OutboundMedia } from './media.upload.ts';
import { createMediaUrlSigner } from './media.urls.ts';
import { createMediaViews } from './media.views.ts';

export interface MediaModuleOptions {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  queue: JobQueue;
  whatsapp: WhatsAppClient;
  vault: MediaVault;
  /** Signs media URLs (a key derived from it). */
  masterKey: Buffer;
  /** How refusal notes reach the customer (the outbound reply path, as the bot). */
  sendBotText: BotSender;
  processor?: MediaProcessor;
  timing?: Partial<MediaTiming>;
  fetchRetry?: RetryPolicy;
}

export interface MediaModule {
  jobs: AnyJobDefinition[];
  intakeHook: InboundHook;
  loadViews: MediaViewLoader;
  outbound: OutboundMedia;
  plugin: (app: FastifyInstance) => Promise<void>;
  /** Subscribe to stored media, in the worker (the analysis module does). */
  onStored(hook: MediaStoredHook): void;
  /** The plaintext of a stored media item as a stream, for analysis in jobs; undefined when not stored. */
  openStored(mediaId: string): Promise<StoredMediaSource | undefined>;
  /** Decrypted content of stored media (original or preview), read whole, for analysis jobs. */
  readContent: MediaContentReader;
}

/** Wires the media module from its ports; the composition root picks the adapters. */
export function createMediaModule(options: MediaModuleOptions): MediaModule {
  const { db, clock, events, queue, whatsapp, vault } = options;
  const specs = createMediaJobSpecs(options.fetchRetry);
  const hooks: MediaStoredHook[] = [];
  const openStored = createStoredMediaOpener({ db, vault });
  const signer = createMediaUrlSigner(options.masterKey);
  const views = createMediaViews({ signer, clock });
  const outbound = createOutboundMedia({ db, clock, vault, queue, jobs: specs, views, whatsapp });
  const fetchJob = createMediaFetchJob({
    db,
    clock,
    events,
    queue,
    whatsapp,
    vault,
    jobs: specs,
    timing: { ...DEFAULT_MEDIA_TIMING, ...options.timing },
    notifyRefusal: createRefusalNotifier({ db, sendBotText: options.sendBotText }),
    hooks,
  });
  const previewJob = createMediaPreviewJob({
    db,
    clock,
    events,
    vault,
    processor: options.processor ?? createLocalMediaProcessor(),
    jobs: specs,
  });
  return {
    jobs: [fetchJob, previewJob],
    intakeHook: createMediaIntakeHook({ queue, jobs: specs, clock }),
    loadViews: views.loadForMessages,
    outbound,
    plugin: (app) => mediaRoutes(app, { db, vault, signer, clock, outbound }),
    onStored: (hook) => {
      hooks.push(hook);
    },
    openStored,
    readContent: createMediaContentReader({ db, vault, openStored }),
  };
}
