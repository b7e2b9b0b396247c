import { useTranslation } from 'react-i18next';
import type { MessageContent } from '../../../lib/types';
import { Icon, type IconName } from '../../../ui/Icon';
import { mediaLabelKey } from '../message-summary';
import { RichText } from './RichText';

type MediaContent = Extract<MessageContent, { kind: 'media' }>;

function iconFor(content: MediaContent): IconName {
  if (content.voice) {
    return 'mic';
  }
  switch (content.mediaKind) {
    case 'image':
      return 'image';
    case 'video':
      return 'video';
    case 'audio':
      return 'audio';
    case 'sticker':
      return 'sticker';
    default:
      return 'file';
  }
}

/** Placeholder card for photos, videos, audio, documents and stickers (the media viewer replaces it). */
export function MediaCard({ content }: { content: MediaContent }) {
  const { t } = useTranslation();
  return (
    <div className="sl-media">
      <div className="sl-media__card">
        <span className="sl-media__icon">
          <Icon name={iconFor(content)} />
        </span>
        <span className="sl-media__text">
          <span className="sl-media__kind">{t(mediaLabelKey(content))}</span>
          {content.filename ? (
            <span className="sl-media__filename" dir="auto">
              {content.filename}
            </span>
          ) : null}
          {content.mimeType ? <span className="sl-media__mime">{content.mimeType}</span> : null}
        </span>
      </div>
      {content.caption ? <RichText text={content.caption} /> : null}
    </div>
  );
}
