import { useTranslation } from 'react-i18next';
import { isRecord } from '../../../lib/api-client';
import type { Ticket } from '../../../lib/types';
import { Avatar } from '../../../ui/Avatar';

function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function referralText(referral: Ticket['referral']): string | null {
  if (!isRecord(referral)) {
    return null;
  }
  const candidate = referral.headline ?? referral.body ?? referral.sourceUrl ?? referral.source_url;
  return typeof candidate === 'string' ? candidate : null;
}

export function CustomerProfile({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const { contact } = ticket;
  const name =
    contact.name || (contact.username ? `@${contact.username}` : null) || t('inbox.unknownContact');
  const language = contact.language ?? ticket.language;
  const referral = referralText(ticket.referral);
  return (
    <div className="sl-profile-card">
      <div className="sl-profile-card__head">
        <Avatar name={name} seed={contact.id} size={40} />
        <strong dir="auto">{name}</strong>
      </div>
      <dl className="sl-facts">
        {contact.waId ? (
          <div>
            <dt>{t('customer.phone')}</dt>
            <dd dir="ltr">+{contact.waId}</dd>
          </div>
        ) : null}
        {contact.username ? (
          <div>
            <dt>{t('customer.username')}</dt>
            <dd dir="ltr">@{contact.username}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('customer.language')}</dt>
          <dd>{language ? languageName(language, i18n.resolvedLanguage ?? 'en') : t('customer.unknown')}</dd>
        </div>
        {ticket.referral ? (
          <div>
            <dt>{t('customer.referral')}</dt>
            <dd dir="auto">{referral ?? t('customer.referralAd')}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
