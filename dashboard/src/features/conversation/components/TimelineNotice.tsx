import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { useRegistry } from '../../../lib/registry';
import type { Message, TicketEvent } from '../../../lib/types';
import { type Directory, describeEvent } from '../event-text';
import { summarizeMessage } from '../message-summary';

type NoticeProps = { message: Message; directory: Directory } | { event: TicketEvent; directory: Directory };

/** A centred line: ticket events, system messages, edits and deletions, reactions to unseen messages. */
export function TimelineNotice(props: NoticeProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { timelineEvents } = useRegistry();
  let text: string;
  let at: number;
  if ('event' in props) {
    text =
      timelineEvents[props.event.kind]?.(props.event, t) ?? describeEvent(props.event, t, props.directory);
    at = props.event.createdAt;
  } else {
    const { message } = props;
    at = message.createdAt;
    text =
      message.content.kind === 'reaction'
        ? t('conversation.reactedTo', {
            who: t(`conversation.${message.authorType}`),
            emoji: message.content.emoji,
          })
        : summarizeMessage(message, t);
  }
  return (
    <div className="sl-notice">
      <span className="sl-notice__text" dir="auto">
        {text}
        <time className="sl-notice__time" dateTime={new Date(at).toISOString()} title={format.dateTime(at)}>
          {format.time(at)}
        </time>
      </span>
    </div>
  );
}
