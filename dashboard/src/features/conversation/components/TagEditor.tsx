import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateTicket } from '../../../lib/tickets';
import { notify } from '../../../lib/toast';
import type { Ticket } from '../../../lib/types';
import { Icon } from '../../../ui/Icon';

export function normalizeTag(raw: string): string {
  return raw.trim().toLocaleLowerCase().replace(/\s+/g, '-').slice(0, 64);
}

export function TagEditor({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const [text, setText] = useState('');
  const inputId = useId();
  const save = (tags: string[]) =>
    update.mutate({ tags }, { onError: () => notify(t('ticket.updateFailed')) });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const tags = text.split(',').map(normalizeTag).filter(Boolean);
    const next = [...new Set([...ticket.tags, ...tags])];
    if (next.length !== ticket.tags.length) {
      save(next);
    }
    setText('');
  };

  return (
    <div className="sl-tags">
      <ul className="sl-tags__list" aria-label={t('ticket.tags')}>
        {ticket.tags.map((tag) => (
          <li key={tag} className="sl-tags__chip">
            <span>{tag}</span>
            <button
              type="button"
              className="sl-tags__remove"
              aria-label={t('ticket.removeTag', { tag })}
              onClick={() => save(ticket.tags.filter((item) => item !== tag))}
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
        {ticket.tags.length === 0 ? <li className="sl-muted">{t('ticket.noTags')}</li> : null}
      </ul>
      <form className="sl-tags__form" onSubmit={onSubmit}>
        <label htmlFor={inputId} className="sl-visually-hidden">
          {t('ticket.addTag')}
        </label>
        <input
          id={inputId}
          className="sl-input"
          placeholder={t('ticket.addTagPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="sl-button sl-button--sm" disabled={!text.trim()}>
          {t('ticket.addTag')}
        </button>
      </form>
    </div>
  );
}
