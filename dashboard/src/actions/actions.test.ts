import { describe, expect, it, vi } from 'vitest';
import {
  type ActionContext,
  type DispatchableEvent,
  dispatchShortcut,
  eventToShortcut,
} from '../lib/actions';
import { buildTicket, buildUser } from '../test/builders';
import { coreActions } from './index';

function context(overrides: Partial<ActionContext> = {}): ActionContext {
  return {
    me: buildUser(),
    ticket: buildTicket(),
    ticketIds: ['ticket_0', 'ticket_1', 'ticket_2'],
    updateTicket: vi.fn(async () => undefined),
    openTicket: vi.fn(),
    focus: vi.fn(),
    setComposerMode: vi.fn(),
    openDialog: vi.fn(),
    ...overrides,
  };
}

function key(
  keyName: string,
  options: Partial<DispatchableEvent> = {},
): DispatchableEvent & { preventDefault: ReturnType<typeof vi.fn> } {
  return {
    key: keyName,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: document.body,
    preventDefault: vi.fn(),
    ...options,
  } as DispatchableEvent & { preventDefault: ReturnType<typeof vi.fn> };
}

describe('actions registry', () => {
  it('has one unique shortcut per action', () => {
    const shortcuts = coreActions.map((action) => action.shortcut).filter(Boolean);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('a assigns the open ticket to me', () => {
    const ctx = context();
    const event = key('a');
    expect(dispatchShortcut(event, coreActions, ctx)?.name).toBe('assignToMe');
    expect(ctx.updateTicket).toHaveBeenCalledWith({ assigneeId: 'user_me' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('does nothing when the predicate says no (already mine, no ticket)', () => {
    const mine = context({ ticket: buildTicket({ assigneeId: 'user_me' }) });
    expect(dispatchShortcut(key('a'), coreActions, mine)).toBeNull();
    expect(mine.updateTicket).not.toHaveBeenCalled();
    const none = context({ ticket: null });
    expect(dispatchShortcut(key('s'), coreActions, none)).toBeNull();
  });

  it('s solves and p sets pending', () => {
    const ctx = context();
    dispatchShortcut(key('s'), coreActions, ctx);
    dispatchShortcut(key('p'), coreActions, ctx);
    expect(ctx.updateTicket).toHaveBeenNthCalledWith(1, { status: 'solved' });
    expect(ctx.updateTicket).toHaveBeenNthCalledWith(2, { status: 'pending' });
  });

  it('j and k move through the inbox order', () => {
    const ctx = context();
    dispatchShortcut(key('j'), coreActions, ctx);
    dispatchShortcut(key('k'), coreActions, ctx);
    expect(ctx.openTicket).toHaveBeenNthCalledWith(1, 'ticket_2');
    expect(ctx.openTicket).toHaveBeenNthCalledWith(2, 'ticket_0');
    const last = context({ ticket: buildTicket({ id: 'ticket_2' }) });
    expect(dispatchShortcut(key('j'), coreActions, last)).toBeNull();
  });

  it('r focuses the reply, n switches to note mode, / focuses search, ? opens help', () => {
    const ctx = context();
    dispatchShortcut(key('r'), coreActions, ctx);
    expect(ctx.setComposerMode).toHaveBeenLastCalledWith('reply');
    dispatchShortcut(key('n'), coreActions, ctx);
    expect(ctx.setComposerMode).toHaveBeenLastCalledWith('note');
    expect(ctx.focus).toHaveBeenCalledWith('composer');
    dispatchShortcut(key('/'), coreActions, ctx);
    expect(ctx.focus).toHaveBeenLastCalledWith('search');
    dispatchShortcut(key('?'), coreActions, ctx);
    expect(ctx.openDialog).toHaveBeenCalledWith('shortcuts');
  });

  it('ignores single-key shortcuts while typing but keeps mod+k', () => {
    const ctx = context();
    const textarea = document.createElement('textarea');
    expect(dispatchShortcut(key('s', { target: textarea }), coreActions, ctx)).toBeNull();
    expect(ctx.updateTicket).not.toHaveBeenCalled();
    expect(dispatchShortcut(key('k', { target: textarea, ctrlKey: true }), coreActions, ctx)?.name).toBe(
      'openCommandMenu',
    );
    expect(ctx.openDialog).toHaveBeenCalledWith('commands');
  });

  it('does not treat Ctrl+S or Shift+A as plain shortcuts', () => {
    const ctx = context();
    expect(dispatchShortcut(key('s', { ctrlKey: true }), coreActions, ctx)).toBeNull();
    expect(dispatchShortcut(key('A'), coreActions, ctx)).toBeNull();
    expect(eventToShortcut(key('K', { metaKey: true }))).toBe('mod+k');
  });
});
