import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, TicketEvent } from '../../../lib/types';
import type { Directory } from '../event-text';
import { buildTimeline } from '../timeline';
import { DayDivider } from './DayDivider';
import { MessageBubble } from './MessageBubble';
import { TimelineNotice } from './TimelineNotice';

interface TimelineProps {
  ticketId: string;
  messages: readonly Message[];
  events: readonly TicketEvent[];
  customerName: string;
  directory: Directory;
}

const STICK_TO_BOTTOM_PX = 160;

/** The conversation, oldest at the top; follows new messages while the agent is at the bottom. */
export function Timeline({ ticketId, messages, events, customerName, directory }: TimelineProps) {
  const { t } = useTranslation();
  const items = useMemo(() => buildTimeline(messages, events), [messages, events]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const shownTicket = useRef<string | null>(null);
  const innerRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) {
      return;
    }
    const lastItem = items[items.length - 1];
    const mine = lastItem?.type === 'message' && lastItem.message.direction !== 'inbound';
    if (shownTicket.current !== ticketId || stuck.current || mine) {
      element.scrollTop = element.scrollHeight;
      shownTicket.current = ticketId;
    }
  }, [items, ticketId]);

  // Late layout (fonts, cards, a media viewer's images) grows the content: stay pinned to the bottom.
  useEffect(() => {
    const element = scrollRef.current;
    const inner = innerRef.current;
    if (!element || !inner || typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const observer = new ResizeObserver(() => {
      if (stuck.current) {
        element.scrollTop = element.scrollHeight;
      }
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={scrollRef}
      className="sl-timeline"
      role="log"
      aria-label={t('conversation.timeline')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable log must be reachable by keyboard to scroll it
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        stuck.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_TO_BOTTOM_PX;
      }}
    >
      <div ref={innerRef} className="sl-timeline__inner">
        {items.map((item) => {
          switch (item.type) {
            case 'day':
              return <DayDivider key={item.key} at={item.at} />;
            case 'event':
              return <TimelineNotice key={item.key} event={item.event} directory={directory} />;
            case 'notice':
              return <TimelineNotice key={item.key} message={item.message} directory={directory} />;
            case 'message':
              return (
                <MessageBubble
                  key={item.key}
                  message={item.message}
                  reactions={item.reactions}
                  quote={item.quote}
                  customerName={customerName}
                />
              );
            default:
              return null;
          }
        })}
      </div>
    </div>
  );
}
