/**
 * Turn messages and ticket events into what the timeline draws: reactions folded onto the message they
 * react to, quotes resolved, system events interleaved, day dividers inserted. Pure, so it is tested
 * without rendering.
 */
import type { AuthorType, Message, TicketEvent } from '../../lib/types';

export interface ReactionChip {
  emoji: string;
  count: number;
  authorTypes: AuthorType[];
}

export interface QuoteView {
  messageId: string | null;
  message: Message | null;
  preview: string | null;
}

export type TimelineItem =
  | { type: 'day'; key: string; at: number }
  | {
      type: 'message';
      key: string;
      at: number;
      message: Message;
      reactions: ReactionChip[];
      quote: QuoteView | null;
    }
  | { type: 'notice'; key: string; at: number; message: Message }
  | { type: 'event'; key: string; at: number; event: TicketEvent };

const NOTICE_KINDS = new Set(['system', 'edit', 'revoke', 'request_welcome']);

export function sortMessages(messages: readonly Message[]): Message[] {
  return [...messages].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Latest reaction per reactor on each target wamid; an empty emoji removes the reaction. */
function collectReactions(
  messages: readonly Message[],
): Map<string, Map<string, { emoji: string; authorType: AuthorType }>> {
  const byTarget = new Map<string, Map<string, { emoji: string; authorType: AuthorType }>>();
  for (const message of messages) {
    if (message.content.kind !== 'reaction') {
      continue;
    }
    const { targetWamid, emoji } = message.content;
    const reactor = `${message.authorType}:${message.authorId ?? ''}`;
    const entries = byTarget.get(targetWamid) ?? new Map<string, { emoji: string; authorType: AuthorType }>();
    if (emoji) {
      entries.set(reactor, { emoji, authorType: message.authorType });
    } else {
      entries.delete(reactor);
    }
    byTarget.set(targetWamid, entries);
  }
  return byTarget;
}

function toChips(reactions: readonly { emoji: string; authorType: AuthorType }[]): ReactionChip[] {
  const chips = new Map<string, ReactionChip>();
  for (const { emoji, authorType } of reactions) {
    const chip = chips.get(emoji) ?? { emoji, count: 0, authorTypes: [] };
    chip.count += 1;
    chip.authorTypes.push(authorType);
    chips.set(emoji, chip);
  }
  return [...chips.values()];
}

function mergeReactions(
  server: readonly { emoji: string; authorType: AuthorType }[],
  derived: readonly { emoji: string; authorType: AuthorType }[],
) {
  const merged = [...server];
  for (const reaction of derived) {
    if (!merged.some((item) => item.emoji === reaction.emoji && item.authorType === reaction.authorType)) {
      merged.push(reaction);
    }
  }
  return merged;
}

function resolveQuote(
  message: Message,
  byId: Map<string, Message>,
  byWamid: Map<string, Message>,
): QuoteView | null {
  const context = message.context;
  if (!context || (!context.quotedWamid && !context.quotedMessageId)) {
    return null;
  }
  const quoted =
    (context.quotedMessageId ? byId.get(context.quotedMessageId) : undefined) ??
    (context.quotedWamid ? byWamid.get(context.quotedWamid) : undefined) ??
    null;
  return {
    messageId: quoted?.id ?? context.quotedMessageId,
    message: quoted,
    preview: context.quotedPreview,
  };
}

function dayKey(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

export function buildTimeline(
  messages: readonly Message[],
  events: readonly TicketEvent[] = [],
): TimelineItem[] {
  const sorted = sortMessages(messages);
  const byId = new Map(sorted.map((message) => [message.id, message]));
  const byWamid = new Map(
    sorted.filter((message) => message.wamid).map((message) => [message.wamid as string, message]),
  );
  const reactions = collectReactions(sorted);

  const items: Exclude<TimelineItem, { type: 'day' }>[] = [];
  for (const message of sorted) {
    const { kind } = message.content;
    if (kind === 'reaction') {
      const target = byWamid.get(message.content.targetWamid);
      if (!target && message.content.emoji) {
        items.push({ type: 'notice', key: message.id, at: message.createdAt, message });
      }
      continue;
    }
    if (NOTICE_KINDS.has(kind)) {
      items.push({ type: 'notice', key: message.id, at: message.createdAt, message });
      continue;
    }
    const derived = message.wamid ? [...(reactions.get(message.wamid)?.values() ?? [])] : [];
    items.push({
      type: 'message',
      key: message.id,
      at: message.createdAt,
      message,
      reactions: toChips(mergeReactions(message.reactions ?? [], derived)),
      quote: resolveQuote(message, byId, byWamid),
    });
  }
  for (const event of events) {
    items.push({ type: 'event', key: `event-${event.id}`, at: event.createdAt, event });
  }
  // The message that opens a ticket and its "created" event share a timestamp: the event reads first.
  const rank = (item: (typeof items)[number]) =>
    item.type === 'event' && item.event.kind === 'created' ? 0 : 1;
  items.sort((a, b) => a.at - b.at || rank(a) - rank(b));

  const withDays: TimelineItem[] = [];
  let currentDay = '';
  for (const item of items) {
    const day = dayKey(item.at);
    if (day !== currentDay) {
      currentDay = day;
      withDays.push({ type: 'day', key: `day-${day}`, at: item.at });
    }
    withDays.push(item);
  }
  return withDays;
}
