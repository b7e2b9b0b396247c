import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notify } from '../../../lib/toast';
import { Button } from '../../../ui/Button';
import { routingApi, routingKeys } from '../api';
import { useRoutingT } from '../use-routing-t';
import { JsonEditor } from './JsonEditor';

const EXAMPLE = {
  name: 'Refunds',
  conditions: [{ kind: 'keywords', words: ['refund', 'remboursement', 'reembolso', 'rimborso', 'استرداد'] }],
  actions: [{ kind: 'add_tags', tags: ['refund'] }],
};

/** The ordered rules, and a JSON editor for a new one (the server names the field when it is wrong). */
export function RulesPanel() {
  const t = useRoutingT();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: routingKeys.rules, queryFn: routingApi.rules });
  const refresh = () => client.invalidateQueries({ queryKey: routingKeys.rules });
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
      <JsonEditor
        label={t('newRule')}
        submitLabel={t('addRule')}
        initial={EXAMPLE}
        onSubmit={async (rule) => {
          await routingApi.addRule(rule);
          notify(t('ruleSaved'), 'info');
          await refresh();
        }}
      />
    </section>
  );
}
