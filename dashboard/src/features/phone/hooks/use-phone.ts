import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { newIdempotencyKey } from '../../../lib/ids';
import { useAtomValue } from '../../../lib/state';
import { fetchInbox, listCustomers, markInboxRead } from '../api';
import type { SimCustomer } from '../parse';
import { addSent, localCustomersAtom, type SentEntry, sentAtom, updateSent } from '../phone-state';

const POLL_MS = 1_500;

export function useCustomers() {
  const local = useAtomValue(localCustomersAtom);
  const remote = useQuery({
    queryKey: ['phone', 'customers'],
    queryFn: ({ signal }) => listCustomers(signal),
    refetchInterval: 10_000,
  });
  const customers = useMemo<SimCustomer[]>(() => {
    const byId = new Map<string, SimCustomer>();
    for (const customer of [...local, ...(remote.data ?? [])]) {
      const existing = byId.get(customer.waId);
      byId.set(customer.waId, { waId: customer.waId, name: existing?.name ?? customer.name });
    }
    return [...byId.values()];
  }, [local, remote.data]);
  return { customers, isError: remote.isError, isPending: remote.isPending && local.length === 0 };
}

export function useInbox(waId: string) {
  return useQuery({
    queryKey: ['phone', 'inbox', waId],
    queryFn: ({ signal }) => fetchInbox(waId, signal),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
}

export function useSentLog(waId: string): SentEntry[] {
  const sent = useAtomValue(sentAtom);
  return useMemo(() => sent.filter((entry) => entry.waId === waId), [sent, waId]);
}

/** Record a message locally, send it, and keep its status in step with the simulator's answer. */
export async function trackSend(
  entry: Omit<SentEntry, 'localId' | 'status' | 'wamid' | 'at'>,
  perform: () => Promise<string | null>,
): Promise<void> {
  const localId = newIdempotencyKey();
  addSent({ ...entry, localId, wamid: null, status: 'sending', at: Date.now() });
  try {
    const wamid = await perform();
    updateSent(localId, { status: 'sent', wamid });
  } catch {
    updateSent(localId, { status: 'failed' });
  }
}

/** The customer "reads" business messages as they arrive while this page is visible (blue ticks). */
export function useAutoRead(waId: string, latestWamid: string | undefined) {
  const lastRead = useRef<string | null>(null);
  useEffect(() => {
    if (!latestWamid || lastRead.current === latestWamid) {
      return undefined;
    }
    const read = () => {
      if (document.visibilityState === 'visible' && lastRead.current !== latestWamid) {
        lastRead.current = latestWamid;
        markInboxRead(waId).catch(() => {
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
  }, [waId, latestWamid]);
}
