import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { sendInteractiveReply } from '../api';
import { trackSend, useAutoRead, useInbox, useSentLog } from '../hooks/use-phone';
import type { SimCustomer } from '../parse';
import type { SentEntry } from '../phone-state';
import { type ChatItem, PhoneBubble } from './PhoneBubble';
import { PhoneComposer } from './PhoneComposer';

function sentLabel(entry: SentEntry, t: (key: string) => string): string | null {
  if (entry.voice) {
    return `🎤 ${t('phone.voiceNote')}`;
  }
  if (entry.kind === 'image') {
    return `📷 ${entry.filename ?? t('phone.photo')}`;
  }
  if (entry.kind === 'document' || entry.kind === 'video' || entry.kind === 'audio') {
    return `📎 ${entry.filename ?? t('phone.document')}`;
  }
  return null;
}

/** The customer's side of the WhatsApp chat with the business. */
export function PhoneChat({ customer }: { customer: SimCustomer }) {
  const { t } = useTranslation();
  const inbox = useInbox(customer.waId);
  const sent = useSentLog(customer.waId);
  const endRef = useRef<HTMLDivElement>(null);

  const items = useMemo<ChatItem[]>(() => {
    const sentWamids = new Set(sent.map((entry) => entry.wamid).filter(Boolean));
    const fromBusiness: ChatItem[] = (inbox.data ?? [])
      .filter((message) => !sentWamids.has(message.wamid))
      .map((message) => ({
        id: message.wamid,
        side: 'business',
        at: message.timestamp,
        text: message.body,
        label: message.type === 'text' || message.type === 'interactive' ? null : message.type,
        status: null,
        wamid: message.wamid,
        interactive: message.interactive,
      }));
    const mine: ChatItem[] = sent.map((entry) => ({
      id: entry.localId,
      side: 'me',
      at: entry.at,
      text: entry.text,
      label: sentLabel(entry, t),
      status: entry.status,
      wamid: entry.wamid,
      interactive: null,
    }));
    return [...fromBusiness, ...mine].sort((a, b) => a.at - b.at);
  }, [inbox.data, sent, t]);

  const latestBusiness = inbox.data?.[inbox.data.length - 1]?.wamid;
  useAutoRead(customer.waId, latestBusiness);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the items change
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [items]);

  return (
    <section
      className="sl-phone-chat"
      aria-label={t('phone.chatWith', { name: customer.name ?? customer.waId })}
    >
      <header className="sl-phone-chat__head">
        <span className="sl-phone-chat__avatar" aria-hidden="true">
          S
        </span>
        <span className="sl-phone-chat__who">
          <strong>{t('phone.business')}</strong>
          <span dir="ltr">
            {customer.name ? `${customer.name} · ` : ''}+{customer.waId}
          </span>
        </span>
      </header>
      <div className="sl-phone-chat__messages" role="log" aria-live="polite">
        {inbox.isError ? <ErrorMessage>{t('phone.inboxUnavailable')}</ErrorMessage> : null}
        {items.length === 0 ? <p className="sl-phone-chat__empty">{t('phone.emptyChat')}</p> : null}
        {items.map((item) => (
          <PhoneBubble
            key={item.id}
            item={item}
            onChoose={(option, replyTo) =>
              void trackSend(
                { waId: customer.waId, kind: 'reply', text: option.title, filename: null, voice: false },
                () => sendInteractiveReply(customer.waId, { replyTo, id: option.id, title: option.title }),
              )
            }
          />
        ))}
        <div ref={endRef} />
      </div>
      <PhoneComposer waId={customer.waId} />
    </section>
  );
}
