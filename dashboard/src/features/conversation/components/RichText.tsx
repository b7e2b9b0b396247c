import { isEmojiOnly, linkify } from '../../../lib/linkify';

/** Message text: links are clickable (new tab, noopener), line breaks kept, emoji-only text enlarged. */
export function RichText({ text }: { text: string }) {
  const segments = linkify(text);
  return (
    <p className={`sl-text${isEmojiOnly(text) ? ' sl-text--jumbo' : ''}`} dir="auto">
      {segments.map((segment, index) =>
        segment.type === 'link' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer">
            {segment.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
