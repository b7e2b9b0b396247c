import { useTranslation } from 'react-i18next';
import { useTeams, useUpdateTicket } from '../../../lib/tickets';
import { notify } from '../../../lib/toast';
import type { Ticket } from '../../../lib/types';
import { SelectField } from '../../../ui/SelectField';

export function TeamSelect({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const update = useUpdateTicket(ticket.id);
  if (!teams.data || teams.data.length === 0) {
    return null;
  }
  return (
    <SelectField
      label={t('ticket.team')}
      value={ticket.teamId ?? ''}
      onChange={(value) =>
        update.mutate({ teamId: value || null }, { onError: () => notify(t('ticket.updateFailed')) })
      }
    >
      <option value="">{t('ticket.noTeam')}</option>
      {teams.data.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </SelectField>
  );
}
