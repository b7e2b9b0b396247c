import { useTranslation } from 'react-i18next';
import { ActionButton, assignToMe, reopen, setPending, solve } from '../../../actions';
import { useUpdateTicket, useUsers } from '../../../lib/tickets';
import { notify } from '../../../lib/toast';
import { TICKET_PRIORITIES, TICKET_STATUSES, type Ticket, type TicketPatch } from '../../../lib/types';
import { SelectField } from '../../../ui/SelectField';

/** Assignment, status and priority of the open ticket. */
export function TicketControls({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const users = useUsers();
  const update = useUpdateTicket(ticket.id);
  const change = (patch: TicketPatch) =>
    update.mutate(patch, { onError: () => notify(t('ticket.updateFailed')) });
  const assignable = (users.data ?? []).filter((user) => user.role !== 'auditor');
  const assigneeKnown = !ticket.assigneeId || assignable.some((user) => user.id === ticket.assigneeId);
  return (
    <div className="sl-controls">
      <div className="sl-controls__actions">
        <ActionButton action={assignToMe} size="sm" hideWhenUnavailable />
        <ActionButton action={setPending} size="sm" hideWhenUnavailable />
        <ActionButton action={solve} size="sm" variant="primary" hideWhenUnavailable />
        <ActionButton action={reopen} size="sm" hideWhenUnavailable />
      </div>
      <div className="sl-controls__fields">
        <SelectField
          label={t('ticket.assignee')}
          value={ticket.assigneeId ?? ''}
          onChange={(value) => change({ assigneeId: value || null })}
        >
          <option value="">{t('ticket.unassigned')}</option>
          {!assigneeKnown && ticket.assigneeId ? (
            <option value={ticket.assigneeId}>{t('events.someone')}</option>
          ) : null}
          {assignable.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name || user.email}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('ticket.status')}
          value={ticket.status}
          onChange={(value) => change({ status: value as Ticket['status'] })}
        >
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('ticket.priority')}
          value={ticket.priority}
          onChange={(value) => change({ priority: value as Ticket['priority'] })}
        >
          {TICKET_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priority.${priority}`)}
            </option>
          ))}
        </SelectField>
      </div>
    </div>
  );
}
