import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import type { Message } from '../../../lib/types';
import { Icon } from '../../../ui/Icon';
import type { QuoteView, ReactionChip } from '../timeline';
import { MessageContentView } from './MessageContentView';
import { QuotedMessage } from './QuotedMessage';
import { StatusTicks } from './StatusTicks';

interface MessageBubbleProps {
  message: Message;
  reactions: ReactionChip[];
  quote: QuoteView | null;
  customerName: string;
}

function authorLabel(message: Message, t: (key: string) => string): string | null {
  if (message.direction === 'inbound') {
    return null;
  }
  if (message.authorType === 'bot') {
    return message.authorName ?? t('conversation.bot');
  }
  if (message.authorType === 'system') {
    return t('conversation.system');
  }
  return message.authorName ?? t('conversation.agent');
}

function MessageBubbleImpl({ message, reactions, quote, customerName }: MessageBubbleProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const isNote = message.direction === 'internal' || message.content.kind === 'note';
  const side = message.direction === 'inbound' ? 'in' : 'out';
  const author = authorLabel(message, t);
  const context = message.context;
  return (
    <div className={`sl-msg sl-msg--${side}${isNote ? ' sl-msg--note' : ''}`}>
      <article
        id={`message-${message.id}`}
        tabIndex={-1}
        className={`sl-bubble${message.status === 'failed' ? ' sl-bubble--failed' : ''}`}
        aria-label={isNote ? t('conversation.internalNote') : undefined}
      >
        {isNote ? (
          <span className="sl-bubble__note-label">
            <Icon name="note" />
            {t('conversation.internalNote')}
            {author ? ` · ${author}` : null}
          </span>
        ) : author ? (
          <span className="sl-bubble__author">{author}</span>
        ) : null}
        {context?.forwarded || context?.frequentlyForwarded ? (
          <span className="sl-bubble__forwarded">
            <Icon name="forward" className="sl-mirror" />
            {t(context.frequentlyForwarded ? 'conversation.frequentlyForwarded' : 'conversation.forwarded')}
          </span>
        ) : null}
        {quote ? <QuotedMessage quote={quote} customerName={customerName} /> : null}
        {message.deletedAt ? (
          <p className="sl-text sl-text--muted">{t('conversation.deleted')}</p>
        ) : (
          <MessageContentView message={message} />
        )}
        <span className="sl-bubble__footer">
          {message.editedAt && !message.deletedAt ? (
            <span className="sl-bubble__edited">{t('conversation.edited')}</span>
          ) : null}
          <time
            dateTime={new Date(message.createdAt).toISOString()}
            title={format.dateTime(message.createdAt)}
          >
            {format.time(message.createdAt)}
          </time>
          {message.direction === 'outbound' ? <StatusTicks message={message} /> : null}
        </span>
        {reactions.length > 0 ? (
          <ul className="sl-reactions" aria-label={t('conversation.reactions')}>
            {reactions.map((reaction) => (
              <li
                key={reaction.emoji}
                className="sl-reactions__chip"
                title={reaction.authorTypes.map((type) => t(`conversation.${type}`)).join(', ')}
              >
                <span>{reaction.emoji}</span>
                {reaction.count > 1 ? (
                  <span className="sl-reactions__count">{format.number(reaction.count)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </article>
    </div>
  );
}

export const MessageBubble = memo(MessageBubbleImpl);
