import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type AnalysisOptions, createAnalysisModule } from '../analysis/index.ts';
import { createAnalyticsModule } from '../analytics/index.ts';
import { type AuditLog, createAuditLog } from '../audit/index.ts';
import {
  type AuthService,
  adminRoutes,
  authRoutes,
  createAuthService,
  createSecretBox,
} from '../auth/index.ts';
import {
  type BlobStore,
  createLocalDiskBlobStore,
  createMediaVault,
  createS3BlobStore,
  parseMasterKey,
} from '../blobs/index.ts';
import { type Config, ConfigError } from '../config/index.ts';
import { createMemoryEventBus, createPgEventBus, type EventBus } from '../events/index.ts';
import { buildApp } from '../http/app.ts';
import { auditRoutes } from '../http/audit.routes.ts';
import { createAuthenticator } from '../http/authenticate.ts';
import { eventsRoutes } from '../http/events.routes.ts';
import { opsRoutes } from '../http/health.routes.ts';
import { createMetrics, type Metrics } from '../http/metrics.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { createGroupCommitter, createWebhookService, webhookRoutes } from '../ingest/index.ts';
import {
  createDbJobQueue,
  createPgBossJobQueue,
  type JobQueue,
  type RetryPolicy,
  scheduleRecurring,
} from '../jobs/index.ts';
import { type Clock, type Logger, MINUTE, systemClock } from '../kernel/index.ts';
import {
  createKnowledgeModule,
  type KnowledgeModule,
  type KnowledgeModuleOptions,
} from '../knowledge/index.ts';
import {
  type BotSender,
  createMediaModule,
  type MediaModule,
  type MediaProcessor,
  type MediaTiming,
} from '../media/index.ts';
import { notificationRoutes } from '../notifications/index.ts';
import {
  createReadReceiptJob,
  createReplyService,
  createSendJob,
  enqueueReadReceipt,
  type Reply,
  type ReplyService,
} from '../outbound/index.ts';
import { createPrivacyModule, RETENTION_EVERY_MS, retentionJob } from '../privacy/index.ts';
import { createRoutingModule } from '../routing/index.ts';
import { createSlaModule, SLA_SWEEP_EVERY_MS, type SlaModule } from '../sla/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { createSurveysModule } from '../surveys/index.ts';
import {
  cannedReplyRoutes,
  createTemplateService,
  syncTemplatesJob,
  templateRoutes,
} from '../templates/index.ts';
import { autoCloseJob, createAutoCloseJob, createTicketService, ticketRoutes } from '../tickets/index.ts';
import { createGraphClient, type WhatsAppClient } from '../whatsapp/index.ts';
import {
  createDemoSecrets,
  createMasterKeyFile,
  DEMO_NUMBER,
  type DemoSecrets,
  readOrCreateSecretFile,
} from './data-dir.ts';
import { createDemo, type Demo } from './demo.ts';

export type Role = 'all' | 'api' | 'worker';

export interface RuntimeOptions {
  config: Readonly<Config>;
  logger: Logger;
  role: Role;
  clock?: Clock;
  /** Tests hand in a prepared database; otherwise it is opened from config. */
  store?: Store;
  /** Redelivery schedule of the demo simulator (tests shorten it). */
  simulatorRetryDelaysMs?: number[];
  /** Media download timing and retry (tests shorten them), and the preview processor. */
  media?: { timing?: Partial<MediaTiming>; fetchRetry?: RetryPolicy; processor?: MediaProcessor };
  /** Analysers, budgets and thresholds (the business switches analysers in its settings). */
  analysis?: AnalysisOptions;
  /** OCR and speech engines (tests choose; by default the installed ones). */
  knowledge?: Pick<KnowledgeModuleOptions, 'ocr' | 'transcriber'>;
}

export interface Runtime {
  app: FastifyInstance;
  store: Store;
  queue: JobQueue;
  events: EventBus;
  auth: AuthService;
  audit: AuditLog;
  metrics: Metrics;
  whatsapp: WhatsAppClient;
  media: MediaModule;
  knowledge: KnowledgeModule;
  sla: SlaModule;
  blobStore: BlobStore;
  demo: Demo | undefined;
  /** Listens (api roles) and starts the job worker (worker roles); returns the base URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

const VERSION = '0.1.0';
const AUTO_CLOSE_EVERY_MS = 60_000;
const TEMPLATE_SYNC_EVERY_MS = 60 * 60_000;
const SHUTDOWN_GRACE_MS = 5_000;

/** The composition root: chooses every adapter once, from config. */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openStore(config.database));
  const queue = createQueue(store, clock, logger);
  const events = createEventBus(store, config, logger);
  const demoSecrets =
    config.whatsapp.mode === 'demo'
      ? readOrCreateSecretFile<DemoSecrets>(config.dataDir, 'demo-credentials.json', createDemoSecrets)
      : undefined;
  const credentials = whatsappCredentials(config, demoSecrets);
  let baseUrl = config.publicUrl ?? `http://127.0.0.1:${config.port}`;
  // In demo mode the Graph API is this very server's simulator, whose port is known after listen.
  const graphClient = () =>
    createGraphClient({
      graphUrl: demoSecrets ? `${baseUrl}/simulator/graph` : config.whatsapp.graphUrl,
      apiVersion: config.whatsapp.apiVersion,
      accessToken: credentials.accessToken,
      phoneNumberId: credentials.phoneNumberId,
      businessAccountId: credentials.wabaId,
    });
  let client: WhatsAppClient | undefined;
  const whatsapp = lazyClient(() => {
    client ??= graphClient();
    return client;
  });

  const metrics = createMetrics({ queueDepth: () => queue.depth() });
  const masterKey = parseMasterKey(resolveMasterKeyHex(config));
  const auth = createAuthService({
    db: store.db,
    clock,
    bootstrapToken: config.bootstrapToken,
    secrets: createSecretBox(masterKey, 'totp'),
  });
  const auditLog = createAuditLog({ db: store.db, dialect: store.dialect, clock });
  const blobStore = createBlobStore(config);
  const vault = createMediaVault({ store: blobStore, masterKey });
  let replies: ReplyService | undefined;
  const sendBotText: BotSender = async ({ ticketId, text, idempotencyKey }) => {
    await replies!.reply(ticketId, { type: 'text', text, idempotencyKey }, { type: 'bot', id: null });
  };
  const media = createMediaModule({
    db: store.db,
    clock,
    events,
    queue,
    whatsapp,
    vault,
    masterKey,
    sendBotText,
    ...options.media,
  });
  const analysis = createAnalysisModule({
    db: store.db,
    clock,
    events,
    queue,
    openStored: media.openStored,
    sendBotText,
    options: options.analysis,
  });
  media.onStored(analysis.onMediaStored);
  const knowledge = createKnowledgeModule({
    db: store.db,
    clock,
    events,
    queue,
    logger,
    media,
    sendBotText,
    ...options.knowledge,
  });
  const sla = createSlaModule({ db: store.db, dialect: store.dialect, clock, events, queue });
  const sendBot = async (ticketId: string, reply: Reply) => {
    await replies!.reply(ticketId, reply, { type: 'bot', id: null });
  };
  const surveys = createSurveysModule({
    db: store.db,
    clock,
    queue,
    enabled: config.surveys.csat,
    sendBot,
  });
  const tickets = createTicketService({
    db: store.db,
    clock,
    events,
    loadMedia: media.loadViews,
    onChanged: async (db, ticketId, change) => {
      await sla.onTicketChanged(db, ticketId, change);
      await surveys.onTicketChanged(db, ticketId, change);
    },
  });
  const routing = createRoutingModule({
    db: store.db,
    dialect: store.dialect,
    clock,
    events,
    queue,
    logger,
    sendBot,
    addNote: async (ticketId, text) => {
      await tickets.addNote(ticketId, text, { type: 'bot', id: null });
    },
  });
  const templates = createTemplateService({ db: store.db, clock, whatsapp, logger });
  replies = createReplyService({
    db: store.db,
    clock,
    events,
    queue,
    tickets,
    templates,
    attachments: media.outbound,
    loadMedia: media.loadViews,
    onReplied: sla.onReplied,
  });
  // SQLite has one writer: one transaction at a time, as large as the queue. PostgreSQL spends its time
  // in round trips, so several smaller transactions run side by side (the pool keeps room for the API).
  const committer = createGroupCommitter(
    store.dialect === 'sqlite'
      ? { db: store.db, logger, parallel: 1, maxBatch: 256 }
      : {
          db: store.db,
          logger,
          parallel: Math.max(2, (config.database.kind === 'postgres' ? config.database.poolSize : 10) - 2),
          maxBatch: 16,
        },
  );
  const webhookService = createWebhookService({
    committer,
    events,
    clock,
    dialect: store.dialect,
    reopenWindowMs: config.tickets.reopenWindowMs,
    hooks: [
      media.intakeHook,
      knowledge.inboundHook,
      routing.inboundHook,
      sla.inboundHook,
      surveys.inboundHook,
    ],
    logger,
  });
  const sendJob = createSendJob({
    db: store.db,
    dialect: store.dialect,
    clock,
    events,
    whatsapp,
    onSendFailure: (reason) => metrics.sendFailures.inc({ reason }),
    uploadAttachment: (attachmentId) => media.outbound.ensureUploaded(attachmentId),
  });

  const demo = demoSecrets
    ? createDemo({
        secrets: demoSecrets,
        apiVersion: config.whatsapp.apiVersion,
        clock,
        logger,
        retryDelaysMs: options.simulatorRetryDelaysMs,
      })
    : undefined;

  const privacy = createPrivacyModule({ db: store.db, vault, clock, audit: auditLog });
  const analytics = createAnalyticsModule({
    db: store.db,
    dialect: store.dialect,
    clock,
    events,
    settings: config.analytics,
  });

  const app = await buildApp({
    logger,
    dashboardDir: path.resolve(import.meta.dirname, '../../dashboard/dist'),
    authenticate: createAuthenticator(auth, auditLog),
    auditLog,
    plugins: [
      async (scope) => opsRoutes(scope, { db: store.db, queue, metrics, version: VERSION }),
      async (scope) =>
        webhookRoutes(scope, {
          appSecret: credentials.appSecret,
          verifyToken: credentials.verifyToken,
          service: webhookService,
          metrics,
          badSignatures: createRateLimiter({ name: 'webhook', max: 30, windowMs: MINUTE, clock }),
        }),
      async (scope) =>
        authRoutes(scope, {
          db: store.db,
          auth,
          secureCookies: config.secureCookies,
          loginLimiter: createRateLimiter({ name: 'login', max: 30, windowMs: MINUTE, clock }),
        }),
      async (scope) => adminRoutes(scope, { db: store.db, auth }),
      async (scope) => auditRoutes(scope, { audit: auditLog }),
      async (scope) =>
        ticketRoutes(scope, {
          db: store.db,
          tickets,
          replies,
          onRead: (ticketId) => enqueueReadReceipt({ db: store.db, queue, clock }, ticketId),
        }),
      async (scope) => templateRoutes(scope, { db: store.db, templates }),
      async (scope) => cannedReplyRoutes(scope, { db: store.db, clock }),
      async (scope) => eventsRoutes(scope, { events, db: store.db }),
      media.plugin,
      privacy.plugin,
      analysis.plugin,
      knowledge.plugin(replies),
      routing.plugin,
      sla.plugin,
      async (scope) => notificationRoutes(scope, { db: store.db, clock }),
      analytics.plugin,
      ...(demo ? [demo.plugin] : []),
    ],
  });

  const servesApi = options.role !== 'worker';
  const runsJobs = options.role !== 'api';
  const autoClose = createAutoCloseJob({
    db: store.db,
    clock,
    events,
    autoCloseMs: config.tickets.autoCloseMs,
  });
  const stopSchedules: (() => void)[] = [];

  return {
    app,
    store,
    queue,
    events,
    auth,
    audit: auditLog,
    metrics,
    whatsapp,
    media,
    knowledge,
    sla,
    blobStore,
    demo,
    async start() {
      if (servesApi) {
        if (demo) {
          await knowledge.seedDemo();
        }
        const address = await app.listen({ port: config.port, host: config.host });
        const port = new URL(address).port;
        baseUrl = config.publicUrl ?? `http://127.0.0.1:${port}`;
        client = undefined;
        demo?.connect(`http://127.0.0.1:${port}`);
      }
      if (runsJobs) {
        await queue.work(
          [
            sendJob,
            createReadReceiptJob({ whatsapp }),
            autoClose,
            templates.job,
            ...media.jobs,
            ...privacy.jobs,
            ...analysis.jobs,
            ...knowledge.jobs,
            ...routing.jobs,
            ...sla.jobs,
            ...analytics.jobs,
            ...surveys.jobs,
          ],
          { concurrency: 4 },
        );
        stopSchedules.push(routing.start());
        stopSchedules.push(scheduleRecurring({ queue, clock, logger }, autoCloseJob, AUTO_CLOSE_EVERY_MS));
        stopSchedules.push(scheduleRecurring({ queue, clock, logger }, retentionJob, RETENTION_EVERY_MS));
        stopSchedules.push(scheduleRecurring({ queue, clock, logger }, sla.sweepJob, SLA_SWEEP_EVERY_MS));
        for (const { job, everyMs } of analytics.recurring) {
          stopSchedules.push(scheduleRecurring({ queue, clock, logger }, job, everyMs));
        }
        if (credentials.wabaId) {
          // Runs at once, then hourly: agents see new and re-categorised templates without a restart.
          stopSchedules.push(
            scheduleRecurring({ queue, clock, logger }, syncTemplatesJob, TEMPLATE_SYNC_EVERY_MS),
          );
        }
      }
      return baseUrl;
    },
    async stop() {
      for (const stopSchedule of stopSchedules.splice(0)) {
        stopSchedule();
      }
      // Jobs first: in demo mode they call this server's own simulator, which must still answer; then
      // HTTP (in-flight webhooks finish and commit), then the committer.
      await queue.stop();
      // In-flight requests get a grace period; a client that stopped reading (a half-read video range,
      // a stalled download) must not hold the shutdown forever.
      const forceClose = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await app.close();
      clearTimeout(forceClose);
      await committer.drain();
      await knowledge.close();
      await demo?.stop();
      await events.close();
      if (!options.store) {
        await store.destroy();
      }
    },
  };
}

function createQueue(store: Store, clock: Clock, logger: Logger): JobQueue {
  switch (store.dialect) {
    case 'sqlite':
      return createDbJobQueue({ db: store.db, clock, logger });
    case 'postgres':
      return createPgBossJobQueue({
        pool: store.pgPool!,
        schema: store.pgSchema ? `${store.pgSchema}_boss` : 'pgboss',
        clock,
        logger,
      });
  }
}

/**
 * The key that wraps every media blob's data key: SIGHTLINE_MASTER_KEY, or in embedded mode the one
 * generated into DATA_DIR/master-key.json on first start. Scale-out processes must share one key, so
 * PostgreSQL mode requires it explicitly (loadConfig already refuses to start without it).
 */
export function resolveMasterKeyHex(config: Readonly<Config>): string {
  if (config.masterKeyHex) {
    return config.masterKeyHex;
  }
  if (config.database.kind === 'postgres') {
    throw new ConfigError([
      'SIGHTLINE_MASTER_KEY: is required with DATABASE_URL (every process must use the same key)',
    ]);
  }
  return readOrCreateSecretFile(config.dataDir, 'master-key.json', createMasterKeyFile).masterKey;
}

function createBlobStore(config: Readonly<Config>): BlobStore {
  const media = config.mediaStore;
  switch (media.kind) {
    case 'disk':
      return createLocalDiskBlobStore({ dir: media.dir });
    case 's3':
      return createS3BlobStore({
        bucket: media.bucket,
        prefix: media.prefix,
        region: media.region,
        ...(media.endpoint ? { endpoint: media.endpoint, forcePathStyle: true } : {}),
      });
  }
}

function createEventBus(store: Store, config: Readonly<Config>, logger: Logger): EventBus {
  if (store.dialect === 'sqlite' || config.database.kind !== 'postgres') {
    return createMemoryEventBus();
  }
  const channel = `sightline_events${store.pgSchema ? `_${store.pgSchema}` : ''}`;
  return createPgEventBus({ pool: store.pgPool!, url: config.database.url, channel, logger });
}

function whatsappCredentials(config: Readonly<Config>, demo: DemoSecrets | undefined) {
  if (demo) {
    return { ...demo, ...DEMO_NUMBER };
  }
  const w = config.whatsapp;
  return {
    appSecret: w.appSecret!,
    verifyToken: w.verifyToken!,
    accessToken: w.accessToken!,
    phoneNumberId: w.phoneNumberId!,
    wabaId: w.businessAccountId,
  };
}

/** The Graph client, built on first use (in demo mode its URL is known only once the server listens). */
function lazyClient(get: () => WhatsAppClient): WhatsAppClient {
  return {
    sendMessage: (payload) => get().sendMessage(payload),
    markRead: (wamid, options) => get().markRead(wamid, options),
    getMediaInfo: (mediaId) => get().getMediaInfo(mediaId),
    downloadMedia: (url) => get().downloadMedia(url),
    uploadMedia: (input) => get().uploadMedia(input),
    listTemplates: () => get().listTemplates(),
  };
}
