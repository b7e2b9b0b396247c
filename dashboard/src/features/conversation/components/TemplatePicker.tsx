import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template, Ticket } from '../../../lib/types';
import { Dialog } from '../../../ui/Dialog';
import { TemplateForm } from './TemplateForm';
import { TemplateList } from './TemplateList';

/** Choose a template (the customer's language first), fill its placeholders, send it. */
export function TemplatePicker({ ticket, onClose }: { ticket: Ticket; onClose(): void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Template | null>(null);
  return (
    <Dialog title={t('templates.title')} closeLabel={t('templates.close')} onClose={onClose}>
      {chosen ? (
        <TemplateForm
          ticketId={ticket.id}
          template={chosen}
          onBack={() => setChosen(null)}
          onSent={onClose}
        />
      ) : (
        <TemplateList language={ticket.language ?? ticket.contact.language} onPick={setChosen} />
      )}
    </Dialog>
  );
}
