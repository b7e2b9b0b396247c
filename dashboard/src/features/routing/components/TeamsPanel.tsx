import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notify } from '../../../lib/toast';
import { SelectField } from '../../../ui/SelectField';
import { type RoutingTeam, routingApi, routingKeys } from '../api';
import { useRoutingT } from '../use-routing-t';

/** Teams with their strategy, offline policy and members (presence, languages, skills, load and cap). */
export function TeamsPanel() {
  const t = useRoutingT();
  const client = useQueryClient();
  const teams = useQuery({ queryKey: routingKeys.teams, queryFn: routingApi.teams });
  const save = useMutation({
    mutationFn: ({ team, patch }: { team: RoutingTeam; patch: Parameters<typeof routingApi.saveTeam>[1] }) =>
      routingApi.saveTeam(team, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: routingKeys.teams }),
    onError: (error) => notify(error.message),
  });
  return (
    <section className="sl-routing__panel" aria-labelledby="routing-teams">
      <h2 id="routing-teams">{t('teams')}</h2>
      {(teams.data ?? []).map((team) => (
        <article key={team.id} className="sl-routing__team" aria-label={team.name}>
          <h3>{team.name}</h3>
          <SelectField
            inline
            label={t('strategy')}
            value={team.strategy}
            onChange={(value) => save.mutate({ team, patch: { strategy: value as RoutingTeam['strategy'] } })}
          >
            <option value="least_loaded">{t('least_loaded')}</option>
            <option value="round_robin">{t('round_robin')}</option>
          </SelectField>
          <SelectField
            inline
            label={t('offlinePolicy')}
            value={team.offlinePolicy}
            onChange={(value) =>
              save.mutate({ team, patch: { offlinePolicy: value as RoutingTeam['offlinePolicy'] } })
            }
          >
            <option value="keep">{t('keep')}</option>
            <option value="requeue">{t('requeue')}</option>
          </SelectField>
          {team.members.length === 0 ? <p className="sl-routing__muted">{t('noMembers')}</p> : null}
          <ul className="sl-routing__members" aria-label={t('members')}>
            {team.members.map((m) => (
              <li key={m.userId}>
                <span className={`sl-presence-dot sl-presence-dot--${m.presence}`} />
                <span className="sl-visually-hidden">{t(m.presence)} </span>
                <strong>{m.name}</strong> · {t('load', { load: m.load, cap: m.maxTickets })}
                {m.languages.length ? ` · ${t('languages')}: ${m.languages.join(', ')}` : ''}
                {m.skills.length ? ` · ${t('skills')}: ${m.skills.join(', ')}` : ''}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
