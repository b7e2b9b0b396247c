import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../../lib/registry';
import type { Ticket } from '../../../lib/types';
import { useNow } from '../../../lib/use-now';
import { Badge } from '../../../ui/Badge';
import { IconButton } from '../../../ui/IconButton';
import { TicketControls } from './TicketControls';

interface TicketHeaderProps {
  ticket: Ticket;
  customerName: string;
  detailsOpen: boolean;
  onBack(): void;
  onToggleDetails(): void;
}

export function TicketHeader({
  ticket,
  customerName,
  detailsOpen,
  onBack,
  onToggleDetails,
}: TicketHeaderProps) {
  const { t } = useTranslation();
  const { ticketBadges } = useRegistry();
  const now = useNow();
  return (
    <header className="sl-ticket-head">
      <div className="sl-ticket-head__top">
        <IconButton
          icon="back"
          mirrored
          label={t('conversation.back')}
          className="sl-ticket-head__back"
          onClick={onBack}
        />
        <div className="sl-ticket-head__who">
          <h2 className="sl-ticket-head__name" dir="auto">
            {customerName}
          </h2>
          <span className="sl-ticket-head__sub">
            {t('inbox.ticketNumber', { number: ticket.number })}
            {ticket.contact.waId ? (
              <>
                {' · '}
                <bdi dir="ltr">+{ticket.contact.waId}</bdi>
              </>
            ) : null}
          </span>
        </div>
        {ticketBadges.map((badge) => (
          <badge.component key={badge.id} ticket={ticket} now={now} />
        ))}
        {!ticket.window.open ? <Badge tone="warning">{t('composer.windowClosedShort')}</Badge> : null}
        <IconButton
          icon="panel"
          mirrored
          label={detailsOpen ? t('conversation.hideDetails') : t('conversation.details')}
          aria-expanded={detailsOpen}
          className="sl-ticket-head__details"
          onClick={onToggleDetails}
        />
      </div>
      <TicketControls ticket={ticket} />
    </header>
  );
}
