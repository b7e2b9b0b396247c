/** What the phone remembers locally: customers created here, and the customer's own sent messages. */
import { atom } from '../../lib/state';
import type { SimCustomer } from './parse';

export type SentKind = 'text' | 'image' | 'document' | 'audio' | 'video' | 'reply';

export interface SentEntry {
  localId: string;
  waId: string;
  wamid: string | null;
  kind: SentKind;
  text: string | null;
  filename: string | null;
  voice: boolean;
  status: 'sending' | 'sent' | 'failed';
  at: number;
}

const STORAGE_KEY = 'sightline.phone';

interface Persisted {
  customers: SimCustomer[];
  sent: SentEntry[];
}

function load(): Persisted {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<Persisted>;
      return {
        customers: Array.isArray(parsed.customers) ? parsed.customers : [],
        // An entry still "sending" after a reload never finished.
        sent: Array.isArray(parsed.sent)
          ? parsed.sent.map((entry) =>
              entry.status === 'sending' ? { ...entry, status: 'failed' as const } : entry,
            )
          : [],
      };
    }
  } catch {
    // corrupted or unavailable storage: start fresh
  }
  return { customers: [], sent: [] };
}

const initial = typeof window === 'undefined' ? { customers: [], sent: [] } : load();
export const localCustomersAtom = atom<readonly SimCustomer[]>(initial.customers);
export const sentAtom = atom<readonly SentEntry[]>(initial.sent);
export const selectedCustomerAtom = atom<string | null>(initial.customers[0]?.waId ?? null);

const MAX_SENT = 500;

function persist(): void {
  try {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ customers: localCustomersAtom.get(), sent: sentAtom.get().slice(-MAX_SENT) }),
    );
  } catch {
    // best effort
  }
}

if (typeof window !== 'undefined') {
  localCustomersAtom.subscribe(persist);
  sentAtom.subscribe(persist);
}

export function addLocalCustomer(customer: SimCustomer): void {
  localCustomersAtom.set((list) => [customer, ...list.filter((item) => item.waId !== customer.waId)]);
  selectedCustomerAtom.set(customer.waId);
}

export function addSent(entry: SentEntry): void {
  sentAtom.set((list) => [...list, entry]);
}

export function updateSent(localId: string, patch: Partial<SentEntry>): void {
  sentAtom.set((list) => list.map((entry) => (entry.localId === localId ? { ...entry, ...patch } : entry)));
}
