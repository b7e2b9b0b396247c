import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormatters } from '../../../lib/format';
import { inboxPath } from '../../../lib/paths';
import { navigate } from '../../../lib/router';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';
import { fetchNotifications, markAllRead, slaKeys } from '../api';
import { useSlaT } from '../use-sla-t';

/** SLA warnings and breaches for the signed-in user: unread count in the header, the list on click. */
export function NotificationsBell() {
  const t = useSlaT();
  const format = useFormatters();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const { data } = useQuery({
    queryKey: slaKeys.notifications,
    queryFn: fetchNotifications,
    // Live events refetch it at once; the interval covers a stream that is down.
    refetchInterval: 60_000,
  });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: () => client.invalidateQueries({ queryKey: slaKeys.notifications }),
  });
  const unread = data?.unread ?? 0;
  return (
    <div className="sl-bell">
      <button
        type="button"
        className="sl-bell__button"
        aria-expanded={open}
        aria-label={`${t('notifications')} — ${t('unread', { count: unread })}`}
        onClick={() => setOpen(!open)}
      >
        <Icon name="bell" />
        {unread > 0 ? <span className="sl-bell__count">{format.number(unread)}</span> : null}
      </button>
      {open ? (
        <section className="sl-bell__panel" aria-label={t('notifications')}>
          {data && data.data.length > 0 ? (
            <ul className="sl-bell__list">
              {data.data.map((n) => {
                const values = {
                  number: n.data.ticketNumber ?? '?',
                  metric: t(`metric_${n.data.metric ?? 'firstResponse'}`),
                };
                return (
                  <li key={n.id} className={n.readAt === null ? 'sl-bell__item--unread' : undefined}>
                    <a
                      href={n.ticketId ? inboxPath('all', n.ticketId) : '#'}
                      onClick={(event) => {
                        event.preventDefault();
                        setOpen(false);
                        if (n.ticketId) {
                          navigate(inboxPath('all', n.ticketId));
                        }
                      }}
                    >
                      {n.kind === 'sla.breached' ? t('breachNote', values) : t('warningNote', values)}
                    </a>
                    <time dateTime={new Date(n.createdAt).toISOString()}>{format.time(n.createdAt)}</time>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="sl-bell__empty">{t('noNotifications')}</p>
          )}
          {unread > 0 ? (
            <Button size="sm" onClick={() => readAll.mutate()}>
              {t('markAllRead')}
            </Button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
