import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { EventBus } from '../events/index.ts';
import { defineJobSpec, type JobDefinition, type JobSpec } from '../jobs/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { BotSender, StoredMediaSource } from '../media/index.ts';
import type { Database } from '../store/index.ts';
import { findCustomerLanguage, insertTicketEvent, SYSTEM_ACTOR } from '../tickets/index.ts';
import { analyseMedia } from './analyse-media.ts';
import { type AnalysisConfig, withSwitches } from './analysis.config.ts';
import { guidanceText } from './analysis.guidance.ts';
import { findAnalysis, insertHash, loadSettings, saveAnalysis } from './analysis.repo.ts';
import { ANALYSER_VERSION, type DuplicateLink, type MediaAnalysisResult } from './analysis.types.ts';
import { findDuplicate } from './duplicates.ts';
import { fromHex, toSegments } from './image.hash.ts';

export const AnalyseJobPayload = z.object({ mediaId: z.string().min(1) });
export type AnalyseJobPayload = z.infer<typeof AnalyseJobPayload>;

export const analyseJobSpec: JobSpec<AnalyseJobPayload> = defineJobSpec({
  name: 'media.analyse',
  schema: AnalyseJobPayload,
  retry: { attempts: 2, baseDelayMs: 2_000, maxDelayMs: 30_000 },
});

export interface AnalyseJobDeps {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  config: AnalysisConfig;
  openStored: (mediaId: string) => Promise<StoredMediaSource | undefined>;
  sendBotText: BotSender;
}

/**
 * `media.analyse`: runs the switched-on analysers on a stored inbound media item, records the result
 * (once), links a near-duplicate on another ticket, and asks the customer to re-shoot an unusable photo.
 */
export function createAnalyseJob(deps: AnalyseJobDeps): JobDefinition<AnalyseJobPayload> {
  return {
    ...analyseJobSpec,
    handler: async ({ mediaId }) => {
      const source = await deps.openStored(mediaId);
      if (!source) {
        return;
      }
      const settings = await loadSettings(deps.db);
      const config = withSwitches(deps.config, settings.enabled);
      if (!(await findAnalysis(deps.db, mediaId))) {
        const started = performance.now();
        const result = await analyseMedia(source, config);
        if (!result) {
          return;
        }
        const duplicate =
          result.phash && config.enabled.duplicates
            ? await findDuplicate(deps.db, result.phash, {
                maxDistance: config.duplicateMaxDistance,
                ticketId: source.ticketId,
              })
            : null;
        if (duplicate) {
          result.flags.push('duplicate_of');
        }
        await record(deps, source, result, duplicate, performance.now() - started);
      }
      const analysis = await findAnalysis(deps.db, mediaId);
      const reason = analysis?.reasons[0];
      if (reason && source.kind === 'image' && source.ticketId && config.enabled.guidance) {
        const language = await findCustomerLanguage(deps.db, source.ticketId);
        await deps.sendBotText({
          ticketId: source.ticketId,
          text: guidanceText(reason, language, settings.guidance),
          idempotencyKey: `analysis-guidance:${mediaId}`,
        });
      }
    },
  };
}

async function record(
  deps: AnalyseJobDeps,
  source: StoredMediaSource,
  result: MediaAnalysisResult,
  duplicate: DuplicateLink | null,
  durationMs: number,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const saved = await saveAnalysis(trx, {
      mediaId: source.mediaId,
      ticketId: source.ticketId,
      sha256: source.sha256,
      kind: source.kind,
      result,
      duplicate,
      analyserVersion: ANALYSER_VERSION,
      durationMs,
      analysedAt: now,
    });
    if (!saved) {
      return;
    }
    if (result.phash) {
      await insertHash(trx, {
        mediaId: source.mediaId,
        ticketId: source.ticketId,
        segments: toSegments(fromHex(result.phash)),
        now,
      });
    }
    if (!source.ticketId) {
      return;
    }
    const ref = { mediaId: source.mediaId, messageId: source.messageId };
    if (result.verdict === 'unusable') {
      const data = { ...ref, reasons: result.reasons, flags: result.flags };
      await insertTicketEvent(trx, source.ticketId, 'media_unusable', SYSTEM_ACTOR, data, now);
    }
    if (duplicate) {
      const data = {
        ...ref,
        duplicateMediaId: duplicate.mediaId,
        duplicateTicketId: duplicate.ticketId,
        duplicateTicketNumber: duplicate.ticketNumber,
        distance: duplicate.distance,
      };
      await insertTicketEvent(trx, source.ticketId, 'media_duplicate', SYSTEM_ACTOR, data, now);
    }
  });
  if (source.ticketId && source.messageId) {
    await deps.events.publish([
      { type: 'ticket.updated', ticketId: source.ticketId },
      { type: 'message.updated', ticketId: source.ticketId, messageId: source.messageId },
    ]);
  }
}
