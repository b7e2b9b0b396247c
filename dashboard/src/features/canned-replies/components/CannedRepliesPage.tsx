import { useState } from 'react';
import { useCannedReplies } from '../../../lib/canned-replies';
import { isLanguage, LANGUAGE_NAMES } from '../../../lib/i18n';
import type { CannedReply } from '../../../lib/types';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Spinner } from '../../../ui/Spinner';
import { CannedReplyForm } from './CannedReplyForm';
import { useCannedT } from './use-canned-t';

/** Supervisors' list of canned replies: create, edit, delete. */
export function CannedRepliesPage() {
  const t = useCannedT();
  const replies = useCannedReplies();
  // undefined: no dialog; null: a new reply; a reply: editing it.
  const [editing, setEditing] = useState<CannedReply | null | undefined>(undefined);
  return (
    <div className="sl-canned-page">
      <div className="sl-canned-page__header">
        <div>
          <h1 className="sl-canned-page__title">{t('title')}</h1>
          <p className="sl-canned-page__intro">{t('intro')}</p>
        </div>
        <Button variant="primary" onClick={() => setEditing(null)}>
          {t('new')}
        </Button>
      </div>
      {replies.isPending ? <Spinner label={t('title')} /> : null}
      {replies.isError ? <ErrorMessage>{t('loadFailed')}</ErrorMessage> : null}
      {replies.data?.length === 0 ? <EmptyState title={t('empty')} /> : null}
      {replies.data && replies.data.length > 0 ? (
        <ul className="sl-canned-page__list" aria-label={t('list')}>
          {replies.data.map((reply) => (
            <li key={reply.id} className="sl-canned-page__item">
              <div className="sl-canned-page__text">
                <span>
                  <strong className="sl-canned__shortcut">/{reply.shortcut}</strong> {reply.title}
                  {reply.language && isLanguage(reply.language) ? (
                    <span className="sl-canned-page__language"> · {LANGUAGE_NAMES[reply.language]}</span>
                  ) : null}
                </span>
                <span className="sl-canned-page__body" dir="auto">
                  {reply.body}
                </span>
              </div>
              <Button size="sm" onClick={() => setEditing(reply)}>
                {t('edit', { shortcut: reply.shortcut })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {editing !== undefined ? (
        <CannedReplyForm reply={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </div>
  );
}
