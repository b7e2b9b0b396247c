import { useTranslation } from 'react-i18next';
import type { MessageContent } from '../../../lib/types';
import { RichText } from './RichText';

/** A template as the customer read it, labelled with the template's name. */
export function TemplateMessage({ content }: { content: Extract<MessageContent, { kind: 'template' }> }) {
  const { t } = useTranslation();
  return (
    <div className="sl-template-message">
      <span className="sl-message-label">{t('content.template', { name: content.name })}</span>
      <RichText text={content.body} />
    </div>
  );
}
