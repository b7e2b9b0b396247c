import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { deleteCalendar, deletePolicy, fetchCalendars, fetchPolicies, slaKeys } from '../api';
import { useSlaT } from '../use-sla-t';
import { CalendarForm } from './CalendarForm';
import { PolicyForm } from './PolicyForm';

/** Admin: business-hours calendars (with holidays) and SLA policies in precedence order. */
export function SlaSettingsPage() {
  const t = useSlaT();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const calendars = useQuery({ queryKey: slaKeys.calendars, queryFn: fetchCalendars });
  const policies = useQuery({ queryKey: slaKeys.policies, queryFn: fetchPolicies });
  const remove = useMutation({
    mutationFn: (target: { kind: 'calendar' | 'policy'; id: string }) =>
      target.kind === 'calendar' ? deleteCalendar(target.id) : deletePolicy(target.id),
    onSuccess: async () => {
      setError(null);
      await client.invalidateQueries({ queryKey: ['sla'] });
    },
    onError: (e: Error) => setError(e.message),
  });
  const calendarName = (id: string | null) =>
    calendars.data?.find((c) => c.id === id)?.name ?? t('calendarHours');
  const nextPosition = ((policies.data ?? []).at(-1)?.position ?? 0) + 10;
  return (
    <div className="sl-sla-page">
      <h1>{t('settings')}</h1>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <section aria-label={t('policies')}>
        <h2>{t('policies')}</h2>
        <ol className="sl-sla-list">
          {(policies.data ?? []).map((p) => (
            <li key={p.id}>
              <strong>
                {p.position}. {p.name}
              </strong>{' '}
              <span>{calendarName(p.calendarId)}</span>
              <Button size="sm" variant="ghost" onClick={() => remove.mutate({ kind: 'policy', id: p.id })}>
                {t('remove')}
              </Button>
            </li>
          ))}
        </ol>
        <PolicyForm calendars={calendars.data ?? []} nextPosition={nextPosition} />
      </section>
      <section aria-label={t('calendars')}>
        <h2>{t('calendars')}</h2>
        <ul className="sl-sla-list">
          {(calendars.data ?? []).map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> <span>{c.timeZone}</span>{' '}
              <span>{c.holidays.map((h) => h.date).join(', ')}</span>
              <Button size="sm" variant="ghost" onClick={() => remove.mutate({ kind: 'calendar', id: c.id })}>
                {t('remove')}
              </Button>
            </li>
          ))}
        </ul>
        <CalendarForm />
      </section>
    </div>
  );
}
