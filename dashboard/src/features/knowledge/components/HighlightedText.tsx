import type { ReactNode } from 'react';
import type { Signal } from '../api';

/** Text with its signals marked: codes stand out; card and IBAN numbers arrive already masked. */
export function HighlightedText({ text, signals }: { text: string; signals: Signal[] }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const signal of signals) {
    parts.push(text.slice(cursor, signal.start));
    parts.push(
      <mark
        key={signal.start}
        className={`sl-kb-signal sl-kb-signal--${signal.kind}`}
        data-kind={signal.kind}
      >
        {text.slice(signal.start, signal.end)}
      </mark>,
    );
    cursor = signal.end;
  }
  parts.push(text.slice(cursor));
  return <p className="sl-kb-text">{parts}</p>;
}
