import type { DomainEvent, EventBus } from '../events/index.ts';
import type { Clock, Logger } from '../kernel/index.ts';
import type { Dialect } from '../store/index.ts';
import type { InboundHook } from '../tickets/index.ts';
import type { ParsedWebhook } from '../whatsapp/index.ts';
import type { GroupCommitter } from './group-commit.ts';
import { type IngestOutcome, ingestChange } from './ingest.service.ts';

export interface WebhookServiceDeps {
  committer: GroupCommitter;
  events: EventBus;
  clock: Clock;
  dialect: Dialect;
  reopenWindowMs: number;
  hooks: readonly InboundHook[];
  logger: Logger;
}

/** Makes a parsed webhook durable (one shared transaction) and then tells live listeners. */
export function createWebhookService(deps: WebhookServiceDeps) {
  const knownChannels = new Map<string, string>();
  const ingestDeps = { ...deps, knownChannels };
  return {
    async ingest(parsed: ParsedWebhook & { kind: 'messages' }): Promise<IngestOutcome> {
      const now = deps.clock.now();
      const outcome = await deps.committer.run(async (trx) => {
        const total: IngestOutcome = {
          events: [],
          messagesStored: 0,
          duplicates: 0,
          statusesApplied: 0,
          channels: [],
        };
        for (const change of parsed.changes) {
          const part = await ingestChange(trx, change, now, ingestDeps);
          total.channels.push(...part.channels);
          total.events.push(...part.events);
          total.messagesStored += part.messagesStored;
          total.duplicates += part.duplicates;
          total.statusesApplied += part.statusesApplied;
        }
        return total;
      });
      for (const [phoneNumberId, channelId] of outcome.channels) {
        knownChannels.set(phoneNumberId, channelId);
      }
      // Published after commit, never before: a dashboard must not see what could still roll back.
      void deps.events.publish(dedupeEvents(outcome.events)).catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'could not publish webhook events');
      });
      return outcome;
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;

function dedupeEvents(events: readonly DomainEvent[]): DomainEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    const key = JSON.stringify(event);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
