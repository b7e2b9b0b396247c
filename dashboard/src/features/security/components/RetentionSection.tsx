import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useFormatters } from '../../../lib/format';
import { useCurrentUser } from '../../../lib/session';
import { Button } from '../../../ui/Button';
import { securityApi } from '../api';
import { useSecurityAction } from './use-security-action';
import { useSecurityT } from './use-security-t';

const RETENTION = ['security', 'retention'] as const;
const days = (text: string) => (text.trim() === '' ? null : Number(text));

/** Retention periods per data class and the last runs (admins change them; auditors read). */
export function RetentionSection() {
  const t = useSecurityT();
  const format = useFormatters();
  const canChange = useCurrentUser()?.role === 'admin';
  const report = useQuery({ queryKey: RETENTION, queryFn: securityApi.retention });
  const [form, setForm] = useState({ media: '', messages: '' });
  const save = useSecurityAction(RETENTION, securityApi.setRetention);
  const run = useSecurityAction(RETENTION, securityApi.runRetention);
  const policies = report.data?.policies;
  useEffect(() => {
    if (policies) {
      setForm({ media: policies.media?.toString() ?? '', messages: policies.messages?.toString() ?? '' });
    }
  }, [policies]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ media: days(form.media), messages: days(form.messages) });
  };
  return (
    <div className="sl-security__stack">
      <form className="sl-security__form sl-security__form--column" onSubmit={submit}>
        {(['media', 'messages'] as const).map((dataClass) => (
          <label key={dataClass} className="sl-field">
            <span className="sl-label">{t(`${dataClass}Days`)}</span>
            <input
              type="number"
              min={1}
              placeholder={t('keepForever')}
              disabled={!canChange}
              value={form[dataClass]}
              onChange={(e) => setForm({ ...form, [dataClass]: e.target.value })}
            />
          </label>
        ))}
        {canChange ? (
          <div className="sl-security__form">
            <Button type="submit" variant="primary">
              {t('save')}
            </Button>
            <Button onClick={() => run.mutate(undefined)}>{t('runNow')}</Button>
          </div>
        ) : null}
      </form>
      <h2>{t('lastRuns')}</h2>
      <ul>
        {(report.data?.runs ?? []).map((item) => (
          <li key={item.id}>
            {format.dateTime(item.startedAt)} — {t('runCounts', item.counts)}
          </li>
        ))}
      </ul>
    </div>
  );
}
