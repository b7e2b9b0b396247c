import { useAtomValue } from '../lib/state';
import { dismissToast, toastsAtom } from '../lib/toast';
import { IconButton } from './IconButton';

export function Toaster({ closeLabel }: { closeLabel: string }) {
  const toasts = useAtomValue(toastsAtom);
  return (
    <div className="sl-toaster" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`sl-toast sl-toast--${toast.tone}`}>
          <span>{toast.message}</span>
          <IconButton icon="close" label={closeLabel} onClick={() => dismissToast(toast.id)} />
        </div>
      ))}
    </div>
  );
}
