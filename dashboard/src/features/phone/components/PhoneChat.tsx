import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { sendReply } from '../api';
import { trackSend, useAutoRead, useInbox, useSentLog } from '../hooks/use-phone';
import type { PhoneSentMessage, SimCustomer } from '../parse';
import type { PendingSend } from '../phone-state';
import { type ChatItem, PhoneBubble } from './PhoneBubble';
import { PhoneComposer } from './PhoneComposer';

function mediaLabel(kind: string, voice: boolean, filename: string | null, t: TFunction): ChatItem['label'] {
  if (voice) {
    return { icon: 'mic', text: t('phone.voiceNote') };
  }
  switch (kind) {
    case 'image':
      return { icon: 'image', text: filename ?? t('phone.photo') };
    case 'video':
      return { icon: 'video', text: filename ?? t('content.media.video') };
    case 'audio':
      return { icon: 'audio', text: filename ?? t('content.media.audio') };
    case 'document':
    case 'sticker':
      return { icon: 'file', text: filename ?? t('phone.document') };
    default:
      return null;
  }
}

function fromSent(message: PhoneSentMessage, t: TFunction): ChatItem {
  return {
    id: message.wamid,
    side: 'me',
    at: message.at,
    text: message.text,
    label: mediaLabel(message.type, message.isVoice, message.filename, t),
    status: message.readByBusiness ? 'read' : 'sent',
    wamid: message.wamid,
    interactive: null,
  };
}

function fromPending(entry: PendingSend, t: TFunction): ChatItem {
  return {
    id: entry.localId,
    side: 'me',
    at: entry.at,
    text: entry.text,
    label: mediaLabel(entry.kind, entry.voice, entry.filename, t),
    status: entry.status,
    wamid: entry.wamid,
    interactive: null,
  };
}

/** The customer's side of the WhatsApp chat with the business. */
export function PhoneChat({ customer }: { customer: SimCustomer }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const inbox = useInbox(customer.id);
  const { sent, pending } = useSentLog(customer.id);
  const endRef = useRef<HTMLDivElement>(null);

  const items = useMemo<ChatItem[]>(() => {
    const fromBusiness: ChatItem[] = (inbox.data ?? []).map((message) => ({
      id: message.wamid,
      side: 'business',
      at: message.at,
      text: message.text,
      label:
        message.type === 'text' || message.type === 'interactive'
          ? null
          : mediaLabel(message.type, message.isVoice, null, t),
      status: null,
      wamid: message.wamid,
      interactive: message.interactive,
    }));
    const mine = [
      ...sent.map((message) => fromSent(message, t)),
      ...pending.map((entry) => fromPending(entry, t)),
    ];
    return [...fromBusiness, ...mine].sort((a, b) => a.at - b.at);
  }, [inbox.data, sent, pending, t]);

  const latestBusiness = inbox.data?.[inbox.data.length - 1]?.wamid;
  useAutoRead(customer.id, latestBusiness);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the items change
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [items]);

  const who = customer.name ?? (customer.waId ? `+${customer.waId}` : customer.id);
  return (
    <section className="sl-phone-chat" aria-label={t('phone.chatWith', { name: who })}>
      <header className="sl-phone-chat__head">
        <span className="sl-phone-chat__avatar" aria-hidden="true">
          S
        </span>
        <span className="sl-phone-chat__who">
          <strong>{t('phone.business')}</strong>
          <span dir="ltr">
            {customer.name ? `${customer.name} · ` : ''}
            {customer.waId ? `+${customer.waId}` : customer.id}
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
            onChoose={(option, replyTo) => {
              const kind = item.interactive?.kind ?? 'buttons';
              void trackSend(
                client,
                { customerId: customer.id, kind: 'reply', text: option.title, filename: null, voice: false },
                () => sendReply(customer.id, { kind, replyTo, ...option }),
              );
            }}
          />
        ))}
        <div ref={endRef} />
      </div>
      <PhoneComposer customerId={customer.id} />
    </section>
  );
}
