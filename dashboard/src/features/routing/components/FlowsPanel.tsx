import { useQuery, useQueryClient } from '@tanstack/react-query';
import { notify } from '../../../lib/toast';
import { routingApi, routingKeys } from '../api';
import { useRoutingT } from '../use-routing-t';
import { JsonEditor } from './JsonEditor';

const EXAMPLE = {
  name: 'Opening hours',
  start: 'menu',
  nodes: {
    menu: {
      kind: 'menu',
      text: 'How can we help?',
      options: [{ id: 'hours', title: 'Opening hours', next: 'hours' }],
    },
    hours: { kind: 'answer', text: 'We are open 9:00–18:00, Monday to Friday.' },
  },
};

/** Bot flows (a rule's start_flow action uses their id), and a JSON editor for a new one. */
export function FlowsPanel() {
  const t = useRoutingT();
  const client = useQueryClient();
  const flows = useQuery({ queryKey: routingKeys.flows, queryFn: routingApi.flows });
  return (
    <section className="sl-routing__panel" aria-labelledby="routing-flows">
      <h2 id="routing-flows">{t('flows')}</h2>
      <ul className="sl-routing__rules">
        {(flows.data ?? []).map((flow) => (
          <li key={flow.id} className="sl-routing__rule">
            <strong>{flow.name}</strong>
            <span className="sl-routing__muted">
              {t('version', { version: flow.version })} ·{' '}
              {t('flowNodes', { count: Object.keys(flow.nodes).length })} · <code>{flow.id}</code>
            </span>
          </li>
        ))}
      </ul>
      <JsonEditor
        label={t('newFlow')}
        submitLabel={t('addFlow')}
        initial={EXAMPLE}
        onSubmit={async (flow) => {
          await routingApi.addFlow(flow);
          notify(t('flowSaved'), 'info');
          await client.invalidateQueries({ queryKey: routingKeys.flows });
        }}
      />
    </section>
  );
}
