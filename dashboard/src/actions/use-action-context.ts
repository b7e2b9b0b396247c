import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ActionContext, FocusTarget } from '../lib/actions';
import { currentInboxView, inboxPath } from '../lib/paths';
import { navigate, withSearch } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { useAtomValue } from '../lib/state';
import { updateTicket } from '../lib/tickets';
import {
  composerModeAtom,
  currentTicketAtom,
  DOM_IDS,
  openDialogAtom,
  ticketOrderAtom,
} from '../lib/workspace-state';

function focusTarget(target: FocusTarget): boolean {
  const element = document.getElementById(target === 'composer' ? DOM_IDS.composer : DOM_IDS.search);
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) || element.disabled) {
    return false;
  }
  element.focus();
  if (target === 'search') {
    element.select();
  }
  return document.activeElement === element;
}

/** The live context every action's predicate and perform receive. */
export function useActionContext(): ActionContext {
  const client = useQueryClient();
  const me = useCurrentUser();
  const ticket = useAtomValue(currentTicketAtom);
  const ticketIds = useAtomValue(ticketOrderAtom);
  return useMemo<ActionContext>(
    () => ({
      me,
      ticket,
      ticketIds,
      updateTicket: (patch) => (ticket ? updateTicket(client, ticket.id, patch) : Promise.resolve(null)),
      openTicket: (id) => navigate(withSearch(inboxPath(currentInboxView(), id))),
      focus: (target) => {
        // Focus at once so the very next keystroke lands in the field; retry after a frame when the
        // field is not mounted yet (or still disabled while the composer switches mode).
        if (!focusTarget(target)) {
          requestAnimationFrame(() => focusTarget(target));
        }
      },
      setComposerMode: (mode) => composerModeAtom.set(mode),
      openDialog: (dialog) => openDialogAtom.set(dialog),
    }),
    [client, me, ticket, ticketIds],
  );
}
