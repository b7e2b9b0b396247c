import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { EventBus } from '../events/index.ts';
import { t } from '../i18n/index.ts';
import { defineJobSpec, type JobDefinition } from '../jobs/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Reply } from '../outbound/index.ts';
import type { Database, Dialect } from '../store/index.ts';
import { composeAcknowledgement } from './acknowledgement.ts';
import { assignWaiting } from './assignment/assign-waiting.ts';
import { type CompiledRule, compileRules } from './engine/evaluate.ts';
import type { BotTurn } from './flows/bot-session.ts';
import { HANDOFF_OPTION } from './flows/flow-runner.ts';
import { routeMessage } from './route-message.ts';
import { getRulesSignature, listRules } from './rules.repo.ts';

export const routeJob = defineJobSpec({
  name: 'routing.route',
  schema: z.object({ messageId: z.string().min(1) }),
  retry: { attempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 },
});

export interface RoutingJobDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  events: EventBus;
  /** Sends as the bot through the outbound path (idempotent per key). */
  sendBot: (ticketId: string, reply: Reply) => Promise<void>;
  /** An internal note on the ticket (the `notify` action). */
  addNote: (ticketId: string, text: string) => Promise<void>;
}

/** The compiled rule set, recompiled only when a rule changed (one count query per message otherwise). */
export function createRuleCache(db: Kysely<Database>) {
  let cached: { signature: number; rules: CompiledRule[] } | undefined;
  return async (): Promise<CompiledRule[]> => {
    const signature = await getRulesSignature(db);
    if (cached?.signature !== signature) {
      cached = { signature, rules: compileRules(await listRules(db)) };
    }
    return cached.rules;
  };
}

/**
 * Routes one inbound message (rules, sentiment), then assigns what can be assigned, then acknowledges (the
 * `acknowledge` action) in the customer's language with the live expected wait. Idempotent: the field
 * changes converge and the acknowledgement has one idempotency key per message.
 */
export function createRouteJob(
  deps: RoutingJobDeps,
  rules: () => Promise<CompiledRule[]>,
): JobDefinition<{ messageId: string }> {
  return {
    ...routeJob,
    handler: async ({ messageId }) => {
      const routed = await routeMessage(deps, await rules(), messageId);
      if (!routed) {
        return;
      }
      await deps.events.publish([{ type: 'ticket.updated', ticketId: routed.ticketId }]);
      for (const note of routed.notes) {
        await deps.addNote(routed.ticketId, note);
      }
      if (routed.bot) {
        await sendBotTurn(deps, routed.ticketId, messageId, routed.language, routed.bot);
      }
      await assignWaiting(deps);
      if (routed.acknowledge) {
        await deps.sendBot(routed.ticketId, {
          type: 'text',
          text: await composeAcknowledgement(deps.db, routed.ticketId, routed.language),
          idempotencyKey: `routing.ack:${messageId}`,
        });
      }
    },
  };
}

/** The bot's answers and menus (every menu ends with “talk to a person”), then the hand-off note. */
async function sendBotTurn(
  deps: RoutingJobDeps,
  ticketId: string,
  messageId: string,
  language: string | null,
  turn: BotTurn,
): Promise<void> {
  const person = { id: HANDOFF_OPTION, title: t(language, 'bot.talk_to_person') };
  for (const [index, output] of turn.outputs.entries()) {
    const idempotencyKey = `bot:${messageId}:${index}`;
    if (output.kind === 'text') {
      await deps.sendBot(ticketId, { type: 'text', text: output.text, idempotencyKey });
      continue;
    }
    const options = output.node.options.map((o) => ({ id: o.id, title: o.title }));
    await deps.sendBot(
      ticketId,
      output.node.style === 'buttons'
        ? {
            type: 'choices',
            style: 'buttons',
            body: output.node.text,
            buttons: [...options, person],
            idempotencyKey,
          }
        : {
            type: 'choices',
            style: 'list',
            body: output.node.text,
            buttonLabel: t(language, 'bot.choose'),
            sections: [{ rows: [...options, person] }],
            idempotencyKey,
          },
    );
  }
  if (turn.handedOff) {
    await deps.sendBot(ticketId, {
      type: 'text',
      text: t(language, 'bot.handoff'),
      idempotencyKey: `bot:${messageId}:handoff`,
    });
  }
}
