import { useTranslation } from 'react-i18next';
import type { InboxView } from '../../../lib/types';
import { useInboxFilters } from '../hooks/use-inbox-filters';
import { FilterBar } from './FilterBar';
import { TicketList } from './TicketList';
import { ViewNav } from './ViewNav';

/** The inbox column: views with counts, search and filters, and the ticket list. */
export function InboxPane({ view, selectedId }: { view: InboxView; selectedId: string | undefined }) {
  const { t } = useTranslation();
  const { filters, activeCount } = useInboxFilters();
  return (
    <section className="sl-inbox" aria-label={t('inbox.title')}>
      <ViewNav current={view} />
      <div className="sl-inbox__list">
        <h1 className="sl-inbox__title">{t(`views.${view}`)}</h1>
        <FilterBar />
        <TicketList
          view={view}
          filters={filters}
          selectedId={selectedId}
          hasFilters={activeCount > 0 || Boolean(filters.q)}
        />
      </div>
    </section>
  );
}
