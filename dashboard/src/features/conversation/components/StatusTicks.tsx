import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../lib/types';

function Ticks({ count }: { count: 1 | 2 }) {
  return (
    <svg viewBox="0 0 18 12" className="sl-ticks__svg" aria-hidden="true" focusable="false">
      <path
        d="M1 6.5l3.2 3.2L10.5 2.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
      {count === 2 ? (
        <path
          d="M7 9.2l.5.5L13.8 2.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
      ) : null}
    </svg>
  );
}

/** Delivery state of an outbound message: ✓ sent, ✓✓ delivered, blue ✓✓ read, red ! failed (reason on hover/focus). */
export function StatusTicks({ message }: { message: Message }) {
  const { t } = useTranslation();
  const tipId = useId();
  const { status } = message;
  if (status === 'failed') {
    const reason = message.error?.message || message.error?.reason || t('ticks.failedNoReason');
    const code = message.error?.code;
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users can read the failure reason
      <span className="sl-ticks sl-ticks--failed sl-has-tooltip" tabIndex={0} aria-describedby={tipId}>
        <span aria-hidden="true" className="sl-ticks__bang">
          !
        </span>
        <span className="sl-ticks__failed-label">{t('ticks.failed')}</span>
        <span role="tooltip" id={tipId} className="sl-tooltip">
          {reason}
          {code !== null && code !== undefined ? ` (${code})` : ''}
        </span>
      </span>
    );
  }
  if (status === 'queued' || status === 'sending') {
    return (
      <span
        className="sl-ticks sl-ticks--pending"
        role="img"
        aria-label={t('ticks.sending')}
        title={t('ticks.sending')}
      >
        <svg viewBox="0 0 12 12" className="sl-ticks__clock" aria-hidden="true" focusable="false">
          <circle cx="6" cy="6" r="4.8" fill="none" stroke="currentColor" strokeWidth="1.2" />
          <path
            d="M6 3.4V6l1.8 1.1"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.2"
            strokeLinecap="round"
          />
        </svg>
      </span>
    );
  }
  if (status === 'sent') {
    return (
      <span className="sl-ticks" role="img" aria-label={t('ticks.sent')} title={t('ticks.sent')}>
        <Ticks count={1} />
      </span>
    );
  }
  if (status === 'delivered') {
    return (
      <span className="sl-ticks" role="img" aria-label={t('ticks.delivered')} title={t('ticks.delivered')}>
        <Ticks count={2} />
      </span>
    );
  }
  if (status === 'read' || status === 'played') {
    return (
      <span
        className="sl-ticks sl-ticks--read"
        role="img"
        aria-label={t(`ticks.${status}`)}
        title={t(`ticks.${status}`)}
      >
        <Ticks count={2} />
      </span>
    );
  }
  return null;
}
