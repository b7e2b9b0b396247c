import { useTranslation } from 'react-i18next';
import { useAtomValue } from '../../../lib/state';
import { EmptyState } from '../../../ui/EmptyState';
import { useCustomers } from '../hooks/use-phone';
import { selectedCustomerAtom } from '../phone-state';
import { CustomerPicker } from './CustomerPicker';
import { PhoneChat } from './PhoneChat';

/** Demo mode's customer phone: play a WhatsApp customer against the simulator. Public, no login. */
export function PhonePage() {
  const { t } = useTranslation();
  const selected = useAtomValue(selectedCustomerAtom);
  const { customers } = useCustomers();
  const customer = customers.find((item) => item.id === selected) ?? null;
  return (
    <div className="sl-phone-page">
      <header className="sl-phone-page__head">
        <h1>{t('phone.title')}</h1>
        <p>{t('phone.demoHint')}</p>
        <a href="/" target="_blank" rel="noopener">
          {t('phone.openDashboard')}
        </a>
      </header>
      <main className="sl-phone-page__body" id="sl-main">
        <CustomerPicker />
        <div className="sl-phone-frame">
          {customer ? (
            <PhoneChat key={customer.id} customer={customer} />
          ) : (
            <EmptyState title={t('phone.pickFirst')} />
          )}
        </div>
      </main>
    </div>
  );
}
