import { describe, expect, it } from 'vitest';
import { buildConversation } from '../../test/builders';
import { buildTimeline } from './timeline';

describe('buildTimeline', () => {
  it('keeps the latest reaction per reactor and drops removed ones', () => {
    const conversation = buildConversation().agent('Done!');
    const wamid = conversation.last().wamid as string;
    conversation
      .inbound({ kind: 'reaction', targetWamid: wamid, emoji: '👍' })
      .inbound({ kind: 'reaction', targetWamid: wamid, emoji: '🎉' });
    const [, message] = buildTimeline(conversation.messages);
    expect(message?.type === 'message' && message.reactions).toEqual([
      { emoji: '🎉', count: 1, authorTypes: ['customer'] },
    ]);

    conversation.inbound({ kind: 'reaction', targetWamid: wamid, emoji: '' });
    const [, cleared] = buildTimeline(conversation.messages);
    expect(cleared?.type === 'message' && cleared.reactions).toEqual([]);
  });

  it('does not double-count a reaction the server already folded in', () => {
    const conversation = buildConversation().agent('Done!', {
      reactions: [{ emoji: '👍', authorType: 'customer' }],
    });
    const wamid = conversation.last().wamid as string;
    conversation.inbound({ kind: 'reaction', targetWamid: wamid, emoji: '👍' });
    const message = buildTimeline(conversation.messages).find((item) => item.type === 'message');
    expect(message?.type === 'message' && message.reactions).toEqual([
      { emoji: '👍', count: 1, authorTypes: ['customer'] },
    ]);
  });

  it('turns a reaction to an unknown message into a notice', () => {
    const conversation = buildConversation().inbound({
      kind: 'reaction',
      targetWamid: 'wamid.elsewhere',
      emoji: '😮',
    });
    expect(buildTimeline(conversation.messages).map((item) => item.type)).toEqual(['day', 'notice']);
  });

  it('orders messages and events by time and adds one divider per day', () => {
    const day = 24 * 3600_000;
    const conversation = buildConversation()
      .customer('late', { createdAt: 3 * day + 10 })
      .customer('early', { createdAt: 2 * day + 10 })
      .event({ kind: 'created', createdAt: 2 * day });
    const types = buildTimeline(conversation.messages, conversation.events).map((item) =>
      item.type === 'message' ? item.message.body : item.type,
    );
    expect(types).toEqual(['day', 'event', 'early', 'day', 'late']);
  });
  it('reads "ticket created" before the message that opened it (same timestamp)', () => {
    const conversation = buildConversation()
      .customer('Hello', { createdAt: 1_000 })
      .event({ kind: 'created', createdAt: 1_000 });
    const types = buildTimeline(conversation.messages, conversation.events).map((item) =>
      item.type === 'message' ? item.message.body : item.type,
    );
    expect(types).toEqual(['day', 'event', 'Hello']);
  });
});
