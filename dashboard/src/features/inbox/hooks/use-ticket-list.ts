import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import type { InboxView, TicketFilters, TicketSummary } from '../../../lib/types';
import { fetchCounts, fetchTickets } from '../api';

export function useTicketList(view: InboxView, filters: TicketFilters) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.ticketList(view, filters),
    queryFn: ({ pageParam, signal }) => fetchTickets(view, filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 15_000,
    placeholderData: (previous, previousQuery) =>
      // Keep rows on screen while a new search loads, but not when switching views.
      previousQuery?.queryKey[2] === view ? previous : undefined,
  });
  const tickets = useMemo<TicketSummary[]>(() => {
    const seen = new Set<string>();
    const rows: TicketSummary[] = [];
    for (const page of query.data?.pages ?? []) {
      for (const ticket of page.data) {
        // A ticket can move between pages while we paginate; show it once.
        if (!seen.has(ticket.id)) {
          seen.add(ticket.id);
          rows.push(ticket);
        }
      }
    }
    return rows;
  }, [query.data]);
  return { ...query, tickets };
}

export function useTicketCounts() {
  return useQuery({
    queryKey: queryKeys.counts,
    queryFn: ({ signal }) => fetchCounts(signal),
    staleTime: 10_000,
  });
}
