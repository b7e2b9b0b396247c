import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import { patchTicketInLists } from '../../../lib/tickets';
import type { Message, Page, Ticket } from '../../../lib/types';
import {
  addNote,
  fetchMessages,
  fetchTicketEvents,
  markTicketRead,
  sendMediaMessage,
  sendTemplateMessage,
  sendTextMessage,
  type TemplateReply,
} from '../api';

/** All messages of a ticket (pages are fetched until the cursor runs out). */
export function useMessages(ticketId: string) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.messages(ticketId),
    queryFn: ({ pageParam, signal }) => fetchMessages(ticketId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const messages = useMemo(() => {
    const byId = new Map<string, Message>();
    for (const page of query.data?.pages ?? []) {
      for (const message of page.data) {
        byId.set(message.id, message);
      }
    }
    return [...byId.values()];
  }, [query.data]);
  return { ...query, messages };
}

export function useTicketEvents(ticketId: string) {
  return useQuery({
    queryKey: queryKeys.events(ticketId),
    queryFn: ({ signal }) => fetchTicketEvents(ticketId, signal),
    // Events are decoration; a server without the endpoint must not break the conversation.
    retry: false,
  });
}

/** Put a message the server just returned into the cache, so it shows before the refetch. */
function appendMessage(client: ReturnType<typeof useQueryClient>, ticketId: string, message: Message): void {
  client.setQueryData<InfiniteData<Page<Message>, string | null>>(queryKeys.messages(ticketId), (data) => {
    if (!data || data.pages.some((page) => page.data.some((item) => item.id === message.id))) {
      return data;
    }
    const pages = [...data.pages];
    const last = pages[pages.length - 1];
    if (last) {
      pages[pages.length - 1] = { ...last, data: [...last.data, message] };
    }
    return { ...data, pages };
  });
}

export function useSendMessage(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ text, idempotencyKey }: { text: string; idempotencyKey: string }) =>
      sendTextMessage(ticketId, text, idempotencyKey),
    onSuccess: (message) => appendMessage(client, ticketId, message),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.messages(ticketId) });
      void client.invalidateQueries({ queryKey: queryKeys.ticket(ticketId), exact: true });
      void client.invalidateQueries({ queryKey: queryKeys.ticketLists });
    },
  });
}

export function useSendMedia(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reply: { mediaId: string; caption?: string; idempotencyKey: string }) =>
      sendMediaMessage(ticketId, reply),
    onSuccess: (message) => appendMessage(client, ticketId, message),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.messages(ticketId) });
      void client.invalidateQueries({ queryKey: queryKeys.ticketLists });
    },
  });
}

/** A template, the one reply allowed once the 24-hour window has closed. */
export function useSendTemplate(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reply: TemplateReply) => sendTemplateMessage(ticketId, reply),
    onSuccess: (message) => appendMessage(client, ticketId, message),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.messages(ticketId) });
      void client.invalidateQueries({ queryKey: queryKeys.ticketLists });
    },
  });
}

export function useAddNote(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => addNote(ticketId, text),
    onSuccess: (message) => appendMessage(client, ticketId, message),
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.messages(ticketId) }),
  });
}

/**
 * Mark the open ticket read when it opens and whenever the customer writes while the agent is looking
 * at it (the ticket detail has no per-user unread flag; the newest inbound time is the trigger).
 */
export function useMarkRead(ticket: Ticket | undefined) {
  const client = useQueryClient();
  const done = useRef<string | null>(null);
  const id = ticket?.id;
  const lastInboundAt = ticket?.lastInboundAt ?? null;
  useEffect(() => {
    const mark = `${id}:${lastInboundAt}`;
    if (!id || lastInboundAt === null || done.current === mark || document.visibilityState === 'hidden') {
      return;
    }
    done.current = mark;
    patchTicketInLists(client, id, { unread: false });
    markTicketRead(id)
      // A list fetched while the read was in flight may still say unread: refresh lists and counts.
      .then(() =>
        Promise.all([
          client.invalidateQueries({ queryKey: queryKeys.counts }),
          client.invalidateQueries({ queryKey: queryKeys.ticketLists }),
        ]),
      )
      .catch(() => {
        done.current = null;
      });
  }, [client, id, lastInboundAt]);
}
