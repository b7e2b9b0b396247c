import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../ui/IconButton';
import { fileToBase64, mediaTypeOf, sendMedia, sendText } from '../api';
import { trackSend } from '../hooks/use-phone';
import { useVoiceRecorder } from '../hooks/use-voice-recorder';

const ACCEPT = 'image/*,video/*,audio/*,application/pdf,.doc,.docx,.xls,.xlsx,.txt,.csv';

/** Text, attachments (the text becomes the caption) and a voice note recorder. */
export function PhoneComposer({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const recorder = useVoiceRecorder();

  const submitText = (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body) {
      return;
    }
    setText('');
    void trackSend(client, { customerId, kind: 'text', text: body, filename: null, voice: false }, () =>
      sendText(customerId, body),
    );
  };

  const sendFiles = async (files: FileList | null) => {
    const caption = text.trim() || undefined;
    setText('');
    for (const file of Array.from(files ?? [])) {
      const mimeType = file.type || 'application/octet-stream';
      const type = mediaTypeOf(mimeType);
      await trackSend(
        client,
        { customerId, kind: type, text: caption ?? null, filename: file.name, voice: false },
        async () =>
          sendMedia(customerId, {
            type,
            data: await fileToBase64(file),
            mimeType,
            ...(type === 'document' ? { filename: file.name } : {}),
            ...(caption && type !== 'audio' ? { caption } : {}),
          }),
      );
    }
    if (fileRef.current) {
      fileRef.current.value = '';
    }
  };

  const toggleRecording = async () => {
    if (recorder.state !== 'recording') {
      await recorder.start();
      return;
    }
    const blob = await recorder.stop();
    if (!blob || blob.size === 0) {
      return;
    }
    // The recorder's real type (Chromium: audio/webm;codecs=opus) travels as is; the helpdesk sniffs it.
    const mimeType = blob.type || 'audio/webm';
    await trackSend(
      client,
      { customerId, kind: 'audio', text: null, filename: null, voice: true },
      async () =>
        sendMedia(customerId, { type: 'audio', data: await fileToBase64(blob), mimeType, voice: true }),
    );
  };

  const recording = recorder.state === 'recording';
  const micUnavailable = recorder.state === 'unsupported' || recorder.state === 'denied';
  return (
    <form className="sl-phone-composer" onSubmit={submitText}>
      <input
        ref={fileRef}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        onChange={(event) => void sendFiles(event.target.files)}
      />
      <IconButton icon="paperclip" label={t('phone.attach')} onClick={() => fileRef.current?.click()} />
      {recording ? (
        <span className="sl-phone-composer__recording" role="status">
          <span className="sl-phone-composer__rec-dot" aria-hidden="true" />
          {t('phone.recording')}
        </span>
      ) : (
        <>
          <label htmlFor="sl-phone-text" className="sl-visually-hidden">
            {t('phone.typeMessage')}
          </label>
          <input
            id="sl-phone-text"
            className="sl-phone-composer__input"
            dir="auto"
            autoComplete="off"
            placeholder={t('phone.typeMessage')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </>
      )}
      {text.trim() && !recording ? (
        <IconButton
          icon="send"
          mirrored
          type="submit"
          label={t('phone.send')}
          variant="secondary"
          className="sl-phone-composer__send"
        />
      ) : (
        <IconButton
          icon={recording ? 'stop' : 'mic'}
          label={
            micUnavailable
              ? t('phone.recordUnsupported')
              : recording
                ? t('phone.stopRecording')
                : t('phone.record')
          }
          disabled={micUnavailable}
          variant="secondary"
          className={`sl-phone-composer__send${recording ? ' sl-phone-composer__send--recording' : ''}`}
          onClick={() => void toggleRecording()}
        />
      )}
    </form>
  );
}
