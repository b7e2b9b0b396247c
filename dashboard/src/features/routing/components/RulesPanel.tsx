import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notify } from '../../../lib/toast';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { routingApi, routingKeys } from '../api';
import { useRoutingT } from '../use-routing-t';

const EXAMPLE = JSON.stringify(
  {
    name: 'Refunds to Finance',
    conditions: [
      { kind: 'keywords', words: ['refund', 'remboursement', 'reembolso', 'rimborso', 'استرداد'] },
    ],
    actions: [{ kind: 'add_tags', tags: ['refund'] }],
  },
  null,
  2,
);

/** The ordered rules, and a JSON editor for a new one (the server names the field when it is wrong). */
export function RulesPanel() {
  const t = useRoutingT();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: routingKeys.rules, queryFn: routingApi.rules });
  const [draft, setDraft] = useState(EXAMPLE);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: routingKeys.rules });
  const add = useMutation({
    mutationFn: async () => routingApi.addRule(JSON.parse(draft)),
    onSuccess: () => {
      setError(null);
      notify(t('ruleSaved'), 'info');
      return refresh();
    },
    onError: (e) => setError(e.message),
  });
  const remove = useMutation({ mutationFn: routingApi.deleteRule, onSuccess: refresh });
  return (
    <section className="sl-routing__panel" aria-labelledby="routing-rules">
      <h2 id="routing-rules">{t('rules')}</h2>
      <ol className="sl-routing__rules">
        {(rules.data ?? []).map((rule) => (
          <li key={rule.id} className="sl-routing__rule">
            <strong>{rule.name}</strong>
            <span className="sl-routing__muted">
              {rule.enabled ? t('enabled') : t('disabled')} · {t('version', { version: rule.version })} ·{' '}
              {rule.conditions.map((c) => c.kind).join(', ') || '—'} →{' '}
              {rule.actions.map((a) => a.kind).join(', ')}
            </span>
            <Button size="sm" variant="ghost" onClick={() => remove.mutate(rule.id)}>
              {t('deleteRule', { name: rule.name })}
            </Button>
          </li>
        ))}
      </ol>
      <label className="sl-label" htmlFor="routing-new-rule">
        {t('newRule')}
      </label>
      <textarea
        id="routing-new-rule"
        className="sl-routing__json"
        rows={10}
        value={draft}
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value)}
      />
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <Button variant="primary" onClick={() => add.mutate()} disabled={add.isPending}>
        {t('addRule')}
      </Button>
    </section>
  );
}
