import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../../lib/types';
import { fillCannedReply, findCannedToken, insertCannedReply, matchCannedReplies } from './canned-fill';

const reply = (shortcut: string, title: string, language: CannedReply['language'] = null): CannedReply => ({
  id: shortcut,
  shortcut,
  title,
  body: `body of ${shortcut}`,
  language,
  updatedAt: 0,
});

describe('canned-fill', () => {
  it.each([
    ['/', 1, { start: 0, query: '' }],
    ['/thx', 4, { start: 0, query: 'thx' }],
    ['Hello /Ref', 10, { start: 6, query: 'ref' }],
    ['Hello /ref more', 10, { start: 6, query: 'ref' }],
    ['and/or', 6, null],
    ['http://x', 8, null],
    ['/thx done', 9, null],
  ])('finds the token in %j at caret %i', (draft, caret, expected) => {
    expect(findCannedToken(draft, caret)).toEqual(expected);
  });

  it('ranks shortcut matches first, then the ticket language, then titles', () => {
    const replies = [
      reply('refund-es', 'Reembolso', 'es'),
      reply('refund', 'Refund policy', 'en'),
      reply('thanks', 'Thanks for the refund request'),
      reply('hello', 'Greeting'),
    ];
    expect(matchCannedReplies(replies, 'ref', 'en').map((r) => r.shortcut)).toEqual([
      'refund',
      'refund-es',
      'thanks',
    ]);
    expect(matchCannedReplies(replies, '', 'es')[0]?.shortcut).toBe('hello');
  });

  it('fills the placeholders from the ticket and leaves unknown ones as written', () => {
    const values = { 'contact.name': 'Carla', 'agent.name': 'Ana', 'ticket.number': 42 };
    expect(
      fillCannedReply('Hi {{contact.name}}, {{ agent.name }} here about #{{ticket.number}}', values),
    ).toBe('Hi Carla, Ana here about #42');
    expect(fillCannedReply('Hi {{contact.name}}! {{other}}', { ...values, 'contact.name': null })).toBe(
      'Hi ! {{other}}',
    );
  });

  it('replaces the token with the reply and puts the caret after it', () => {
    expect(insertCannedReply('Hello /re there', { start: 6, query: 're' }, 'Thanks!')).toEqual({
      draft: 'Hello Thanks! there',
      caret: 13,
    });
  });
});
