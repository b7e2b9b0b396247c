import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, type RefObject, useId, useState } from 'react';
import { useCannedReplies } from '../../../lib/canned-replies';
import { queryKeys } from '../../../lib/query-keys';
import type { CannedReply, Ticket, User } from '../../../lib/types';
import { fillCannedReply, findCannedToken, insertCannedReply, matchCannedReplies } from '../canned-fill';

interface Options {
  ticket: Ticket;
  draft: string;
  setDraft(draft: string): void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * The `/` menu of the composer: opens when a word starts with `/`, filters as the agent types, arrow keys
 * move, Enter or Tab inserts the reply filled from the ticket, Escape closes it for that word.
 */
export function useCannedMenu({ ticket, draft, setDraft, inputRef }: Options) {
  const client = useQueryClient();
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const token = findCannedToken(draft, Math.min(caret, draft.length));
  const isOpen = token !== null && token.start !== dismissedAt;
  const replies = useCannedReplies({ enabled: isOpen });
  const language = ticket.language ?? ticket.contact.language;
  const items = isOpen ? matchCannedReplies(replies.data ?? [], token.query, language) : [];
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  const insert = (reply: CannedReply) => {
    if (!token) {
      return;
    }
    // The signed-in agent is in the cache below the auth gate; reading it here fetches nothing.
    const me = client.getQueryData<User | null>(queryKeys.me);
    const text = fillCannedReply(reply.body, {
      'contact.name': ticket.contact.name,
      'agent.name': me?.name ?? null,
      'ticket.number': ticket.number,
    });
    const next = insertCannedReply(draft, token, text);
    setDraft(next.draft);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  /** Handles the keys the menu owns; true when the composer must not act on the key. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!isOpen) {
      return false;
    }
    if (event.key === 'Escape') {
      setDismissedAt(token.start);
      return true;
    }
    const chosen = items[activeIndex];
    if (!chosen) {
      return false;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + items.length) % items.length);
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      insert(chosen);
      return true;
    }
    return false;
  };

  return {
    isOpen,
    query: token?.query ?? '',
    items,
    activeIndex,
    listId,
    optionId: (index: number) => `${listId}-${index}`,
    insert,
    onKeyDown,
    /** Keep the caret known, so the menu follows typing and clicks. */
    trackCaret: (input: HTMLTextAreaElement) => setCaret(input.selectionStart ?? input.value.length),
  };
}

export type CannedMenu = ReturnType<typeof useCannedMenu>;
