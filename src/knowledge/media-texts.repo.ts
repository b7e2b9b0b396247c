import type { Db } from '../store/index.ts';
import type { MediaTextKind, MediaTextState } from './knowledge.types.ts';

export interface MediaText {
  mediaId: string;
  ticketId: string | null;
  kind: MediaTextKind;
  state: MediaTextState;
  engine: string | null;
  language: string | null;
  text: string | null;
  confidence: number | null;
  durationMs: number | null;
  reason: string | null;
  createdAt: number;
}

/** Stores what was read from a media item; a retried job replaces its earlier result. */
export async function saveMediaText(db: Db, row: MediaText): Promise<void> {
  const values = {
    media_id: row.mediaId,
    ticket_id: row.ticketId,
    kind: row.kind,
    state: row.state,
    engine: row.engine,
    language: row.language,
    text: row.text,
    confidence: row.confidence,
    duration_ms: row.durationMs,
    reason: row.reason,
    created_at: row.createdAt,
  };
  const { media_id: _, ...update } = values;
  await db
    .insertInto('media_texts')
    .values(values)
    .onConflict((oc) => oc.column('media_id').doUpdateSet(update))
    .execute();
}

export async function findMediaText(db: Db, mediaId: string): Promise<MediaText | undefined> {
  const row = await db
    .selectFrom('media_texts')
    .selectAll()
    .where('media_id', '=', mediaId)
    .executeTakeFirst();
  return row ? toMediaText(row) : undefined;
}

/** The ticket's media texts, oldest first (with the message each belongs to). */
export async function listMediaTexts(
  db: Db,
  ticketId: string,
): Promise<(MediaText & { messageId: string | null })[]> {
  const rows = await db
    .selectFrom('media_texts')
    .innerJoin('media', 'media.id', 'media_texts.media_id')
    .selectAll('media_texts')
    .select('media.message_id')
    .where('media_texts.ticket_id', '=', ticketId)
    .orderBy('media_texts.created_at')
    .orderBy('media_texts.media_id')
    .execute();
  return rows.map((row) => ({ ...toMediaText(row), messageId: row.message_id }));
}

const MAX_MESSAGES = 50;

/** What the customer said on a ticket: message texts and captions, then text read from their media. */
export async function collectTicketText(db: Db, ticketId: string): Promise<string> {
  const messages = await db
    .selectFrom('messages')
    .select('body')
    .where('ticket_id', '=', ticketId)
    .where('direction', '=', 'inbound')
    .where('body', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(MAX_MESSAGES)
    .execute();
  const media = await db
    .selectFrom('media_texts')
    .select('text')
    .where('ticket_id', '=', ticketId)
    .where('state', '=', 'done')
    .execute();
  return [...messages.reverse().map((m) => m.body), ...media.map((m) => m.text)].filter(Boolean).join('\n');
}

function toMediaText(row: {
  media_id: string;
  ticket_id: string | null;
  kind: string;
  state: string;
  engine: string | null;
  language: string | null;
  text: string | null;
  confidence: number | null;
  duration_ms: number | null;
  reason: string | null;
  created_at: number;
}): MediaText {
  return {
    mediaId: row.media_id,
    ticketId: row.ticket_id,
    kind: row.kind as MediaTextKind,
    state: row.state as MediaTextState,
    engine: row.engine,
    language: row.language,
    text: row.text,
    confidence: row.confidence === null ? null : Number(row.confidence),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    reason: row.reason,
    createdAt: Number(row.created_at),
  };
}
