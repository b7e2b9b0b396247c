import { useTranslation } from 'react-i18next';
import type { ContactCard } from '../../../lib/types';
import { Icon } from '../../../ui/Icon';

export function ContactCards({ cards }: { cards: ContactCard[] }) {
  const { t } = useTranslation();
  return (
    <ul className="sl-contacts" aria-label={t('content.contacts')}>
      {cards.map((card, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: cards have no id and never reorder
        <li key={index} className="sl-contacts__card">
          <span className="sl-media__icon">
            <Icon name="contact" />
          </span>
          <span className="sl-contacts__text">
            <strong dir="auto">{card.formattedName || t('content.contacts')}</strong>
            {card.organization ? <span dir="auto">{card.organization}</span> : null}
            {card.phones.map((phone) =>
              phone.phone ? (
                <a key={phone.phone} href={`tel:${phone.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                  {phone.phone}
                  {phone.waId ? <span className="sl-contacts__wa"> · WhatsApp</span> : null}
                </a>
              ) : null,
            )}
            {card.emails.map((email) => (
              <a key={email.email} href={`mailto:${email.email}`} dir="ltr">
                {email.email}
              </a>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
