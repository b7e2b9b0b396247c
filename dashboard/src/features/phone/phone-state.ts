/**
 * What the phone keeps in the browser: which customer it plays, and messages still on their way (the
 * simulator's /sent list is the record once they are delivered).
 */
import { atom } from '../../lib/state';

export type SentKind = 'text' | 'image' | 'document' | 'audio' | 'video' | 'reply';

export interface PendingSend {
  localId: string;
  customerId: string;
  /** Set once the simulator accepted it; the entry then waits for the /sent list to show it. */
  wamid: string | null;
  kind: SentKind;
  text: string | null;
  filename: string | null;
  voice: boolean;
  status: 'sending' | 'failed';
  at: number;
}

const STORAGE_KEY = 'sightline.phone.customer';

function loadSelected(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export const selectedCustomerAtom = atom<string | null>(
  typeof window === 'undefined' ? null : loadSelected(),
);
export const pendingAtom = atom<readonly PendingSend[]>([]);

if (typeof window !== 'undefined') {
  selectedCustomerAtom.subscribe(() => {
    try {
      const id = selectedCustomerAtom.get();
      if (id) {
        window.localStorage.setItem(STORAGE_KEY, id);
      } else {
        window.localStorage.removeItem(STORAGE_KEY);
      }
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  });
}

export function addPending(entry: PendingSend): void {
  pendingAtom.set((list) => [...list, entry]);
}

export function updatePending(localId: string, patch: Partial<PendingSend>): void {
  pendingAtom.set((list) =>
    list.map((entry) => (entry.localId === localId ? { ...entry, ...patch } : entry)),
  );
}

export function dropPending(localIds: ReadonlySet<string>): void {
  pendingAtom.set((list) => list.filter((entry) => !localIds.has(entry.localId)));
}
