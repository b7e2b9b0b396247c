import { describe, expect, it } from 'vitest';
import { isEmojiOnly, linkify } from './linkify';

describe('linkify', () => {
  it('finds http(s) and www links and trims trailing punctuation', () => {
    expect(linkify('Go to https://a.example/x?y=1, then www.b.example.')).toEqual([
      { type: 'text', text: 'Go to ' },
      { type: 'link', text: 'https://a.example/x?y=1', href: 'https://a.example/x?y=1' },
      { type: 'text', text: ', then ' },
      { type: 'link', text: 'www.b.example', href: 'https://www.b.example' },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps balanced parentheses and ignores other schemes', () => {
    expect(linkify('(see https://en.wikipedia.org/wiki/Foo_(bar))')[1]).toEqual({
      type: 'link',
      text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
      href: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
    expect(linkify('javascript:alert(1) data:text/html,x')).toEqual([
      { type: 'text', text: 'javascript:alert(1) data:text/html,x' },
    ]);
  });

  it('detects emoji-only messages', () => {
    expect(isEmojiOnly('👍')).toBe(true);
    expect(isEmojiOnly('❤️🔥 👨‍👩‍👧')).toBe(true);
    expect(isEmojiOnly('ok 👍')).toBe(false);
    expect(isEmojiOnly('👍👍👍👍')).toBe(false);
  });
});
