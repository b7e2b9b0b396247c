import type { Clock } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { MediaViewLoader, MessageMediaView } from '../tickets/index.ts';
import { isInlineSafe } from './media.limits.ts';
import { readWaveform } from './media.repo.ts';
import type { MediaUrlSigner } from './media.urls.ts';

type ViewRow = Awaited<ReturnType<typeof selectViewRows>>[number];

function selectViewRows(db: Db, filter: { messageIds?: readonly string[]; ids?: readonly string[] }) {
  let query = db
    .selectFrom('media')
    .leftJoin('media_blobs', 'media_blobs.sha256', 'media.sha256')
    .select([
      'media.id',
      'media.message_id',
      'media.kind',
      'media.state',
      'media.state_reason',
      'media.preview_state',
      'media.preview_reason',
      'media.declared_mime',
      'media.sniffed_mime',
      'media.size',
      'media.filename',
      'media.sha256',
      'media.voice',
      'media.animated',
      'media.sensitive_class',
      'media_blobs.width',
      'media_blobs.height',
      'media_blobs.duration_ms',
      'media_blobs.page_count',
      'media_blobs.waveform',
      'media_blobs.preview_key',
      'media_blobs.thumb_key',
    ]);
  if (filter.messageIds) {
    query = query.where('media.message_id', 'in', [...filter.messageIds]);
  }
  if (filter.ids) {
    query = query.where('media.id', 'in', [...filter.ids]);
  }
  return query.execute();
}

/** Media views with signed URLs, for message pages (through the tickets module) and the upload answer. */
export function createMediaViews(deps: { signer: MediaUrlSigner; clock: Clock }) {
  const toView = (row: ViewRow): MessageMediaView => {
    const now = deps.clock.now();
    const hasContent = row.state === 'stored' || row.state === 'quarantined';
    const quarantined = row.state === 'quarantined';
    const previewReady = row.state === 'stored' && row.preview_state === 'ready';
    const original = deps.signer.sign(row.id, 'original', now);
    return {
      id: row.id,
      kind: row.kind,
      state: row.state,
      stateReason: row.state_reason,
      previewState: row.preview_state,
      previewReason: row.preview_reason,
      mimeType: row.sniffed_mime ?? row.declared_mime,
      declaredMimeType: row.declared_mime,
      size: row.size,
      filename: row.filename,
      sha256: row.sha256,
      width: row.width ?? null,
      height: row.height ?? null,
      durationMs: row.duration_ms ?? null,
      pageCount: row.page_count ?? null,
      waveform:
        row.waveform === null || row.waveform === undefined ? null : readWaveform({ waveform: row.waveform }),
      voice: Boolean(row.voice),
      animated: Boolean(row.animated),
      inline: row.state === 'stored' && isInlineSafe(row.sniffed_mime),
      sensitiveClass: row.sensitive_class,
      urls: hasContent
        ? {
            original,
            download: `${original}&download=1`,
            preview:
              previewReady && !quarantined && row.preview_key
                ? deps.signer.sign(row.id, 'preview', now)
                : null,
            thumbnail:
              previewReady && !quarantined && row.thumb_key
                ? deps.signer.sign(row.id, 'thumbnail', now)
                : null,
          }
        : null,
    };
  };

  const loadForMessages: MediaViewLoader = async (db, messageIds) => {
    const rows = await selectViewRows(db, { messageIds });
    return new Map(rows.map((row) => [row.message_id!, toView(row)]));
  };

  async function getView(db: Db, mediaId: string): Promise<MessageMediaView | undefined> {
    const [row] = await selectViewRows(db, { ids: [mediaId] });
    return row ? toView(row) : undefined;
  }

  return { loadForMessages, getView };
}

export type MediaViews = ReturnType<typeof createMediaViews>;
