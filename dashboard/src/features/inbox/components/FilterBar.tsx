import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../lib/i18n';
import { LANGUAGES, TICKET_PRIORITIES, TICKET_SORTS, TICKET_STATUSES } from '../../../lib/types';
import { DOM_IDS } from '../../../lib/workspace-state';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';
import { SelectField } from '../../../ui/SelectField';
import { useInboxFilters } from '../hooks/use-inbox-filters';

const SEARCH_DEBOUNCE_MS = 250;

export function FilterBar() {
  const { t } = useTranslation();
  const { filters, sort, activeCount, setFilter, clear } = useInboxFilters();
  const [text, setText] = useState(filters.q ?? '');
  const [tag, setTag] = useState(filters.tag ?? '');
  const [expanded, setExpanded] = useState(activeCount > 0);
  const panelId = useId();

  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  useEffect(() => setTag(filters.tag ?? ''), [filters.tag]);
  useEffect(() => {
    if (text === (filters.q ?? '')) {
      return undefined;
    }
    const timer = setTimeout(() => setFilter('q', text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q, setFilter]);

  return (
    <div className="sl-filters">
      <div className="sl-filters__row">
        <search className="sl-search">
          <Icon name="search" className="sl-search__icon" />
          <label htmlFor={DOM_IDS.search} className="sl-visually-hidden">
            {t('inbox.search')}
          </label>
          <input
            id={DOM_IDS.search}
            className="sl-input sl-search__input"
            type="search"
            placeholder={t('inbox.searchPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                (event.target as HTMLInputElement).blur();
              }
            }}
          />
        </search>
      </div>
      <div className="sl-filters__row">
        <SelectField
          inline
          label={t('inbox.sort')}
          value={sort}
          onChange={(value) => setFilter('sort', value)}
        >
          {TICKET_SORTS.map((option) => (
            <option key={option} value={option}>
              {t(`inbox.sortOptions.${option}`)}
            </option>
          ))}
        </SelectField>
        <Button
          size="sm"
          variant={activeCount > 0 ? 'primary' : 'secondary'}
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => setExpanded((value) => !value)}
        >
          {t('inbox.filters')}
          {activeCount > 0 ? <span className="sl-filters__count">{activeCount}</span> : null}
        </Button>
      </div>
      <div id={panelId} className="sl-filters__panel" hidden={!expanded}>
        <SelectField
          label={t('inbox.status')}
          value={filters.status ?? ''}
          onChange={(value) => setFilter('status', value)}
        >
          <option value="">{t('inbox.any')}</option>
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('inbox.priority')}
          value={filters.priority ?? ''}
          onChange={(value) => setFilter('priority', value)}
        >
          <option value="">{t('inbox.any')}</option>
          {TICKET_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priority.${priority}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('inbox.language')}
          value={filters.language ?? ''}
          onChange={(value) => setFilter('language', value)}
        >
          <option value="">{t('inbox.any')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </SelectField>
        <form
          className="sl-field"
          onSubmit={(event) => {
            event.preventDefault();
            setFilter('tag', tag.trim());
          }}
        >
          <label className="sl-label" htmlFor={`${panelId}-tag`}>
            {t('inbox.tag')}
          </label>
          <input
            id={`${panelId}-tag`}
            className="sl-input"
            placeholder={t('inbox.tagPlaceholder')}
            value={tag}
            onChange={(event) => setTag(event.target.value)}
            onBlur={() => setFilter('tag', tag.trim())}
          />
        </form>
        {activeCount > 0 ? (
          <Button size="sm" variant="ghost" onClick={clear}>
            {t('inbox.clearFilters')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
