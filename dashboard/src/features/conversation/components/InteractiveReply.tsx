import { useTranslation } from 'react-i18next';
import type { MessageContent } from '../../../lib/types';
import { Icon } from '../../../ui/Icon';

type Interactive = Extract<MessageContent, { kind: 'interactive' | 'button' }>;

/** A tapped reply button, a list choice, or a template quick-reply button. */
export function InteractiveReply({ content }: { content: Interactive }) {
  const { t } = useTranslation();
  const label =
    content.kind === 'button'
      ? t('content.buttonTap')
      : content.replyType === 'button_reply' || content.replyType === 'list_reply'
        ? t(`content.interactive.${content.replyType}`)
        : t('content.interactive.other');
  const title = content.kind === 'button' ? content.text : content.title;
  const description = content.kind === 'interactive' ? content.description : null;
  return (
    <div className="sl-interactive">
      <span className="sl-interactive__label">
        <Icon name="reply" className="sl-mirror" />
        {label}
      </span>
      <strong className="sl-interactive__title" dir="auto">
        {title}
      </strong>
      {description ? (
        <span className="sl-interactive__description" dir="auto">
          {description}
        </span>
      ) : null}
    </div>
  );
}
