import { useEffect, useRef } from 'react';
import { dispatchShortcut } from '../lib/actions';
import { useRegistry } from '../lib/registry';
import { useAtomValue } from '../lib/state';
import { openDialogAtom } from '../lib/workspace-state';
import { useActionContext } from './use-action-context';

/** Binds every registered action's shortcut on the document (not while a dialog is open). */
export function ShortcutListener() {
  const { actions } = useRegistry();
  const context = useActionContext();
  const dialog = useAtomValue(openDialogAtom);
  const latest = useRef({ actions, context, dialog });
  latest.current = { actions, context, dialog };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (latest.current.dialog !== null) {
        return;
      }
      dispatchShortcut(event, latest.current.actions, latest.current.context);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return null;
}
