import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { inboxPath } from '../../../lib/paths';
import { navigate, withSearch } from '../../../lib/router';
import { INBOX_VIEWS, type InboxView } from '../../../lib/types';
import { useTicketCounts } from '../hooks/use-ticket-list';

export function ViewNav({ current }: { current: InboxView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const counts = useTicketCounts();
  return (
    <nav className="sl-views" aria-label={t('views.label')}>
      <ul className="sl-views__list">
        {INBOX_VIEWS.map((view) => {
          const count = counts.data?.[view];
          const href = inboxPath(view);
          return (
            <li key={view}>
              <a
                href={href}
                className="sl-views__item"
                aria-current={view === current ? 'page' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
                    return;
                  }
                  event.preventDefault();
                  navigate(withSearch(href));
                }}
              >
                <span className="sl-views__label">{t(`views.${view}`)}</span>
                {typeof count === 'number' ? (
                  <span className="sl-views__count" title={format.number(count)}>
                    {format.compactNumber(count)}
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
