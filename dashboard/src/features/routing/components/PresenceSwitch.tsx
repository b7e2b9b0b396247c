import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '../../../lib/session';
import { notify } from '../../../lib/toast';
import { SelectField } from '../../../ui/SelectField';
import { type Presence, routingApi, routingKeys } from '../api';
import { useRoutingT } from '../use-routing-t';

const PRESENCES: Presence[] = ['online', 'away', 'offline'];

/** The agent's own presence in the header: online agents receive tickets, offline ones do not. */
export function PresenceSwitch() {
  const t = useRoutingT();
  const me = useCurrentUser();
  const client = useQueryClient();
  const presence = useQuery({
    queryKey: routingKeys.presence,
    queryFn: routingApi.presence,
    enabled: Boolean(me?.id),
  });
  const change = useMutation({
    mutationFn: routingApi.setPresence,
    onSuccess: () => client.invalidateQueries({ queryKey: ['routing'] }),
    onError: (error) => notify(error.message),
  });
  if (!me?.id || !presence.data) {
    return null;
  }
  return (
    <div className={`sl-presence sl-presence--${presence.data}`}>
      <SelectField
        label={t('presence')}
        hideLabel
        value={change.variables ?? presence.data}
        onChange={(value) => change.mutate(value as Presence)}
      >
        {PRESENCES.map((p) => (
          <option key={p} value={p}>
            {t(p)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
