import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { Icon, type IconName } from '../../../ui/Icon';
import type { PhoneButton, PhoneInteractive } from '../parse';

export interface ChatItem {
  id: string;
  side: 'me' | 'business';
  at: number;
  text: string | null;
  /** Media line: an icon and its words (e.g. mic + "Voice note"). */
  label: { icon: IconName; text: string } | null;
  status: 'sending' | 'sent' | 'read' | 'failed' | null;
  wamid: string | null;
  interactive: PhoneInteractive | null;
}

function Tick({ status }: { status: NonNullable<ChatItem['status']> }) {
  const { t } = useTranslation();
  if (status === 'failed') {
    return (
      <span className="sl-phone-tick sl-phone-tick--failed" role="img" aria-label={t('phone.failed')}>
        !
      </span>
    );
  }
  const label = t(`ticks.${status}`);
  return (
    <span
      className={`sl-phone-tick${status === 'read' ? ' sl-phone-tick--read' : ''}`}
      role="img"
      aria-label={label}
      title={label}
    >
      {status === 'sending' ? '🕓' : status === 'read' ? '✓✓' : '✓'}
    </span>
  );
}

interface PhoneBubbleProps {
  item: ChatItem;
  onChoose(option: PhoneButton, replyTo: string): void;
}

export function PhoneBubble({ item, onChoose }: PhoneBubbleProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [listOpen, setListOpen] = useState(false);
  const interactive = item.interactive;
  const showOptions = interactive && item.wamid && (interactive.kind === 'buttons' || listOpen);
  return (
    <div className={`sl-phone-msg sl-phone-msg--${item.side}`}>
      <div className="sl-phone-bubble">
        {interactive?.header ? (
          <strong className="sl-phone-bubble__header">{interactive.header}</strong>
        ) : null}
        {item.label ? (
          <span className="sl-phone-bubble__label">
            <Icon name={item.label.icon} />
            <span dir="auto">{item.label.text}</span>
          </span>
        ) : null}
        {item.text ? (
          <p className="sl-phone-bubble__text" dir="auto">
            {item.text}
          </p>
        ) : null}
        {interactive?.footer ? (
          <span className="sl-phone-bubble__footer-text">{interactive.footer}</span>
        ) : null}
        <span className="sl-phone-bubble__meta">
          <time dateTime={new Date(item.at).toISOString()}>{format.time(item.at)}</time>
          {item.status ? <Tick status={item.status} /> : null}
        </span>
      </div>
      {interactive?.kind === 'list' && !listOpen ? (
        <button type="button" className="sl-phone-option" onClick={() => setListOpen(true)}>
          <Icon name="list" /> {interactive.listLabel ?? t('phone.openList')}
        </button>
      ) : null}
      {showOptions && item.wamid ? (
        <fieldset className="sl-phone-options">
          <legend className="sl-visually-hidden">{t('phone.tapToReply')}</legend>
          {interactive.options.map((option) => (
            <button
              key={option.id}
              type="button"
              className="sl-phone-option"
              onClick={() => onChoose(option, item.wamid as string)}
            >
              <span>{option.title}</span>
              {option.description ? <small>{option.description}</small> : null}
            </button>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
