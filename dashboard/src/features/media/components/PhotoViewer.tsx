import { useState } from 'react';
import { Dialog } from '../../../ui/Dialog';
import { IconButton } from '../../../ui/IconButton';
import type { MediaView } from '../media-view';
import { useMediaT } from './use-media-t';

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3, 4];

/** A photo in the bubble (thumbnail); opened, the web-sized copy with zoom and rotate. */
export function PhotoViewer({ media, alt }: { media: MediaView; alt: string }) {
  const t = useMediaT();
  const [open, setOpen] = useState(false);
  const [zoom, setZoom] = useState(2);
  const [turns, setTurns] = useState(0);
  const urls = media.urls!;
  const inline = urls.thumbnail ?? urls.preview ?? (media.inline ? urls.original : null);
  const full = urls.preview ?? (media.inline ? urls.original : null);
  if (!inline || !full) {
    return null;
  }
  return (
    <>
      <button type="button" className="sl-photo" onClick={() => setOpen(true)} aria-label={t('open')}>
        <img
          src={inline}
          alt={alt}
          loading="lazy"
          width={media.width ?? undefined}
          height={media.height ?? undefined}
        />
      </button>
      {open ? (
        <Dialog title={alt} closeLabel={t('close')} onClose={() => setOpen(false)}>
          <div className="sl-photo-viewer__tools">
            <IconButton
              icon="plus"
              label={t('zoomIn')}
              disabled={zoom >= ZOOMS.length - 1}
              onClick={() => setZoom(zoom + 1)}
            />
            <IconButton
              icon="stop"
              label={t('zoomOut')}
              disabled={zoom <= 0}
              onClick={() => setZoom(zoom - 1)}
            />
            <IconButton icon="forward" label={t('rotate')} onClick={() => setTurns((turns + 1) % 4)} />
            <a className="sl-button sl-button--secondary" href={urls.download}>
              {t('download')}
            </a>
          </div>
          <div className="sl-photo-viewer__stage">
            <img
              src={full}
              alt={alt}
              data-testid="photo-full"
              style={{ transform: `scale(${ZOOMS[zoom]}) rotate(${turns * 90}deg)` }}
            />
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
