import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { inboxPath } from '../../../lib/paths';
import { navigate, type RouteParams } from '../../../lib/router';
import { useNow } from '../../../lib/use-now';
import { EmptyState } from '../../../ui/EmptyState';
import { fetchQueue, slaKeys } from '../api';
import { badgeStateOf } from '../sla-state';
import { useSlaT } from '../use-sla-t';

const VIEWS = ['at-risk', 'breached'] as const;

/** Tickets whose SLA is at risk or breached, soonest (or longest overdue) first. */
export function SlaQueuePage({ params }: { params: RouteParams }) {
  const t = useSlaT();
  const { t: common } = useTranslation();
  const format = useFormatters();
  const now = useNow();
  const which = params.view === 'breached' ? 'breached' : 'at-risk';
  const { data } = useQuery({
    queryKey: slaKeys.queue(which),
    queryFn: () => fetchQueue(which),
    refetchInterval: 30_000,
  });
  return (
    <div className="sl-sla-page">
      <h1>{t('queues')}</h1>
      <nav className="sl-sla-tabs" aria-label={t('queues')}>
        {VIEWS.map((view) => (
          <a
            key={view}
            href={`/sla/${view}`}
            aria-current={view === which ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(`/sla/${view}`);
            }}
          >
            {view === 'breached' ? t('breached') : t('atRisk')}
          </a>
        ))}
      </nav>
      {data && data.length === 0 ? (
        <EmptyState title={which === 'breached' ? t('emptyBreached') : t('emptyAtRisk')} />
      ) : (
        <table className="sl-sla-table" aria-label={which === 'breached' ? t('breached') : t('atRisk')}>
          <thead>
            <tr>
              <th scope="col">{t('ticket')}</th>
              <th scope="col">{t('target')}</th>
              <th scope="col">{t('due')}</th>
              <th scope="col">{t('timeToBreach')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((entry) => {
              const state = badgeStateOf(entry, now);
              return (
                <tr key={entry.id} data-ticket-id={entry.ticketId}>
                  <td>
                    <a
                      href={inboxPath('all', entry.ticketId)}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(inboxPath('all', entry.ticketId));
                      }}
                    >
                      {common('inbox.ticketNumber', { number: entry.ticketNumber })}
                    </a>{' '}
                    <span className="sl-sla-table__preview" dir="auto">
                      {entry.preview}
                    </span>
                  </td>
                  <td>{t(`metric_${entry.metric}`)}</td>
                  <td>{entry.dueAt ? format.dateTime(entry.dueAt) : '—'}</td>
                  <td>
                    <span className={`sl-badge sl-badge--${state.tone}`}>
                      {state.ms < 0 ? '−' : ''}
                      {format.duration(Math.abs(state.ms))}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
