import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../lib/session';
import { useAtomValue } from '../../../lib/state';
import { liveStatusAtom } from '../../../lib/workspace-state';
import { useLiveUpdates } from '../hooks/use-live-updates';

/** Connects the live stream and shows its state; quiet when all is well. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  useLiveUpdates(me !== null);
  const status = useAtomValue(liveStatusAtom);
  return (
    <div className={`sl-live sl-live--${status}`} role="status" aria-live="polite">
      <span className="sl-live__dot" aria-hidden="true" />
      <span className={status === 'live' ? 'sl-visually-hidden' : 'sl-live__text'}>
        {t(`live.${status}`)}
      </span>
    </div>
  );
}
