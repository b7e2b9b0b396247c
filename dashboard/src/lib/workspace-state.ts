/** Client state shared by the inbox, the conversation and the actions (through lib/state only). */
import type { ComposerMode, DialogName } from './actions';
import { atom } from './state';
import type { Ticket } from './types';

/** The ticket open in the conversation pane (set by the conversation feature). */
export const currentTicketAtom = atom<Ticket | null>(null);

/** Ids of the tickets in the inbox list, in display order (set by the inbox feature, read by j/k). */
export const ticketOrderAtom = atom<readonly string[]>([]);

export const composerModeAtom = atom<ComposerMode>('reply');

export const openDialogAtom = atom<DialogName | null>(null);

/** Live connection: 'connecting' before the first open, 'reconnecting' after a drop. */
export const liveStatusAtom = atom<'connecting' | 'live' | 'reconnecting' | 'off'>('off');

/** DOM ids that actions focus. */
export const DOM_IDS = {
  composer: 'sl-composer-input',
  search: 'sl-inbox-search',
  main: 'sl-main',
} as const;
