/** Transient notices ("Could not update the ticket"), shown by ui/Toaster. */
import { atom } from './state';

export interface Toast {
  id: number;
  /** Already translated text. */
  message: string;
  tone: 'error' | 'info';
}

export const toastsAtom = atom<readonly Toast[]>([]);
let nextId = 1;

export function notify(message: string, tone: Toast['tone'] = 'error'): void {
  const id = nextId++;
  toastsAtom.set((list) => [...list.slice(-3), { id, message, tone }]);
  setTimeout(() => dismissToast(id), 6_000);
}

export function dismissToast(id: number): void {
  toastsAtom.set((list) => list.filter((toast) => toast.id !== id));
}
