import { useState } from 'react';
import { useCurrentUser } from '../../../lib/session';
import { notify } from '../../../lib/toast';
import type { Ticket } from '../../../lib/types';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { securityApi } from '../api';
import { useSecurityT } from './use-security-t';

/** Data-protection requests for the ticket's customer: export as a zip, or erase after typing ERASE. */
export function CustomerDataPanel({ ticket }: { ticket: Ticket }) {
  const t = useSecurityT();
  const me = useCurrentUser();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  if (me?.role !== 'admin') {
    return <p className="sl-muted">{t('adminOnly')}</p>;
  }
  const contactId = ticket.contact.id;
  const erase = async () => {
    setBusy(true);
    try {
      const report = await securityApi.eraseCustomer(contactId);
      notify(t('erased', report), 'info');
      setConfirming(false);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sl-security__stack">
      <a className="sl-button sl-button--secondary" href={securityApi.customerExportUrl(contactId)} download>
        {t('exportCustomer')}
      </a>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t('eraseCustomer')}
      </Button>
      {confirming ? (
        <Dialog title={t('eraseTitle')} closeLabel={t('close')} onClose={() => setConfirming(false)}>
          <p>{t('eraseWarning')}</p>
          <input aria-label="ERASE" value={typed} onChange={(e) => setTyped(e.target.value)} data-autofocus />
          <div className="sl-security__form">
            <Button onClick={() => setConfirming(false)}>{t('cancel')}</Button>
            <Button variant="danger" disabled={typed !== 'ERASE' || busy} onClick={() => void erase()}>
              {t('eraseConfirm')}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
