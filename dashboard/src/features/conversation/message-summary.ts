/** One-line text for a message (quotes, notices, previews). */
import type { TFunction } from 'i18next';
import type { Message, MessageContent } from '../../lib/types';

export function mediaLabelKey(content: Extract<MessageContent, { kind: 'media' }>): string {
  if (content.voice) {
    return 'content.media.voice';
  }
  switch (content.mediaKind) {
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return `content.media.${content.mediaKind}`;
    default:
      return 'content.media.other';
  }
}

export function unsupportedType(message: Message): string {
  const { content } = message;
  if (content.kind === 'unsupported') {
    return content.unsupportedType ?? message.type;
  }
  if (content.kind === 'unknown') {
    return content.type || message.type;
  }
  return message.type;
}

export function summarizeMessage(message: Message, t: TFunction): string {
  if (message.deletedAt) {
    return t('conversation.deleted');
  }
  const { content } = message;
  switch (content.kind) {
    case 'text':
    case 'note':
      return content.body;
    case 'media':
      return content.caption || content.filename || t(mediaLabelKey(content));
    case 'location':
      return content.name || content.address || t('content.location');
    case 'contacts':
      return (
        content.cards
          .map((card) => card.formattedName)
          .filter(Boolean)
          .join(', ') || t('content.contacts')
      );
    case 'interactive':
      return content.title;
    case 'button':
      return content.text;
    case 'reaction':
      return content.emoji;
    case 'order':
      return content.text || t('content.order');
    case 'system':
    case 'template':
    case 'choices':
      return content.body;
    case 'edit':
      return t('content.edit');
    case 'revoke':
      return t('content.revoke');
    case 'request_welcome':
      return t('content.request_welcome');
    case 'unsupported':
    case 'unknown':
      return t('conversation.unsupported', { type: unsupportedType(message) });
    default:
      return message.body ?? '';
  }
}
