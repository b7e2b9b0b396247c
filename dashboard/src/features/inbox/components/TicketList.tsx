import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { inboxPath } from '../../../lib/paths';
import { navigate, withSearch } from '../../../lib/router';
import type { InboxView, TicketFilters } from '../../../lib/types';
import { useNow } from '../../../lib/use-now';
import { ticketOrderAtom } from '../../../lib/workspace-state';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Spinner } from '../../../ui/Spinner';
import { useTicketList } from '../hooks/use-ticket-list';
import { TicketRow } from './TicketRow';

export const ROW_HEIGHT = 92;
const PREFETCH_ROWS = 20;

interface TicketListProps {
  view: InboxView;
  filters: TicketFilters;
  selectedId: string | undefined;
  hasFilters: boolean;
}

/** The virtualised inbox: only visible rows are in the DOM, pages load as the end comes near. */
export function TicketList({ view, filters, selectedId, hasFilters }: TicketListProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const list = useTicketList(view, filters);
  const { tickets, hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  const virtualizer = useVirtualizer({
    count: hasNextPage ? tickets.length + 1 : tickets.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => tickets[index]?.id ?? `loader-${index}`,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= tickets.length - PREFETCH_ROWS) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, lastIndex, tickets.length, fetchNextPage]);

  useEffect(() => {
    ticketOrderAtom.set(tickets.map((ticket) => ticket.id));
  }, [tickets]);

  const selectedIndex = selectedId ? tickets.findIndex((ticket) => ticket.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) {
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    }
  }, [selectedIndex, virtualizer]);

  const open = useCallback((id: string) => navigate(withSearch(inboxPath(view, id))), [view]);

  if (list.isPending) {
    return (
      <div className="sl-list__state">
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  if (list.isError) {
    return (
      <div className="sl-list__state">
        <ErrorMessage>{t('inbox.loadFailed')}</ErrorMessage>
        <Button size="sm" onClick={() => void list.refetch()}>
          {t('app.retry')}
        </Button>
      </div>
    );
  }
  if (tickets.length === 0) {
    return <EmptyState title={hasFilters ? t('inbox.emptyFiltered') : t('inbox.empty')} />;
  }

  return (
    <div ref={scrollRef} className="sl-list" tabIndex={-1}>
      <ul
        className="sl-list__inner"
        aria-label={t('inbox.listLabel')}
        style={{ blockSize: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const ticket = tickets[item.index];
          return (
            <li
              key={item.key}
              className="sl-list__item"
              aria-setsize={hasNextPage ? -1 : tickets.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, blockSize: item.size }}
            >
              {ticket ? (
                <TicketRow
                  ticket={ticket}
                  href={inboxPath(view, ticket.id)}
                  selected={ticket.id === selectedId}
                  now={now}
                  format={format}
                  onOpen={open}
                />
              ) : (
                <div className="sl-list__loader">
                  <Spinner label={t('inbox.loadingMore')} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
