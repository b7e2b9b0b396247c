import { useMemo } from 'react';
import { updateSearch, useLocation } from '../../../lib/router';
import { TICKET_SORTS, type TicketFilters, type TicketSort } from '../../../lib/types';

export const FILTER_KEYS = ['q', 'tag', 'status', 'priority', 'language'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

function isSort(value: string | null): value is TicketSort {
  return value !== null && (TICKET_SORTS as readonly string[]).includes(value);
}

/** Inbox filters live in the URL, so a reload or a shared link keeps them. */
export function useInboxFilters(): {
  filters: TicketFilters;
  sort: TicketSort;
  activeCount: number;
  setFilter(key: FilterKey | 'sort', value: string): void;
  clear(): void;
} {
  const { search } = useLocation();
  return useMemo(() => {
    const params = new URLSearchParams(search);
    const sortParam = params.get('sort');
    const sort: TicketSort = isSort(sortParam) ? sortParam : 'last_activity';
    const filters: TicketFilters = { sort };
    let activeCount = 0;
    for (const key of FILTER_KEYS) {
      const value = params.get(key)?.trim();
      if (value) {
        filters[key] = value;
        if (key !== 'q') {
          activeCount += 1;
        }
      }
    }
    return {
      filters,
      sort,
      activeCount,
      setFilter: (key, value) =>
        updateSearch({ [key]: key === 'sort' && value === 'last_activity' ? undefined : value }),
      clear: () => updateSearch(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined]))),
    };
  }, [search]);
}
