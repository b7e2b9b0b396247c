import { useCallback } from 'react';
import type { ComposerMode } from '../../../lib/actions';
import { atom, useAtomSelector } from '../../../lib/state';

/** Unsent text per ticket and mode, kept while the agent hops between tickets. */
const draftsAtom = atom<Readonly<Record<string, string>>>({});

export function useDraft(ticketId: string, mode: ComposerMode): [string, (text: string) => void] {
  const key = `${ticketId}:${mode}`;
  const text = useAtomSelector(draftsAtom, (drafts) => drafts[key] ?? '');
  const setText = useCallback(
    (next: string) =>
      draftsAtom.set((drafts) => {
        const copy = { ...drafts };
        if (next) {
          copy[key] = next;
        } else {
          delete copy[key];
        }
        return copy;
      }),
    [key],
  );
  return [text, setText];
}
