/**
 * Agent commands: one definition drives the button, the keyboard shortcut and the command-menu entry
 * (the shape of Excalidraw's actions). Definitions live in src/actions/; this file holds the types and
 * the pure dispatch logic.
 */
import type { Ticket, TicketPatch, User } from './types';

export type FocusTarget = 'composer' | 'search';
export type ComposerMode = 'reply' | 'note';
export type DialogName = 'shortcuts' | 'commands';

export interface ActionContext {
  me: User | null;
  ticket: Ticket | null;
  /** Ticket ids of the inbox list, in display order. */
  ticketIds: readonly string[];
  updateTicket(patch: TicketPatch): Promise<unknown>;
  openTicket(id: string): void;
  focus(target: FocusTarget): void;
  setComposerMode(mode: ComposerMode): void;
  openDialog(dialog: DialogName): void;
}

export type ActionGroup = 'ticket' | 'navigation' | 'composer' | 'general';

export interface ActionDefinition {
  name: string;
  /** i18n key */
  label: string;
  group: ActionGroup;
  /** `a`, `?`, `mod+k` (mod = Ctrl, or ⌘ on Apple). Letters are case-sensitive. */
  shortcut?: string;
  /** Also fire while typing in a field (only sensible for mod+ shortcuts). */
  allowInFields?: boolean;
  predicate(context: ActionContext): boolean;
  /** May return a promise; runAction awaits it. */
  perform(context: ActionContext): unknown;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function eventToShortcut(event: KeyLike): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) {
    parts.push('mod');
  }
  if (event.altKey) {
    parts.push('alt');
  }
  const key = event.key.length === 1 && parts.length > 0 ? event.key.toLowerCase() : event.key;
  parts.push(key);
  return parts.join('+');
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') {
    return false;
  }
  const element = target as HTMLElement;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable) {
    return true;
  }
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return false;
}

export function findAction(
  actions: readonly ActionDefinition[],
  shortcut: string,
  context: ActionContext,
  isTyping: boolean,
): ActionDefinition | null {
  for (const action of actions) {
    if (action.shortcut !== shortcut) {
      continue;
    }
    if (isTyping && !action.allowInFields) {
      continue;
    }
    if (action.predicate(context)) {
      return action;
    }
  }
  return null;
}

export interface DispatchableEvent extends KeyLike {
  target: EventTarget | null;
  defaultPrevented?: boolean;
  isComposing?: boolean;
  preventDefault(): void;
}

/** Run the action bound to this key press, if any; returns it. */
export function dispatchShortcut(
  event: DispatchableEvent,
  actions: readonly ActionDefinition[],
  context: ActionContext,
): ActionDefinition | null {
  if (event.defaultPrevented || event.isComposing) {
    return null;
  }
  const action = findAction(actions, eventToShortcut(event), context, isTypingTarget(event.target));
  if (!action) {
    return null;
  }
  event.preventDefault();
  void runAction(action, context);
  return action;
}

export async function runAction(action: ActionDefinition, context: ActionContext): Promise<void> {
  if (!action.predicate(context)) {
    return;
  }
  await action.perform(context);
}

const isApple =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Human form of a shortcut for help and tooltips: `mod+k` → `Ctrl K` / `⌘ K`. */
export function formatShortcut(shortcut: string): string[] {
  return shortcut.split('+').map((part) => {
    if (part === 'mod') {
      return isApple ? '⌘' : 'Ctrl';
    }
    if (part === 'alt') {
      return isApple ? '⌥' : 'Alt';
    }
    return part.length === 1 ? part.toUpperCase() : part;
  });
}
