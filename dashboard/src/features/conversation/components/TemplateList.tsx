import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../lib/query-keys';
import type { Template } from '../../../lib/types';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Spinner } from '../../../ui/Spinner';
import { fetchTemplates } from '../api';
import { groupTemplates, previewTemplate } from '../template-fill';
import { TemplateSyncButton } from './TemplateSyncButton';

function TemplateGroup(props: { title: string; templates: Template[]; onPick(template: Template): void }) {
  const { t } = useTranslation();
  return (
    <section className="sl-template-group" aria-label={props.title}>
      <h3 className="sl-template-group__title">{props.title}</h3>
      <ul className="sl-template-group__list">
        {props.templates.map((template) => {
          const reason = template.unsendableReason;
          const reasonId = `sl-template-reason-${template.id}`;
          return (
            <li key={template.id}>
              <button
                type="button"
                className="sl-template-option"
                data-template-option=""
                aria-disabled={reason ? true : undefined}
                aria-describedby={reason ? reasonId : undefined}
                onClick={() => (reason ? undefined : props.onPick(template))}
              >
                <span className="sl-template-option__name">
                  {template.name} <span className="sl-template-option__language">{template.language}</span>
                </span>
                <span className="sl-template-option__text" dir="auto">
                  {previewTemplate(template, {})}
                </span>
              </button>
              {reason ? (
                <p id={reasonId} className="sl-template-option__reason">
                  {t('templates.unsendable', { reason })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Arrow keys move between the search box and the options; Tab works as everywhere. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
    return;
  }
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('input, [data-template-option]')];
  const index = items.indexOf(document.activeElement as HTMLElement);
  const next = items[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function TemplateList({
  language,
  onPick,
}: {
  language: string | null;
  onPick(template: Template): void;
}) {
  const { t } = useTranslation();
  const templates = useQuery({
    queryKey: queryKeys.templates,
    queryFn: ({ signal }) => fetchTemplates(signal),
  });
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  // The dialog focuses [data-autofocus] when it opens; this covers coming back from a chosen template.
  useEffect(() => searchRef.current?.focus(), []);
  const groups = groupTemplates(templates.data ?? [], language, search);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys are a shortcut between focusable children
    <div className="sl-template-list" onKeyDown={moveFocus}>
      <input
        ref={searchRef}
        data-autofocus=""
        type="search"
        className="sl-input"
        aria-label={t('templates.search')}
        placeholder={t('templates.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {templates.isPending ? <Spinner label={t('templates.loading')} /> : null}
      {templates.isError ? <ErrorMessage>{t('templates.loadFailed')}</ErrorMessage> : null}
      {templates.isSuccess && groups.customer.length + groups.other.length === 0 ? (
        <EmptyState title={t('templates.empty')} />
      ) : null}
      {groups.customer.length > 0 ? (
        <TemplateGroup
          title={t('templates.customerLanguage', { language })}
          templates={groups.customer}
          onPick={onPick}
        />
      ) : null}
      {groups.other.length > 0 ? (
        <TemplateGroup title={t('templates.otherLanguages')} templates={groups.other} onPick={onPick} />
      ) : null}
      <TemplateSyncButton />
    </div>
  );
}
