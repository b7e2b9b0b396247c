import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';

/** Why free text is blocked outside WhatsApp's 24-hour window, and what the agent can do instead. */
export function WindowClosedNotice(props: { onSendTemplate(): void; onWriteNote(): void }) {
  const { t } = useTranslation();
  return (
    <div className="sl-window-closed" role="note" aria-labelledby="sl-window-closed-title">
      <Icon name="clock" />
      <div className="sl-window-closed__text">
        <strong id="sl-window-closed-title">{t('composer.windowClosedTitle')}</strong>
        <p>{t('composer.windowClosedBody')}</p>
        <p>{t('composer.templatesHint')}</p>
      </div>
      <div className="sl-window-closed__actions">
        <Button size="sm" variant="primary" onClick={props.onSendTemplate}>
          {t('composer.sendTemplate')}
        </Button>
        <Button size="sm" onClick={props.onWriteNote}>
          {t('composer.writeNoteInstead')}
        </Button>
      </div>
    </div>
  );
}
