import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../../lib/registry';
import type { Message } from '../../../lib/types';
import { summarizeMessage, unsupportedType } from '../message-summary';
import { ChoicesMessage } from './ChoicesMessage';
import { ContactCards } from './ContactCards';
import { InteractiveReply } from './InteractiveReply';
import { LocationCard } from './LocationCard';
import { MediaCard } from './MediaCard';
import { OrderCard } from './OrderCard';
import { RichText } from './RichText';
import { TemplateMessage } from './TemplateMessage';

/** The body of a bubble, by content kind. Features can take over a kind through the registry. */
export function MessageContentView({ message }: { message: Message }) {
  const { t } = useTranslation();
  const { messageRenderers } = useRegistry();
  const { content } = message;
  const Override = messageRenderers[content.kind];
  if (Override) {
    return <Override message={message} />;
  }
  switch (content.kind) {
    case 'text':
    case 'note':
      return <RichText text={content.body} />;
    case 'media':
      return <MediaCard content={content} />;
    case 'location':
      return <LocationCard content={content} />;
    case 'contacts':
      return <ContactCards cards={content.cards} />;
    case 'interactive':
    case 'button':
      return <InteractiveReply content={content} />;
    case 'order':
      return <OrderCard content={content} />;
    case 'template':
      return <TemplateMessage content={content} />;
    case 'choices':
      return <ChoicesMessage content={content} />;
    case 'unsupported':
    case 'unknown':
      return (
        <p className="sl-text sl-text--muted">
          {t('conversation.unsupported', { type: unsupportedType(message) })}
        </p>
      );
    default:
      // system, edit, revoke, request_welcome and reactions are drawn as notices; anything else as text
      return <RichText text={message.body ?? summarizeMessage(message, t)} />;
  }
}
