import { useRegistry } from '../../../lib/registry';
import type { Message } from '../../../lib/types';
import { Icon } from '../../../ui/Icon';
import { formatDuration, formatSize, type MediaView, readMediaView } from '../media-view';
import { PhotoViewer } from './PhotoViewer';
import { useMediaT } from './use-media-t';
import { VoicePlayer } from './VoicePlayer';

function captionOf(message: Message): string | null {
  const content = message.content;
  return content.kind === 'media' ? content.caption : null;
}

/** A media message: the attachment in its current state, then its caption. */
export function MediaMessage({ message }: { message: Message }) {
  const media = readMediaView(message);
  const caption = captionOf(message);
  return (
    <div className="sl-media-message" data-state={media?.state ?? 'unknown'}>
      {media ? (
        <MediaBody media={media} />
      ) : (
        <FileLine name={message.content.kind === 'media' ? message.content.filename : null} />
      )}
      {caption ? (
        <p className="sl-media-message__caption" dir="auto">
          {caption}
        </p>
      ) : null}
    </div>
  );
}

function MediaBody({ media }: { media: MediaView }) {
  const t = useMediaT();
  switch (media.state) {
    case 'pending':
    case 'downloading':
      return (
        <Notice tone={media.stateReason ? 'warning' : 'neutral'} busy>
          {media.stateReason ? t('retrying') : t('downloading')}
        </Notice>
      );
    case 'failed':
      return <Notice tone="error">{`${t('failed')} (${media.stateReason ?? 'unknown'})`}</Notice>;
    case 'refused':
      return (
        <Notice tone="warning">
          {media.stateReason === 'media.too_large' ? t('refusedTooLarge') : t('refusedType')}
        </Notice>
      );
    case 'quarantined':
      return (
        <>
          <Notice tone="error">{t('quarantined')}</Notice>
          <FileLine name={media.filename} size={media.size} href={media.urls?.download} />
        </>
      );
    case 'stored':
      return (
        <>
          <StoredMedia media={media} />
          <MediaAsides media={media} />
        </>
      );
  }
}

/** What other features show under a stored item (the analysis flags). */
function MediaAsides({ media }: { media: MediaView }) {
  const { mediaAsides } = useRegistry();
  return mediaAsides.map((Aside, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the registry's list is fixed for the app's lifetime
    <Aside key={index} mediaId={media.id} kind={media.kind} />
  ));
}

function StoredMedia({ media }: { media: MediaView }) {
  const t = useMediaT();
  const urls = media.urls;
  if (!urls) {
    return <FileLine name={media.filename} size={media.size} />;
  }
  if ((media.kind === 'image' || media.kind === 'sticker') && (urls.thumbnail || media.inline)) {
    return <PhotoViewer media={media} alt={media.filename ?? media.kind} />;
  }
  if (media.kind === 'video' && media.inline) {
    return (
      <div className="sl-video">
        {/* biome-ignore lint/a11y/useMediaCaption: customers' videos come without captions */}
        <video
          controls
          preload="metadata"
          poster={urls.preview ?? undefined}
          src={urls.original}
          width={media.width ?? undefined}
        />
        {media.durationMs !== null ? (
          <span className="sl-video__duration">{formatDuration(media.durationMs)}</span>
        ) : null}
      </div>
    );
  }
  if (media.kind === 'audio' && media.inline) {
    return <VoicePlayer media={media} />;
  }
  return (
    <div className="sl-document">
      {urls.preview ? (
        <img className="sl-document__page" src={urls.preview} alt={media.filename ?? ''} loading="lazy" />
      ) : null}
      <FileLine name={media.filename} size={media.size} href={urls.download} pages={media.pageCount} />
      {media.previewState === 'failed' ? (
        <span className="sl-media-message__hint">{t('previewFailed')}</span>
      ) : null}
    </div>
  );
}

function FileLine({
  name,
  size = null,
  href,
  pages = null,
}: {
  name: string | null;
  size?: number | null;
  href?: string;
  pages?: number | null;
}) {
  const t = useMediaT();
  return (
    <div className="sl-file-line">
      <Icon name="file" />
      <span className="sl-file-line__name" dir="auto">
        {name ?? '—'}
      </span>
      <span className="sl-file-line__meta">
        {[formatSize(size), pages !== null ? t('pages', { count: pages }) : ''].filter(Boolean).join(' · ')}
      </span>
      {href ? (
        <a className="sl-file-line__download" href={href} download>
          {t('download')}
        </a>
      ) : null}
    </div>
  );
}

function Notice({
  tone,
  busy,
  children,
}: {
  tone: 'neutral' | 'warning' | 'error';
  busy?: boolean;
  children: string;
}) {
  return (
    <div className={`sl-media-notice sl-media-notice--${tone}`} role="status">
      {busy ? <span className="sl-spinner" aria-hidden="true" /> : <Icon name="alert" />}
      <span>{children}</span>
    </div>
  );
}
