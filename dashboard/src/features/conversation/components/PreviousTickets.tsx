import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { currentInboxView, inboxPath } from '../../../lib/paths';
import { navigate, withSearch } from '../../../lib/router';
import type { Ticket } from '../../../lib/types';
import { Badge } from '../../../ui/Badge';

export function PreviousTickets({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (ticket.previousTickets.length === 0) {
    return <p className="sl-muted">{t('customer.noPrevious')}</p>;
  }
  return (
    <ul className="sl-previous">
      {ticket.previousTickets.map((previous) => {
        const href = inboxPath('all', previous.id);
        return (
          <li key={previous.id}>
            <a
              href={href}
              className="sl-previous__item"
              onClick={(event) => {
                event.preventDefault();
                navigate(withSearch(inboxPath(currentInboxView(), previous.id)));
              }}
            >
              <span className="sl-previous__number">
                {t('inbox.ticketNumber', { number: previous.number })}
              </span>
              <Badge tone="outline">{t(`status.${previous.status}`)}</Badge>
              <time dateTime={new Date(previous.createdAt).toISOString()}>
                {format.date(previous.createdAt)}
              </time>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
