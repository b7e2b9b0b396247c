import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { newIdempotencyKey } from '../../../lib/ids';
import { useAtomValue } from '../../../lib/state';
import { createCustomer, fetchInbox, fetchSent, listCustomers, markInboxRead } from '../api';
import type { PhoneSentMessage } from '../parse';
import {
  addPending,
  dropPending,
  type PendingSend,
  pendingAtom,
  selectedCustomerAtom,
  updatePending,
} from '../phone-state';

const POLL_MS = 1_000;

const phoneKeys = {
  customers: ['phone', 'customers'] as const,
  inbox: (id: string) => ['phone', 'inbox', id] as const,
  sent: (id: string) => ['phone', 'sent', id] as const,
};

export function useCustomers() {
  const query = useQuery({
    queryKey: phoneKeys.customers,
    queryFn: ({ signal }) => listCustomers(signal),
    refetchInterval: 10_000,
  });
  return { customers: query.data ?? [], isError: query.isError, isPending: query.isPending };
}

/** Creates the customer in the simulator (so the helpdesk later sees their name) and selects them. */
export function useCreateCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createCustomer,
    onSuccess: async (customer) => {
      await client.invalidateQueries({ queryKey: phoneKeys.customers });
      selectedCustomerAtom.set(customer.id);
    },
  });
}

export function useInbox(customerId: string) {
  return useQuery({
    queryKey: phoneKeys.inbox(customerId),
    queryFn: ({ signal }) => fetchInbox(customerId, signal),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
}

/** The customer's own messages from the simulator, plus the ones still on their way. */
export function useSentLog(customerId: string): { sent: PhoneSentMessage[]; pending: PendingSend[] } {
  const query = useQuery({
    queryKey: phoneKeys.sent(customerId),
    queryFn: ({ signal }) => fetchSent(customerId, signal),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const allPending = useAtomValue(pendingAtom);
  const sent = query.data;
  const pending = useMemo(
    () =>
      reconcile(
        sent ?? [],
        allPending.filter((entry) => entry.customerId === customerId),
      ),
    [allPending, customerId, sent],
  );
  useEffect(() => {
    const shown = new Set(pending.map((entry) => entry.localId));
    const done = allPending.filter((entry) => entry.customerId === customerId && !shown.has(entry.localId));
    if (done.length > 0) {
      dropPending(new Set(done.map((entry) => entry.localId)));
    }
  }, [allPending, customerId, pending]);
  return { sent: sent ?? [], pending };
}

const SENT_TYPE: Record<PendingSend['kind'], string> = {
  text: 'text',
  image: 'image',
  document: 'document',
  audio: 'audio',
  video: 'video',
  reply: 'interactive',
};

/**
 * The pending sends the simulator's list does not show yet. A message is in that list a moment before
 * the POST that sent it answers with its wamid, so an entry still without one is matched by content.
 */
export function reconcile(sent: readonly PhoneSentMessage[], pending: readonly PendingSend[]): PendingSend[] {
  const claimed = new Set(pending.flatMap((entry) => (entry.wamid ? [entry.wamid] : [])));
  const unclaimed = sent.filter((message) => !claimed.has(message.wamid));
  return pending.filter((entry) => {
    if (entry.wamid) {
      return !sent.some((message) => message.wamid === entry.wamid);
    }
    if (entry.status === 'failed') {
      return true;
    }
    const index = unclaimed.findIndex(
      (message) => message.type === SENT_TYPE[entry.kind] && (message.text ?? null) === (entry.text ?? null),
    );
    if (index === -1) {
      return true;
    }
    unclaimed.splice(index, 1);
    return false;
  });
}

/** Shows the message at once, sends it, then lets the simulator's /sent list take over. */
export async function trackSend(
  client: QueryClient,
  entry: Omit<PendingSend, 'localId' | 'status' | 'wamid' | 'at'>,
  perform: () => Promise<string | null>,
): Promise<void> {
  const localId = newIdempotencyKey();
  addPending({ ...entry, localId, wamid: null, status: 'sending', at: Date.now() });
  try {
    const wamid = await perform();
    updatePending(localId, { wamid });
    await client.invalidateQueries({ queryKey: phoneKeys.sent(entry.customerId) });
  } catch {
    updatePending(localId, { status: 'failed' });
  }
}

/** The customer "reads" business messages as they arrive while this page is visible (blue ticks). */
export function useAutoRead(customerId: string, latestWamid: string | undefined) {
  const lastRead = useRef<string | null>(null);
  useEffect(() => {
    if (!latestWamid || lastRead.current === latestWamid) {
      return undefined;
    }
    const read = () => {
      if (document.visibilityState === 'visible' && lastRead.current !== latestWamid) {
        lastRead.current = latestWamid;
        markInboxRead(customerId).catch(() => {
          lastRead.current = null;
        });
      }
    };
    const timer = setTimeout(read, 600);
    document.addEventListener('visibilitychange', read);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', read);
    };
  }, [customerId, latestWamid]);
}
