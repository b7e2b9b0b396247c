import { type ChangeEvent, type DragEvent, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../lib/ids';
import type { ComposerAttachment, ComposerAttachmentsProps } from '../../../lib/registry';
import { Button } from '../../../ui/Button';
import { Icon, type IconName } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { ACCEPTED_FILES, uploadErrorText, uploadMedia } from '../media-upload';
import { formatSize } from '../media-view';
import { useMediaT } from './use-media-t';

const KIND_ICONS: Record<string, IconName> = {
  image: 'image',
  sticker: 'image',
  video: 'video',
  audio: 'audio',
};

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * The composer's attachments: drop files on it or pick them with "Attach file"; each uploads at once
 * (a chip shows it uploading, then its size) and is sent with the reply.
 */
export function AttachmentDropZone({ disabled, attachments, onChange, children }: ComposerAttachmentsProps) {
  const t = useMediaT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [isOver, setOver] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const addFiles = (files: File[]) => {
    if (disabled || files.length === 0) {
      return;
    }
    setErrors([]);
    for (const file of files) {
      const key = newIdempotencyKey();
      const item: ComposerAttachment = {
        key,
        filename: file.name,
        size: file.size,
        status: 'uploading',
        mediaId: null,
        kind: null,
        idempotencyKey: newIdempotencyKey(),
      };
      onChange((current) => [...current, item]);
      uploadMedia(file).then(
        (media) =>
          onChange((current) =>
            current.map((entry) =>
              entry.key === key
                ? {
                    ...entry,
                    status: 'ready',
                    mediaId: media.id,
                    kind: media.kind,
                    size: media.size ?? file.size,
                  }
                : entry,
            ),
          ),
        (cause: unknown) => {
          onChange((current) => current.filter((entry) => entry.key !== key));
          setErrors((current) => [...current, uploadErrorText(cause, file.name, t)]);
        },
      );
    }
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(event)) {
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setOver(!disabled);
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
      setOver(false);
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(event)) {
      return;
    }
    event.preventDefault();
    setOver(false);
    addFiles(Array.from(event.dataTransfer.files));
  };
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    addFiles(Array.from(event.target.files ?? []));
    event.target.value = '';
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is pointer-only by nature; the keyboard way is the "Attach file" button below
    <div
      className={`sl-attach${isOver ? ' sl-attach--over' : ''}`}
      data-testid="composer-drop-zone"
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {children}
      {isOver ? (
        <div className="sl-attach__overlay" aria-hidden="true">
          <Icon name="paperclip" />
          {t('attach')}
        </div>
      ) : null}
      <div className="sl-attach__bar">
        <Button size="sm" variant="ghost" disabled={disabled} onClick={() => inputRef.current?.click()}>
          <Icon name="paperclip" />
          {t('attachFile')}
        </Button>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          className="sl-visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          disabled={disabled}
          onChange={onPick}
        />
        {attachments.length > 0 ? (
          <ul className="sl-attach__chips" aria-label={t('attachments')}>
            {attachments.map((item) => (
              <AttachmentChip
                key={item.key}
                item={item}
                onRemove={() => onChange((current) => current.filter((entry) => entry.key !== item.key))}
              />
            ))}
          </ul>
        ) : null}
      </div>
      {errors.map((error) => (
        <p key={error} className="sl-attach__error" role="alert">
          {error}
        </p>
      ))}
    </div>
  );
}

function AttachmentChip({ item, onRemove }: { item: ComposerAttachment; onRemove(): void }) {
  const t = useMediaT();
  const isUploading = item.status === 'uploading';
  return (
    <li className="sl-attach__chip" aria-busy={isUploading}>
      <Icon name={KIND_ICONS[item.kind ?? ''] ?? 'file'} />
      <span className="sl-attach__name" dir="auto">
        {item.filename}
      </span>
      <span className="sl-attach__meta">
        {isUploading ? (
          <>
            <span className="sl-spinner sl-attach__spinner" aria-hidden="true" />
            {t('uploading')}
          </>
        ) : (
          formatSize(item.size)
        )}
      </span>
      <IconButton icon="close" label={t('remove', { name: item.filename })} onClick={onRemove} />
    </li>
  );
}
