import { useQuery } from '@tanstack/react-query';
import type { Ticket } from '../../../lib/types';
import { Badge } from '../../../ui/Badge';
import { fetchMediaTexts, knowledgeKeys, type MediaText } from '../api';
import { useKnowledgeT } from '../use-knowledge-t';
import { HighlightedText } from './HighlightedText';

/** Analysis runs in jobs after the message arrives: poll while the panel is open. */
export const KNOWLEDGE_POLL_MS = 4_000;

/** What was read from the ticket's media: OCR text with codes highlighted, transcripts, or why not. */
export function MediaTextPanel({ ticket }: { ticket: Ticket }) {
  const t = useKnowledgeT();
  const { data } = useQuery({
    queryKey: [...knowledgeKeys.mediaTexts(ticket.id), ticket.lastMessageAt],
    queryFn: ({ signal }) => fetchMediaTexts(ticket.id, signal),
    refetchInterval: KNOWLEDGE_POLL_MS,
  });
  if (!data || data.length === 0) {
    return <p className="sl-muted">{t('noMediaText')}</p>;
  }
  return (
    <ul className="sl-kb-media">
      {data.map((item) => (
        <li key={item.mediaId} className="sl-kb-media__item" data-state={item.state}>
          <div className="sl-kb-media__head">
            <Badge tone="outline">{t(item.kind)}</Badge>
            {item.engine && item.durationMs !== null ? (
              <span className="sl-muted">{t('readBy', { engine: item.engine, ms: item.durationMs })}</span>
            ) : null}
          </div>
          <MediaTextBody item={item} />
        </li>
      ))}
    </ul>
  );
}

function MediaTextBody({ item }: { item: MediaText }) {
  const t = useKnowledgeT();
  switch (item.state) {
    case 'done':
      return <HighlightedText text={item.text ?? ''} signals={item.signals} />;
    case 'no_engine':
      return <p className="sl-muted">{t('noEngine')}</p>;
    case 'empty':
      return <p className="sl-muted">{t('empty')}</p>;
    case 'failed':
      return <p className="sl-muted">{t('failed', { reason: item.reason ?? '' })}</p>;
  }
}
