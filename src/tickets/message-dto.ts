import type { Db } from '../store/index.ts';
import { readJson, readJsonOrNull } from '../store/index.ts';
import type { MessageRow } from './messages.repo.ts';
import type { AuthorType, MessageDirection, MessageStatus } from './tickets.types.ts';

/** A message as the API and dashboard see it. */
export interface MessageView {
  id: string;
  ticketId: string;
  direction: MessageDirection;
  authorType: AuthorType;
  authorId: string | null;
  authorName: string | null;
  wamid: string | null;
  type: string;
  body: string | null;
  content: unknown;
  context: {
    quotedWamid: string | null;
    quotedMessageId: string | null;
    quotedPreview: string | null;
    forwarded: boolean;
    frequentlyForwarded: boolean;
  } | null;
  referral: unknown;
  status: MessageStatus;
  statusAt: number | null;
  error: { code: number | null; reason: string; message: string } | null;
  reactions: { emoji: string; authorType: AuthorType }[];
  createdAt: number;
  customerTimestamp: number | null;
  editedAt: number | null;
  deletedAt: number | null;
  /** The message's attachment, when it has one (media messages). */
  media?: MessageMediaView | null;
}

/** An attachment as the API and dashboard see it; URLs are short-lived signed links. */
export interface MessageMediaView {
  id: string;
  kind: string;
  /** pending · downloading · stored · failed · refused · quarantined */
  state: string;
  stateReason: string | null;
  /** none · pending · ready · failed · skipped */
  previewState: string;
  previewReason: string | null;
  /** The real (sniffed) type once stored; the declared one before. */
  mimeType: string | null;
  declaredMimeType: string | null;
  size: number | null;
  filename: string | null;
  sha256: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  pageCount: number | null;
  waveform: number[] | null;
  voice: boolean;
  animated: boolean;
  /** Whether the original may be shown inline (a safe image, video or audio type, not quarantined). */
  inline: boolean;
  urls: { original: string; download: string; preview: string | null; thumbnail: string | null } | null;
  /** identity_document · financial: only roles with media.read_sensitive get its URLs. */
  sensitiveClass: string | null;
}

/** Loads the attachments of a page of messages (provided by the media module at the composition root). */
export type MediaViewLoader = (
  db: Db,
  messageIds: readonly string[],
) => Promise<Map<string, MessageMediaView>>;

/** Builds views for a page of messages: quoted messages, reactions and author names in three queries. */
export async function toMessageViews(
  db: Db,
  rows: readonly MessageRow[],
  loadMedia?: MediaViewLoader,
): Promise<MessageView[]> {
  const wamids = rows.map((r) => r.wamid).filter((w): w is string => w !== null);
  const quotedWamids = [...new Set(rows.map((r) => r.context_wamid).filter((w): w is string => w !== null))];
  const mediaMessageIds = rows.filter((r) => MEDIA_TYPES.has(r.type)).map((r) => r.id);
  const [quoted, reactionRows, authors, media] = await Promise.all([
    quotedWamids.length === 0
      ? []
      : db
          .selectFrom('messages')
          .select(['id', 'wamid', 'body', 'type'])
          .where('wamid', 'in', quotedWamids)
          .execute(),
    wamids.length === 0
      ? []
      : db
          .selectFrom('messages')
          .select(['context_wamid', 'content', 'author_type', 'author_id', 'id'])
          .where('type', '=', 'reaction')
          .where('context_wamid', 'in', wamids)
          .orderBy('id')
          .execute(),
    authorNames(db, rows),
    loadMedia && mediaMessageIds.length > 0 ? loadMedia(db, mediaMessageIds) : undefined,
  ]);
  const quotedByWamid = new Map(quoted.map((q) => [q.wamid, q]));
  const reactions = latestReactions(reactionRows);
  return rows.map((row) => {
    const view = toMessageView(row, quotedByWamid, reactions, authors);
    return media && MEDIA_TYPES.has(row.type) ? { ...view, media: media.get(row.id) ?? null } : view;
  });
}

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

function toMessageView(
  row: MessageRow,
  quotedByWamid: Map<string | null, { id: string; body: string | null; type: string }>,
  reactions: Map<string, MessageView['reactions']>,
  authors: Map<string, string>,
): MessageView {
  const content = readJson<Record<string, unknown>>(row.content);
  const { raw: _raw, ...visibleContent } = content;
  const quoted = row.context_wamid ? quotedByWamid.get(row.context_wamid) : undefined;
  const hasContext =
    row.context_wamid !== null || Boolean(row.forwarded) || Boolean(row.frequently_forwarded);
  return {
    id: row.id,
    ticketId: row.ticket_id,
    direction: row.direction as MessageDirection,
    authorType: row.author_type as AuthorType,
    authorId: row.author_id,
    authorName: row.author_id ? (authors.get(row.author_id) ?? null) : null,
    wamid: row.wamid,
    type: row.type,
    body: row.body,
    content: visibleContent,
    context: hasContext
      ? {
          quotedWamid: row.context_wamid,
          quotedMessageId: quoted?.id ?? null,
          quotedPreview: quoted ? (quoted.body ?? `[${quoted.type}]`) : null,
          forwarded: Boolean(row.forwarded),
          frequentlyForwarded: Boolean(row.frequently_forwarded),
        }
      : null,
    referral: readJsonOrNull(row.referral),
    status: row.status as MessageStatus,
    statusAt: row.status_at,
    error: row.error_reason
      ? { code: row.error_code, reason: row.error_reason, message: row.error_message ?? '' }
      : null,
    reactions: row.wamid ? (reactions.get(row.wamid) ?? []) : [],
    createdAt: row.created_at,
    customerTimestamp: row.customer_timestamp,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
}

/** The current reaction of each author on each message: a later one replaces, an empty one removes. */
function latestReactions(
  rows: readonly {
    context_wamid: string | null;
    content: unknown;
    author_type: string;
    author_id: string | null;
  }[],
): Map<string, MessageView['reactions']> {
  const current = new Map<string, Map<string, { emoji: string | undefined; authorType: AuthorType }>>();
  for (const row of rows) {
    const target = row.context_wamid!;
    const byAuthor = current.get(target) ?? new Map();
    const emoji = readJson<{ emoji?: string }>(row.content).emoji;
    byAuthor.set(`${row.author_type}:${row.author_id}`, { emoji, authorType: row.author_type as AuthorType });
    current.set(target, byAuthor);
  }
  const result = new Map<string, MessageView['reactions']>();
  for (const [target, byAuthor] of current) {
    result.set(
      target,
      [...byAuthor.values()].flatMap((r) => (r.emoji ? [{ emoji: r.emoji, authorType: r.authorType }] : [])),
    );
  }
  return result;
}

async function authorNames(db: Db, rows: readonly MessageRow[]): Promise<Map<string, string>> {
  const agentIds = [
    ...new Set(rows.filter((r) => r.author_type === 'agent' && r.author_id).map((r) => r.author_id!)),
  ];
  if (agentIds.length === 0) {
    return new Map();
  }
  const users = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', agentIds).execute();
  return new Map(users.map((u) => [u.id, u.name]));
}
