import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFormatters } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { type AuditFilters, securityApi } from '../api';
import { useSecurityT } from './use-security-t';

const toEpoch = (day: string, endOfDay: boolean) =>
  day ? Date.parse(`${day}T00:00:00Z`) + (endOfDay ? 86_400_000 : 0) : undefined;

/** The audit trail with filters, paging, CSV/JSON export and a chain check. */
export function AuditSection() {
  const t = useSecurityT();
  const format = useFormatters();
  const [form, setForm] = useState({ actorId: '', action: '', targetId: '', from: '', to: '' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const entries = useInfiniteQuery({
    queryKey: ['security', 'audit', filters],
    queryFn: ({ pageParam }) => securityApi.audit(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const verify = useMutation({ mutationFn: securityApi.verifyAudit });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters({
      ...(form.actorId ? { actorId: form.actorId.trim() } : {}),
      ...(form.action ? { action: form.action.trim() } : {}),
      ...(form.targetId ? { targetId: form.targetId.trim() } : {}),
      from: toEpoch(form.from, false),
      to: toEpoch(form.to, true),
    });
  };
  const rows = entries.data?.pages.flatMap((page) => page.data) ?? [];
  const verdict = verify.data;
  return (
    <div className="sl-security__stack">
      <form className="sl-security__form" onSubmit={submit}>
        <input
          aria-label={t('actor')}
          placeholder={t('actor')}
          value={form.actorId}
          onChange={(e) => setForm({ ...form, actorId: e.target.value })}
        />
        <input
          aria-label={t('action')}
          placeholder="auth.sign_in_failed"
          value={form.action}
          onChange={(e) => setForm({ ...form, action: e.target.value })}
        />
        <input
          aria-label={t('target')}
          placeholder={t('target')}
          value={form.targetId}
          onChange={(e) => setForm({ ...form, targetId: e.target.value })}
        />
        <input
          aria-label={t('from')}
          type="date"
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <input
          aria-label={t('to')}
          type="date"
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
        />
        <Button type="submit">{t('filter')}</Button>
        <a
          className="sl-button sl-button--secondary"
          href={securityApi.auditExportUrl(filters, 'csv')}
          download
        >
          {t('exportCsv')}
        </a>
        <a
          className="sl-button sl-button--secondary"
          href={securityApi.auditExportUrl(filters, 'json')}
          download
        >
          {t('exportJson')}
        </a>
        <Button onClick={() => verify.mutate()}>{t('verify')}</Button>
      </form>
      {verdict ? (
        <p role="status" className={verdict.ok ? 'sl-security__ok' : 'sl-alert'}>
          {verdict.ok
            ? t('chainOk', { count: verdict.checked })
            : t('chainBroken', { id: verdict.firstBroken.id, reason: verdict.firstBroken.reason })}
        </p>
      ) : null}
      {rows.length === 0 && !entries.isPending ? <p className="sl-muted">{t('noEntries')}</p> : null}
      <table className="sl-security__table" aria-label={t('tabAudit')}>
        <thead>
          <tr>
            <th>{t('when')}</th>
            <th>{t('actor')}</th>
            <th>{t('action')}</th>
            <th>{t('target')}</th>
            <th>{t('origin')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={entry.id}>
              <td>{format.dateTime(entry.at)}</td>
              <td>
                {entry.actor.type}
                {entry.actor.id ? ` ${entry.actor.id}` : ''}
              </td>
              <td>
                <code>{entry.action}</code>
                {Object.keys(entry.details).length > 0 ? (
                  <small> {JSON.stringify(entry.details)}</small>
                ) : null}
              </td>
              <td>{entry.target ? `${entry.target.type} ${entry.target.id ?? ''}` : ''}</td>
              <td title={entry.userAgent ?? undefined}>{entry.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.hasNextPage ? (
        <Button onClick={() => void entries.fetchNextPage()}>{t('loadMore')}</Button>
      ) : null}
    </div>
  );
}
