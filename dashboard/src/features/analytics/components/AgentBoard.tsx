import type { AgentRow } from '../api';
import { useAnalyticsT } from '../use-analytics-t';

/** Presence and load against the concurrent-chat cap, per agent. */
export function AgentBoard({ agents, cap }: { agents: AgentRow[]; cap: number }) {
  const t = useAnalyticsT();
  return (
    <table className="sl-analytics__agents" aria-label={t('agents')}>
      <thead>
        <tr>
          <th scope="col">{t('agent')}</th>
          <th scope="col">{t('presence')}</th>
          <th scope="col">{t('load')}</th>
          <th scope="col">{t('occupancy')}</th>
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.agentId}>
            <td>{agent.name}</td>
            <td>
              <span className={`sl-analytics__presence sl-analytics__presence--${agent.presence}`}>
                {agent.presence}
              </span>
            </td>
            <td>
              <meter min={0} max={cap} value={agent.openTickets} /> {agent.openTickets}/{cap}
            </td>
            <td>{agent.occupancy === null ? t('none') : `${Math.round(agent.occupancy * 100)} %`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
