import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../../lib/registry';
import type { Ticket } from '../../../lib/types';
import { IconButton } from '../../../ui/IconButton';

/** The side panel: every section is a registered ticket panel (customer, tags, previous tickets, …). */
export function DetailsPanel({ ticket, onClose }: { ticket: Ticket; onClose(): void }) {
  const { t } = useTranslation();
  const { ticketPanels } = useRegistry();
  return (
    <aside className="sl-details" aria-label={t('conversation.details')}>
      <div className="sl-details__head">
        <h2 className="sl-details__title">{t('conversation.details')}</h2>
        <IconButton
          icon="close"
          label={t('conversation.hideDetails')}
          className="sl-details__close"
          onClick={onClose}
        />
      </div>
      {ticketPanels.map((panel) => (
        <section key={panel.id} className="sl-details__section" aria-labelledby={`sl-panel-${panel.id}`}>
          <h3 id={`sl-panel-${panel.id}`} className="sl-details__section-title">
            {t(panel.title)}
          </h3>
          <panel.component ticket={ticket} />
        </section>
      ))}
    </aside>
  );
}
