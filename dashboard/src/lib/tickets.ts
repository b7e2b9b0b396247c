/** Core ticket and directory calls shared by several features (inbox, conversation, actions). */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api-client';
import { queryKeys } from './query-keys';
import type { Team, Ticket, TicketPatch, TicketSummary, User } from './types';

export function fetchTicket(id: string, signal?: AbortSignal): Promise<Ticket> {
  return api.get<Ticket>(`/tickets/${encodeURIComponent(id)}`, signal);
}

export function patchTicket(id: string, patch: TicketPatch): Promise<Ticket> {
  return api.patch<Ticket>(`/tickets/${encodeURIComponent(id)}`, patch);
}

export function useTicket(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.ticket(id ?? ''),
    queryFn: ({ signal }) => fetchTicket(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useUsers() {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => api.get<{ data: User[] }>('/users', signal).then((body) => body.data),
    staleTime: 5 * 60_000,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: queryKeys.teams,
    queryFn: ({ signal }) => api.get<{ data: Team[] }>('/teams', signal).then((body) => body.data),
    staleTime: 5 * 60_000,
  });
}

/** Refresh everything a ticket change can affect: the ticket, its events, the lists and the counts. */
export function invalidateTicket(client: QueryClient, id: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.ticket(id), exact: true }),
    client.invalidateQueries({ queryKey: queryKeys.events(id) }),
    client.invalidateQueries({ queryKey: queryKeys.ticketLists }),
    client.invalidateQueries({ queryKey: queryKeys.counts }),
  ]).then(() => undefined);
}

/** PATCH a ticket with an optimistic update of the open ticket; rolls back on error. */
export async function updateTicket(client: QueryClient, id: string, patch: TicketPatch): Promise<Ticket> {
  const key = queryKeys.ticket(id);
  await client.cancelQueries({ queryKey: key });
  const previous = client.getQueryData<Ticket>(key);
  if (previous) {
    client.setQueryData<Ticket>(key, { ...previous, ...patch } as Ticket);
  }
  try {
    const updated = await patchTicket(id, patch);
    client.setQueryData<Ticket>(key, updated);
    return updated;
  } catch (error) {
    if (previous) {
      client.setQueryData<Ticket>(key, previous);
    }
    throw error;
  } finally {
    void invalidateTicket(client, id);
  }
}

export function useUpdateTicket(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (patch: TicketPatch) => updateTicket(client, id, patch) });
}

interface ListPages {
  pages: { data: TicketSummary[]; nextCursor: string | null }[];
  pageParams: unknown[];
}

/** Patch one ticket wherever it appears in loaded inbox lists (e.g. clear the unread dot at once). */
export function patchTicketInLists(client: QueryClient, id: string, patch: Partial<TicketSummary>): void {
  client.setQueriesData<ListPages>({ queryKey: queryKeys.ticketLists }, (data) => {
    if (!data) {
      return data;
    }
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        data: page.data.map((ticket) => (ticket.id === id ? { ...ticket, ...patch } : ticket)),
      })),
    };
  });
}
