import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { routingApi } from '../api';
import { useRoutingT } from '../use-routing-t';

/** Which rules would fire for a sample message, and each condition's result. */
export function DryRunPanel() {
  const t = useRoutingT();
  const [text, setText] = useState('');
  const [vip, setVip] = useState(false);
  const run = useMutation({ mutationFn: () => routingApi.dryRun(text, vip) });
  return (
    <section className="sl-routing__panel" aria-labelledby="routing-dry-run">
      <h2 id="routing-dry-run">{t('dryRun')}</h2>
      <label className="sl-label" htmlFor="routing-sample">
        {t('sample')}
      </label>
      <textarea id="routing-sample" rows={3} value={text} onChange={(event) => setText(event.target.value)} />
      <label className="sl-routing__check">
        <input type="checkbox" checked={vip} onChange={(event) => setVip(event.target.checked)} /> {t('vip')}
      </label>
      <Button variant="primary" onClick={() => run.mutate()} disabled={run.isPending}>
        {t('run')}
      </Button>
      {run.data ? (
        <ul className="sl-routing__trace" aria-label={t('dryRun')}>
          {run.data.length === 0 ? <li>{t('noRules')}</li> : null}
          {run.data.map((rule) => (
            <li key={rule.ruleId} data-fired={rule.fired}>
              <strong>
                {rule.fired ? '✓' : '✗'} {rule.name}
              </strong>{' '}
              — {rule.fired ? t('fired') : t('notFired')}
              <ul>
                {rule.conditions.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id; their order is fixed.
                  <li key={i}>
                    {c.matched ? '✓' : '✗'} {c.kind}: {c.detail}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
