/** One message of a conversation, oldest first: who wrote it ('customer' | 'agent' | 'bot' | 'system') and when. */
export interface ConversationMessage {
  author: string;
  at: number;
}

export interface ConversationFacts {
  /** Messages by author. */
  counts: { customer: number; agent: number; bot: number; system: number };
  firstBotReplyAt: number | null;
  humanTookOver: boolean;
  nextResponses: number[];
}

/**
 * Reads a ticket's messages once. The bot's first reply counts after the customer's first message. A
 * next-response wait starts at the customer's first message after a human reply and ends at the next
 * human reply (bot and system messages neither start nor end it); waits before the first human reply
 * are the first response time, not next-response time.
 */
export function foldConversation(messages: readonly ConversationMessage[]): ConversationFacts {
  let customerWrote = false;
  let botReplied = false;
  let humanReplied = false;
  let waitingSince: number | null = null;
  const facts: ConversationFacts = {
    counts: { customer: 0, agent: 0, bot: 0, system: 0 },
    firstBotReplyAt: null,
    humanTookOver: false,
    nextResponses: [],
  };
  for (const { author, at } of messages) {
    if (author in facts.counts) {
      facts.counts[author as keyof ConversationFacts['counts']] += 1;
    }
    if (author === 'customer') {
      customerWrote = true;
      if (humanReplied && waitingSince === null) {
        waitingSince = at;
      }
    } else if (author === 'bot' && customerWrote) {
      facts.firstBotReplyAt ??= at;
      botReplied = true;
    } else if (author === 'agent') {
      if (waitingSince !== null) {
        facts.nextResponses.push(at - waitingSince);
        waitingSince = null;
      }
      humanReplied = true;
      facts.humanTookOver ||= botReplied;
    }
  }
  return facts;
}
