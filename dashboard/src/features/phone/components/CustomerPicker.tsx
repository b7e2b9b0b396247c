import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtom } from '../../../lib/state';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useCreateCustomer, useCustomers } from '../hooks/use-phone';
import { selectedCustomerAtom } from '../phone-state';

/** Pick one of the simulator's customers or create a new one (phone number + name). */
export function CustomerPicker() {
  const { t } = useTranslation();
  const { customers, isError } = useCustomers();
  const [selected, setSelected] = useAtom(selectedCustomerAtom);
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const create = useCreateCustomer();
  const digits = phone.replace(/\D/g, '');
  const valid = digits.length >= 7 && digits.length <= 15;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (valid && !create.isPending) {
      create.mutate(
        { waId: digits, name: name.trim() || null },
        {
          onSuccess: () => {
            setPhone('');
            setName('');
          },
        },
      );
    }
  };

  return (
    <section className="sl-phone-picker" aria-labelledby="sl-phone-picker-title">
      <h2 id="sl-phone-picker-title" className="sl-phone-picker__title">
        {t('phone.chooseCustomer')}
      </h2>
      {isError ? <p className="sl-muted">{t('phone.customersUnavailable')}</p> : null}
      {customers.length === 0 ? <p className="sl-muted">{t('phone.noCustomers')}</p> : null}
      <ul className="sl-phone-picker__list">
        {/* Newest first: the customer just created is at the top. */}
        {[...customers].reverse().map((customer) => (
          <li key={customer.id}>
            <button
              type="button"
              className="sl-phone-picker__item"
              aria-pressed={customer.id === selected}
              onClick={() => setSelected(customer.id)}
            >
              <strong dir="auto">{customer.name ?? t('inbox.unknownContact')}</strong>
              <span dir="ltr">{customer.waId ? `+${customer.waId}` : customer.id}</span>
            </button>
          </li>
        ))}
      </ul>
      <form className="sl-phone-picker__form" onSubmit={onSubmit}>
        <h3 className="sl-phone-picker__subtitle">{t('phone.newCustomer')}</h3>
        <div className="sl-field">
          <label className="sl-label" htmlFor="sl-phone-number">
            {t('phone.phoneNumber')}
          </label>
          <input
            id="sl-phone-number"
            className="sl-input"
            inputMode="tel"
            dir="ltr"
            placeholder="+33 6 12 34 56 78"
            value={phone}
            aria-invalid={phone !== '' && !valid}
            onChange={(event) => setPhone(event.target.value)}
          />
        </div>
        <div className="sl-field">
          <label className="sl-label" htmlFor="sl-phone-name">
            {t('phone.name')}
          </label>
          <input
            id="sl-phone-name"
            className="sl-input"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        {create.isError ? <ErrorMessage>{t('phone.createFailed')}</ErrorMessage> : null}
        <Button type="submit" variant="primary" disabled={!valid || create.isPending}>
          {t('phone.create')}
        </Button>
      </form>
    </section>
  );
}
