import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Formatters } from '../../../lib/format';
import { useRegistry } from '../../../lib/registry';
import type { TicketSummary } from '../../../lib/types';
import { Badge, type BadgeTone } from '../../../ui/Badge';

export const STATUS_TONES: Record<TicketSummary['status'], BadgeTone> = {
  new: 'info',
  open: 'accent',
  pending: 'warning',
  solved: 'neutral',
  closed: 'outline',
};

export const PRIORITY_TONES: Record<TicketSummary['priority'], BadgeTone> = {
  low: 'outline',
  normal: 'outline',
  high: 'warning',
  urgent: 'danger',
};

export function contactLabel(contact: TicketSummary['contact'], fallback: string): string {
  return (
    contact.name ||
    (contact.username ? `@${contact.username}` : null) ||
    (contact.waId ? `+${contact.waId}` : null) ||
    fallback
  );
}

interface TicketRowProps {
  ticket: TicketSummary;
  href: string;
  selected: boolean;
  now: number;
  format: Formatters;
  onOpen(id: string): void;
}

const MAX_TAGS = 2;

function TicketRowImpl({ ticket, href, selected, now, format, onOpen }: TicketRowProps) {
  const { t } = useTranslation();
  const { ticketBadges } = useRegistry();
  const name = contactLabel(ticket.contact, t('inbox.unknownContact'));
  const isWaiting = ticket.waitingSince !== null && (ticket.status === 'new' || ticket.status === 'open');
  const extraTags = ticket.tags.length - MAX_TAGS;
  return (
    <a
      href={href}
      className={`sl-row${selected ? ' sl-row--selected' : ''}${ticket.unread ? ' sl-row--unread' : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-ticket-id={ticket.id}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
          return;
        }
        event.preventDefault();
        onOpen(ticket.id);
      }}
    >
      <span className="sl-row__line">
        {ticket.unread ? (
          <span className="sl-row__unread">
            <span className="sl-visually-hidden">{t('inbox.unread')}</span>
          </span>
        ) : null}
        <span className="sl-row__name">{name}</span>
        <span className="sl-row__number">{t('inbox.ticketNumber', { number: ticket.number })}</span>
        <time
          className="sl-row__time"
          dateTime={new Date(ticket.lastMessageAt).toISOString()}
          title={format.dateTime(ticket.lastMessageAt)}
        >
          {format.stamp(ticket.lastMessageAt, now)}
        </time>
      </span>
      <span className="sl-row__preview" dir="auto">
        {ticket.lastMessagePreview ?? t('inbox.noPreview')}
      </span>
      <span className="sl-row__meta">
        <Badge tone={STATUS_TONES[ticket.status]}>{t(`status.${ticket.status}`)}</Badge>
        {ticket.priority !== 'normal' ? (
          <Badge tone={PRIORITY_TONES[ticket.priority]}>{t(`priority.${ticket.priority}`)}</Badge>
        ) : null}
        {ticketBadges.map((badge) => (
          <badge.component key={badge.id} ticket={ticket} now={now} />
        ))}
        {ticket.tags.slice(0, MAX_TAGS).map((tag) => (
          <Badge key={tag} tone="outline">
            {tag}
          </Badge>
        ))}
        {extraTags > 0 ? <Badge tone="outline">+{format.number(extraTags)}</Badge> : null}
        {isWaiting && ticket.waitingSince !== null ? (
          <span className="sl-row__waiting" title={format.dateTime(ticket.waitingSince)}>
            {t('inbox.waiting', { duration: format.duration(now - ticket.waitingSince) })}
          </span>
        ) : null}
      </span>
    </a>
  );
}

export const TicketRow = memo(TicketRowImpl);
