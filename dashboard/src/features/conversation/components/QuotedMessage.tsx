import { useTranslation } from 'react-i18next';
import { summarizeMessage } from '../message-summary';
import type { QuoteView } from '../timeline';

/** The quoted context of a reply; activating it scrolls to the original when it is loaded. */
export function QuotedMessage({ quote, customerName }: { quote: QuoteView; customerName: string }) {
  const { t } = useTranslation();
  const quoted = quote.message;
  const author = quoted
    ? quoted.direction === 'inbound'
      ? customerName
      : (quoted.authorName ?? t(quoted.authorType === 'bot' ? 'conversation.bot' : 'conversation.agent'))
    : null;
  const text = quoted ? summarizeMessage(quoted, t) : (quote.preview ?? t('conversation.quotedUnavailable'));
  const body = (
    <>
      {author ? <span className="sl-quote__author">{author}</span> : null}
      <span className="sl-quote__text" dir="auto">
        {text}
      </span>
    </>
  );
  if (!quoted) {
    return <div className="sl-quote">{body}</div>;
  }
  return (
    <a
      className="sl-quote"
      href={`#message-${quoted.id}`}
      aria-label={t('conversation.replyingTo', { text })}
      onClick={(event) => {
        event.preventDefault();
        const target = document.getElementById(`message-${quoted.id}`);
        target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        target?.focus({ preventScroll: true });
      }}
    >
      {body}
    </a>
  );
}
