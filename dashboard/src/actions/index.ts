import './actions.css';
/** The built-in agent commands. Features add theirs through their FeatureDefinition.actions. */
import type { ActionDefinition } from '../lib/actions';
import { assignToMe } from './assign-to-me';
import { focusReply } from './focus-reply';
import { focusSearch } from './focus-search';
import { nextTicket } from './next-ticket';
import { noteMode } from './note-mode';
import { openCommandMenu } from './open-command-menu';
import { previousTicket } from './previous-ticket';
import { reopen } from './reopen';
import { setPending } from './set-pending';
import { showShortcuts } from './show-shortcuts';
import { solve } from './solve';

export const coreActions: readonly ActionDefinition[] = [
  assignToMe,
  solve,
  setPending,
  reopen,
  nextTicket,
  previousTicket,
  focusReply,
  noteMode,
  focusSearch,
  showShortcuts,
  openCommandMenu,
];

export { ActionButton } from './ActionButton';
export { ActionDialogs } from './ActionDialogs';
export { ShortcutListener } from './ShortcutListener';
export { useActionContext } from './use-action-context';
export {
  assignToMe,
  focusReply,
  focusSearch,
  nextTicket,
  noteMode,
  openCommandMenu,
  previousTicket,
  reopen,
  setPending,
  showShortcuts,
  solve,
};
