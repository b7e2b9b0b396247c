import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { atom, useAtom } from '../../../lib/state';
import { useTeams, useTicket, useUsers } from '../../../lib/tickets';
import { composerModeAtom, currentTicketAtom } from '../../../lib/workspace-state';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Spinner } from '../../../ui/Spinner';
import type { Directory } from '../event-text';
import { useMarkRead, useMessages, useTicketEvents } from '../hooks/use-conversation';
import { Composer } from './Composer';
import { DetailsPanel } from './DetailsPanel';
import { TicketHeader } from './TicketHeader';
import { Timeline } from './Timeline';

const detailsOpenAtom = atom(false);

/** One ticket: header and controls, the timeline, the composer, and the details panel. */
export function ConversationPane({ ticketId, onBack }: { ticketId: string; onBack(): void }) {
  const { t } = useTranslation();
  const ticketQuery = useTicket(ticketId);
  const messagesQuery = useMessages(ticketId);
  const events = useTicketEvents(ticketId);
  const users = useUsers();
  const teams = useTeams();
  const [detailsOpen, setDetailsOpen] = useAtom(detailsOpenAtom);
  const ticket = ticketQuery.data;
  useMarkRead(ticket);

  useEffect(() => {
    currentTicketAtom.set(ticket ?? null);
  }, [ticket]);
  useEffect(() => () => currentTicketAtom.set(null), []);
  // The pane is keyed by ticket id, so this runs once per opened ticket.
  useEffect(() => {
    composerModeAtom.set('reply');
  }, []);

  const directory = useMemo<Directory>(() => {
    const userNames = new Map((users.data ?? []).map((user) => [user.id, user.name || user.email]));
    const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
    return { userName: (id) => userNames.get(id) ?? null, teamName: (id) => teamNames.get(id) ?? null };
  }, [users.data, teams.data]);

  if (ticketQuery.isPending) {
    return (
      <div className="sl-conversation sl-conversation--state">
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  if (ticketQuery.isError || !ticket) {
    const notFound = ticketQuery.error instanceof ApiError && ticketQuery.error.status === 404;
    return (
      <div className="sl-conversation sl-conversation--state">
        {notFound ? (
          <EmptyState title={t('conversation.notFound')} />
        ) : (
          <>
            <ErrorMessage>{t('conversation.loadFailed')}</ErrorMessage>
            <Button size="sm" onClick={() => void ticketQuery.refetch()}>
              {t('app.retry')}
            </Button>
          </>
        )}
      </div>
    );
  }

  const customerName =
    ticket.contact.name ||
    (ticket.contact.username ? `@${ticket.contact.username}` : null) ||
    (ticket.contact.waId ? `+${ticket.contact.waId}` : null) ||
    t('inbox.unknownContact');
  return (
    <div className={`sl-conversation${detailsOpen ? ' sl-conversation--details-open' : ''}`}>
      <section className="sl-conversation__main" aria-label={t('conversation.label', { name: customerName })}>
        <TicketHeader
          ticket={ticket}
          customerName={customerName}
          detailsOpen={detailsOpen}
          onBack={onBack}
          onToggleDetails={() => setDetailsOpen((open) => !open)}
        />
        {messagesQuery.isPending ? (
          <div className="sl-timeline sl-timeline--state">
            <Spinner label={t('conversation.loadingMessages')} />
          </div>
        ) : messagesQuery.isError ? (
          <div className="sl-timeline sl-timeline--state">
            <ErrorMessage>{t('conversation.loadFailed')}</ErrorMessage>
          </div>
        ) : (
          <Timeline
            ticketId={ticket.id}
            messages={messagesQuery.messages}
            events={events.data ?? []}
            customerName={customerName}
            directory={directory}
          />
        )}
        {/* Keyed: attachments and a failed send's state belong to one ticket. */}
        <Composer key={ticket.id} ticket={ticket} />
      </section>
      <DetailsPanel ticket={ticket} onClose={() => setDetailsOpen(false)} />
    </div>
  );
}
