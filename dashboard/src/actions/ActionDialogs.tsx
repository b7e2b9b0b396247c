import { useAtom } from '../lib/state';
import { openDialogAtom } from '../lib/workspace-state';
import { CommandMenu } from './CommandMenu';
import { ShortcutHelp } from './ShortcutHelp';

export function ActionDialogs() {
  const [dialog, setDialog] = useAtom(openDialogAtom);
  const close = () => setDialog(null);
  if (dialog === 'commands') {
    return <CommandMenu onClose={close} />;
  }
  if (dialog === 'shortcuts') {
    return <ShortcutHelp onClose={close} />;
  }
  return null;
}
