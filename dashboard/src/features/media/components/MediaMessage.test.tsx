import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../lib/types';
import { buildMessage } from '../../../test/builders';
import { renderWithProviders } from '../../../test/render';
import type { MediaView } from '../media-view';
import { MediaMessage } from './MediaMessage';

const urls = {
  original: '/api/v1/media/m1?exp=1&sig=a',
  download: '/api/v1/media/m1?exp=1&sig=a&download=1',
  preview: '/api/v1/media/m1/preview?exp=1&sig=b',
  thumbnail: '/api/v1/media/m1/thumbnail?exp=1&sig=c',
};

function mediaMessage(
  kind: string,
  media: Partial<MediaView> | null,
  caption: string | null = null,
): Message {
  const message = buildMessage({
    kind: 'media',
    mediaKind: kind,
    mediaId: 'wa1',
    mimeType: null,
    caption,
    filename: null,
  });
  const view: MediaView | null = media && {
    id: 'm1',
    kind,
    state: 'stored',
    stateReason: null,
    previewState: 'ready',
    previewReason: null,
    mimeType: 'image/jpeg',
    size: 2048,
    filename: null,
    width: 640,
    height: 480,
    durationMs: null,
    pageCount: null,
    waveform: null,
    voice: false,
    inline: true,
    urls,
    ...media,
  };
  return { ...message, media: view } as Message;
}

describe('MediaMessage', () => {
  it('shows downloading, then retrying after a failed attempt', () => {
    const { rerender } = renderWithProviders(
      <MediaMessage message={mediaMessage('image', { state: 'downloading', urls: null })} />,
    );
    expect(screen.getByRole('status').textContent).toContain('Downloading');
    rerender(
      <MediaMessage
        message={mediaMessage('image', {
          state: 'pending',
          stateReason: 'whatsapp.server_error',
          urls: null,
        })}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('retrying');
  });

  it('explains refused and failed media', () => {
    renderWithProviders(
      <MediaMessage
        message={mediaMessage('image', { state: 'refused', stateReason: 'media.too_large', urls: null })}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('too large');
    renderWithProviders(
      <MediaMessage
        message={mediaMessage('document', {
          state: 'refused',
          stateReason: 'media.unsupported_type',
          urls: null,
        })}
      />,
    );
    expect(screen.getByText(/type of file is not accepted/)).toBeTruthy();
    renderWithProviders(
      <MediaMessage
        message={mediaMessage('video', {
          state: 'failed',
          stateReason: 'whatsapp.media_not_found',
          urls: null,
        })}
      />,
    );
    expect(screen.getByText(/whatsapp.media_not_found/)).toBeTruthy();
  });

  it('never shows a quarantined file inline: a warning and a download link only', () => {
    const { container } = renderWithProviders(
      <MediaMessage
        message={mediaMessage('image', {
          state: 'quarantined',
          stateReason: 'media.dangerous_content',
          filename: 'photo.jpg',
          inline: false,
          urls: { ...urls, preview: null, thumbnail: null },
        })}
      />,
    );
    expect(screen.getByText(/Quarantined/)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(urls.download);
  });

  it('opens a photo with zoom and rotate', () => {
    renderWithProviders(<MediaMessage message={mediaMessage('image', {}, 'the leak')} />);
    expect(screen.getByText('the leak')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('src')).toBe(urls.thumbnail);
    fireEvent.click(screen.getByRole('button', { name: 'Open photo' }));
    const full = screen.getByTestId('photo-full');
    expect(full.getAttribute('src')).toBe(urls.preview);
    fireEvent.click(screen.getByRole('button', { name: 'Rotate' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(full.style.transform).toBe('scale(1.5) rotate(90deg)');
  });

  it('plays video and voice notes from their signed URLs, with duration and waveform', () => {
    const { container } = renderWithProviders(
      <MediaMessage message={mediaMessage('video', { mimeType: 'video/mp4', durationMs: 61_000 })} />,
    );
    const video = container.querySelector('video')!;
    expect(video.getAttribute('src')).toBe(urls.original);
    expect(video.getAttribute('poster')).toBe(urls.preview);
    expect(screen.getByText('1:01')).toBeTruthy();
    const voice = renderWithProviders(
      <MediaMessage
        message={mediaMessage('audio', {
          mimeType: 'audio/ogg',
          voice: true,
          durationMs: 4_000,
          waveform: [0.1, 0.5, 1],
        })}
      />,
    );
    expect(voice.container.querySelector('audio')?.getAttribute('aria-label')).toBe('Voice message');
    expect(voice.container.querySelectorAll('.sl-voice__wave span')).toHaveLength(3);
    expect(screen.getByText('0:04')).toBeTruthy();
  });

  it('shows a document’s first page, pages and a download link', () => {
    renderWithProviders(
      <MediaMessage
        message={mediaMessage('document', {
          mimeType: 'application/pdf',
          inline: false,
          filename: 'Facture café.pdf',
          pageCount: 3,
          size: 3 * 1024 * 1024,
        })}
      />,
      { language: 'fr' },
    );
    expect(screen.getByRole('img').getAttribute('src')).toBe(urls.preview);
    expect(screen.getByText('Facture café.pdf')).toBeTruthy();
    expect(screen.getByText('3.0 MB · 3 pages')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Télécharger' })).toBeTruthy();
  });

  it('falls back to the file name when the server sends no media view', () => {
    const message = buildMessage({
      kind: 'media',
      mediaKind: 'document',
      mediaId: 'x',
      mimeType: null,
      caption: null,
      filename: 'old.pdf',
    });
    renderWithProviders(<MediaMessage message={message} />);
    expect(screen.getByText('old.pdf')).toBeTruthy();
  });
});
