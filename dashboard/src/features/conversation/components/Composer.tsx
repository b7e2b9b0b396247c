import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/format';
import { queryKeys } from '../../../lib/query-keys';
import { type ComposerAttachment, useRegistry } from '../../../lib/registry';
import { useAtom } from '../../../lib/state';
import type { Ticket } from '../../../lib/types';
import { useNow } from '../../../lib/use-now';
import { useRetryKey } from '../../../lib/use-retry-key';
import { composerModeAtom, DOM_IDS } from '../../../lib/workspace-state';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { useCannedMenu } from '../hooks/use-canned-menu';
import { useAddNote, useSendMedia, useSendMessage } from '../hooks/use-conversation';
import { useDraft } from '../hooks/use-drafts';
import { planReply } from '../reply-plan';
import { CannedReplyMenu } from './CannedReplyMenu';
import { EmojiPicker } from './EmojiPicker';
import { TemplatePicker } from './TemplatePicker';
import { WindowClosedNotice } from './WindowClosedNotice';

function errorText(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError && error.reason === 'whatsapp.window_closed') {
    return t('composer.windowClosedError');
  }
  return t('composer.sendFailed', { message: error instanceof Error ? error.message : String(error) });
}

/** Reply or internal note, with attachments when a feature provides them. Enter sends, Shift+Enter starts a new line. */
export function Composer({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const format = useFormatters();
  const now = useNow();
  const [mode, setMode] = useAtom(composerModeAtom);
  const [draft, setDraft] = useDraft(ticket.id, mode);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const retryKey = useRetryKey();
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const send = useSendMessage(ticket.id);
  const note = useAddNote(ticket.id);
  const sendMedia = useSendMedia(ticket.id);
  const Attachments = useRegistry().composerAttachments;
  const [attachments, setAttachments] = useState<ComposerAttachment[]>([]);
  const [isSendingAll, setSendingAll] = useState(false);
  const [isPickingTemplate, setPickingTemplate] = useState(false);
  const canned = useCannedMenu({ ticket, draft, setDraft, inputRef });

  const isNote = mode === 'note';
  const windowClosed = !ticket.window.open;
  const blocked = !isNote && windowClosed;
  const busy = send.isPending || note.isPending || isSendingAll;
  const hasText = draft.trim().length > 0;
  const isUploading = attachments.some((item) => item.status === 'uploading');
  const hasReady = attachments.some((item) => item.status === 'ready');
  const canSubmit = !blocked && !busy && (isNote ? hasText : !isUploading && (hasText || hasReady));

  const onError = (cause: unknown) => {
    setError(errorText(cause, t));
    if (cause instanceof ApiError && cause.reason === 'whatsapp.window_closed') {
      void client.invalidateQueries({ queryKey: queryKeys.ticket(ticket.id), exact: true });
    }
  };

  /** One message per attachment (see planReply); what was sent leaves the composer, the rest can be retried. */
  const sendWithAttachments = async (text: string) => {
    setSendingAll(true);
    try {
      for (const step of planReply(text, attachments)) {
        if (step.type === 'text') {
          await send.mutateAsync({ text: step.text, idempotencyKey: retryKey.keyFor(step.text) });
          retryKey.clear();
          setDraft('');
          continue;
        }
        const { attachment, caption } = step;
        await sendMedia.mutateAsync({
          mediaId: attachment.mediaId,
          caption,
          idempotencyKey: attachment.idempotencyKey,
        });
        setAttachments((current) => current.filter((item) => item.key !== attachment.key));
        if (caption) {
          setDraft('');
        }
      }
    } catch (cause) {
      onError(cause);
    } finally {
      setSendingAll(false);
    }
  };

  const submit = () => {
    const text = draft.trim();
    if (!canSubmit) {
      return;
    }
    setError(null);
    if (isNote) {
      note.mutate(text, { onSuccess: () => setDraft(''), onError });
      return;
    }
    if (hasReady) {
      void sendWithAttachments(text);
      return;
    }
    send.mutate(
      { text, idempotencyKey: retryKey.keyFor(text) },
      {
        onSuccess: () => {
          retryKey.clear();
          setDraft('');
        },
        onError,
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onKeyDown(event)) {
      event.preventDefault();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.currentTarget.blur();
    }
  };

  const insertEmoji = (emoji: string) => {
    const input = inputRef.current;
    const start = input?.selectionStart ?? draft.length;
    const end = input?.selectionEnd ?? draft.length;
    setDraft(draft.slice(0, start) + emoji + draft.slice(end));
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const expiresAt = ticket.window.open ? ticket.window.expiresAt : null;
  const box = (
    <div className="sl-composer__box">
      <label htmlFor={DOM_IDS.composer} className="sl-visually-hidden">
        {isNote ? t('composer.noteLabel') : t('composer.label')}
      </label>
      <textarea
        ref={inputRef}
        id={DOM_IDS.composer}
        className="sl-composer__input"
        dir="auto"
        rows={2}
        value={draft}
        disabled={blocked}
        aria-describedby={blocked ? 'sl-window-closed-title' : hintId}
        aria-autocomplete="list"
        aria-controls={canned.isOpen ? canned.listId : undefined}
        aria-activedescendant={canned.items.length > 0 ? canned.optionId(canned.activeIndex) : undefined}
        placeholder={
          blocked
            ? t('composer.blockedPlaceholder')
            : isNote
              ? t('composer.notePlaceholder')
              : t('composer.placeholder')
        }
        onChange={(event) => {
          setDraft(event.target.value);
          canned.trackCaret(event.target);
        }}
        onSelect={(event) => canned.trackCaret(event.currentTarget)}
        onKeyDown={onKeyDown}
      />
      <CannedReplyMenu menu={canned} />
      <div className="sl-composer__tools">
        <EmojiPicker onPick={insertEmoji} disabled={blocked} />
        {isNote || blocked ? null : (
          <IconButton
            icon="template"
            label={t('composer.template')}
            onClick={() => setPickingTemplate(true)}
          />
        )}
        <Button type="submit" variant="primary" disabled={!canSubmit}>
          <Icon name="send" className="sl-mirror" />
          {busy ? t('composer.sending') : isNote ? t('composer.addNote') : t('composer.send')}
        </Button>
      </div>
    </div>
  );
  return (
    <>
      <form
        className={`sl-composer${isNote ? ' sl-composer--note' : ''}`}
        aria-label={isNote ? t('composer.noteLabel') : t('composer.label')}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="sl-composer__modes" role="radiogroup" aria-label={t('composer.mode')}>
          {(['reply', 'note'] as const).map((option) => (
            // biome-ignore lint/a11y/useSemanticElements: a segmented control; native radios cannot be styled as tabs accessibly here
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={mode === option}
              className={`sl-composer__mode${mode === option ? ' sl-composer__mode--active' : ''}`}
              onClick={() => setMode(option)}
            >
              <Icon
                name={option === 'note' ? 'note' : 'reply'}
                className={option === 'reply' ? 'sl-mirror' : undefined}
              />
              {t(option === 'note' ? 'composer.modeNote' : 'composer.modeReply')}
            </button>
          ))}
          {expiresAt && !isNote ? (
            <span className="sl-composer__window" title={format.dateTime(expiresAt)}>
              {t('composer.windowExpires', { time: format.relative(expiresAt, now) })}
            </span>
          ) : null}
        </div>
        {blocked ? (
          <WindowClosedNotice
            onSendTemplate={() => setPickingTemplate(true)}
            onWriteNote={() => setMode('note')}
          />
        ) : null}
        {Attachments && !isNote ? (
          <Attachments
            ticketId={ticket.id}
            disabled={blocked || busy}
            attachments={attachments}
            onChange={setAttachments}
          >
            {box}
          </Attachments>
        ) : (
          box
        )}
        {error || !blocked ? (
          <p
            id={hintId}
            className={error ? 'sl-composer__error' : 'sl-composer__hint'}
            role={error ? 'alert' : undefined}
          >
            {error ?? (isNote ? t('composer.noteHint') : t('composer.keyHint'))}
          </p>
        ) : null}
      </form>
      {isPickingTemplate ? (
        <TemplatePicker ticket={ticket} onClose={() => setPickingTemplate(false)} />
      ) : null}
    </>
  );
}
