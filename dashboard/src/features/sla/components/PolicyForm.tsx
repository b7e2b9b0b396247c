import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { type Calendar, type SlaMetric, savePolicy, slaKeys } from '../api';
import { useSlaT } from '../use-sla-t';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const METRICS: SlaMetric[] = ['firstResponse', 'nextResponse', 'periodicUpdate', 'resolution'];
const ACTIONS = ['raise_priority', 'escalate_tier', 'unassign'] as const;

type Targets = Record<string, Record<string, string>>;

function targetsBody(targets: Targets) {
  const body: Record<string, Record<string, number>> = {};
  for (const [priority, metrics] of Object.entries(targets)) {
    for (const [metric, value] of Object.entries(metrics)) {
      if (value.trim() !== '') {
        body[priority] = { ...body[priority], [metric]: Number(value) };
      }
    }
  }
  return body;
}

export function PolicyForm({ calendars, nextPosition }: { calendars: Calendar[]; nextPosition: number }) {
  const t = useSlaT();
  const { t: common } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [calendarId, setCalendarId] = useState('');
  const [warnPercent, setWarnPercent] = useState('75');
  const [targets, setTargets] = useState<Targets>({});
  const [tiers, setTiers] = useState('');
  const [vipOnly, setVipOnly] = useState(false);
  const [actions, setActions] = useState<string[]>([]);
  const [webhookUrl, setWebhookUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: savePolicy,
    onSuccess: async () => {
      setError(null);
      setName('');
      setPosition('');
      await client.invalidateQueries({ queryKey: slaKeys.policies });
    },
    onError: (e: Error) => setError(e.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const tierList = tiers
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    save.mutate({
      name,
      position: Number(position || nextPosition),
      calendarId: calendarId || null,
      warnShare: warnPercent ? Number(warnPercent) / 100 : null,
      targets: targetsBody(targets),
      conditions: { ...(tierList.length > 0 ? { tiers: tierList } : {}), ...(vipOnly ? { vip: true } : {}) },
      actions: actions.map((kind) => ({ kind })),
      webhookUrl: webhookUrl.trim() || null,
    });
  };
  return (
    <form className="sl-sla-form" onSubmit={submit} aria-label={t('newPolicy')}>
      <h3>{t('newPolicy')}</h3>
      <label>
        {t('name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t('position')}
        <input
          type="number"
          value={position}
          placeholder={String(nextPosition)}
          onChange={(e) => setPosition(e.target.value)}
        />
      </label>
      <label>
        {t('calendar')}
        <select value={calendarId} onChange={(e) => setCalendarId(e.target.value)}>
          <option value="">{t('calendarHours')}</option>
          {calendars.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('warnShare')}
        <input type="number" value={warnPercent} onChange={(e) => setWarnPercent(e.target.value)} />
      </label>
      <table className="sl-sla-targets" aria-label={t('targets')}>
        <caption>{t('targets')}</caption>
        <thead>
          <tr>
            <td />
            {METRICS.map((m) => (
              <th key={m} scope="col">
                {t(`metric_${m}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((p) => (
            <tr key={p}>
              <th scope="row">{common(`priority.${p}`)}</th>
              {METRICS.map((m) => (
                <td key={m}>
                  <input
                    type="number"
                    aria-label={`${common(`priority.${p}`)} — ${t(`metric_${m}`)}`}
                    value={targets[p]?.[m] ?? ''}
                    onChange={(e) => setTargets({ ...targets, [p]: { ...targets[p], [m]: e.target.value } })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {t('tiers')}
        <input value={tiers} onChange={(e) => setTiers(e.target.value)} />
      </label>
      <label className="sl-sla-form__check">
        <input type="checkbox" checked={vipOnly} onChange={(e) => setVipOnly(e.target.checked)} />
        {t('vipOnly')}
      </label>
      <fieldset>
        <legend>{t('onBreach')}</legend>
        {ACTIONS.map((kind) => (
          <label key={kind} className="sl-sla-form__check">
            <input
              type="checkbox"
              checked={actions.includes(kind)}
              onChange={(e) =>
                setActions(e.target.checked ? [...actions, kind] : actions.filter((a) => a !== kind))
              }
            />
            {t(`action_${kind}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('webhookUrl')}
        <input type="url" value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} />
      </label>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <Button type="submit" variant="primary" disabled={save.isPending}>
        {t('save')}
      </Button>
    </form>
  );
}
