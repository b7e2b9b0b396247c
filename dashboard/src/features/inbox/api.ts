import { api, toQueryString } from '../../lib/api-client';
import type { InboxView, Page, TicketCounts, TicketFilters, TicketSummary } from '../../lib/types';

export const PAGE_SIZE = 50;

export function fetchTickets(
  view: InboxView,
  filters: TicketFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<TicketSummary>> {
  const query = toQueryString({ view, ...filters, limit: PAGE_SIZE, cursor });
  return api.get<Page<TicketSummary>>(`/tickets${query}`, signal);
}

export function fetchCounts(signal?: AbortSignal): Promise<TicketCounts> {
  return api.get<TicketCounts>('/tickets/counts', signal);
}
