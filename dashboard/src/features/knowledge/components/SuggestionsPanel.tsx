import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { newIdempotencyKey } from '../../../lib/ids';
import { queryKeys } from '../../../lib/query-keys';
import { notify } from '../../../lib/toast';
import type { Ticket } from '../../../lib/types';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { fetchSuggestions, knowledgeKeys, type Suggestion, sendArticle } from '../api';
import { useKnowledgeT } from '../use-knowledge-t';
import { KNOWLEDGE_POLL_MS } from './MediaTextPanel';

/** The ticket's category with its confidence, the codes found, and the best articles, sent in one click. */
export function SuggestionsPanel({ ticket }: { ticket: Ticket }) {
  const t = useKnowledgeT();
  const { data } = useQuery({
    queryKey: [...knowledgeKeys.suggestions(ticket.id), ticket.lastMessageAt],
    queryFn: ({ signal }) => fetchSuggestions(ticket.id, signal),
    refetchInterval: KNOWLEDGE_POLL_MS,
  });
  if (!data) {
    return null;
  }
  const codes = data.signals.filter((s) => s.kind === 'error_code' || s.kind === 'exception');
  return (
    <div className="sl-kb-suggest">
      <p className="sl-kb-suggest__category" data-testid="kb-category">
        {data.category ? (
          <>
            <Badge tone="accent">{t(`cat.${data.category}`)}</Badge>{' '}
            <span className="sl-muted">
              {t('confidence', { percent: Math.round((data.categoryConfidence ?? 0) * 100) })}
            </span>
          </>
        ) : (
          <span className="sl-muted">{t('uncategorized')}</span>
        )}
      </p>
      {codes.length > 0 ? (
        <p className="sl-kb-suggest__codes" title={t('codes')}>
          {codes.map((code) => (
            <mark key={code.value} className="sl-kb-signal sl-kb-signal--error_code">
              {code.value}
            </mark>
          ))}
        </p>
      ) : null}
      {data.data.length === 0 ? (
        <p className="sl-muted">{t('noSuggestions')}</p>
      ) : (
        <ul className="sl-kb-suggest__list" aria-label={t('suggestions')}>
          {data.data.map((suggestion) => (
            <SuggestionItem key={suggestion.articleId} ticketId={ticket.id} suggestion={suggestion} />
          ))}
        </ul>
      )}
    </div>
  );
}

function SuggestionItem({ ticketId, suggestion }: { ticketId: string; suggestion: Suggestion }) {
  const t = useKnowledgeT();
  const client = useQueryClient();
  // One key per article shown: a double click or a retry never sends the article twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      await sendArticle(ticketId, suggestion.articleId, idempotencyKey);
      notify(t('sent'), 'info');
      void client.invalidateQueries({ queryKey: queryKeys.messages(ticketId) });
    } catch (error) {
      notify(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="sl-kb-suggest__item">
      <div className="sl-kb-suggest__head">
        <strong>{suggestion.title}</strong>
        <Badge tone="outline">{Math.round(suggestion.confidence * 100)} %</Badge>
      </div>
      {suggestion.matchedCodes.length > 0 ? (
        <p className="sl-muted">{t('matched', { codes: suggestion.matchedCodes.join(', ') })}</p>
      ) : null}
      <details>
        <summary>{t('steps')}</summary>
        <ol>
          {suggestion.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </details>
      <Button
        variant="primary"
        size="sm"
        disabled={busy}
        onClick={() => void send()}
        aria-label={`${t('send')}: ${suggestion.title}`}
      >
        {busy ? t('sending') : t('send')}
      </Button>
    </li>
  );
}
