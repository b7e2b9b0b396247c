import type { Selectable } from 'kysely';
import {
  type Db,
  insertRow,
  type MessagesTable,
  readJson,
  readJsonOrNull,
  writeJson,
} from '../store/index.ts';
import type { AuthorType, MessageDirection, MessageStatus } from './tickets.types.ts';

export type MessageRow = Selectable<MessagesTable>;

export interface NewMessage {
  id: string;
  ticketId: string;
  contactId: string;
  channelId: string;
  direction: MessageDirection;
  authorType: AuthorType;
  authorId: string | null;
  wamid: string | null;
  type: string;
  body: string | null;
  content: unknown;
  contextWamid: string | null;
  forwarded: boolean;
  frequentlyForwarded: boolean;
  referral: unknown;
  status: MessageStatus;
  idempotencyKey: string | null;
  customerTimestamp: number | null;
  createdAt: number;
}

/** Inserts a message; returns false when its wamid or idempotency key is already stored (a redelivery). */
export async function insertMessage(db: Db, message: NewMessage): Promise<boolean> {
  const inserted = await insertRow(
    db,
    'messages',
    {
      id: message.id,
      ticket_id: message.ticketId,
      contact_id: message.contactId,
      channel_id: message.channelId,
      direction: message.direction,
      author_type: message.authorType,
      author_id: message.authorId,
      wamid: message.wamid,
      type: message.type,
      body: message.body,
      content: writeJson(message.content),
      context_wamid: message.contextWamid,
      forwarded: message.forwarded ? 1 : 0,
      frequently_forwarded: message.frequentlyForwarded ? 1 : 0,
      referral:
        message.referral === undefined || message.referral === null ? null : writeJson(message.referral),
      status: message.status,
      status_at: message.createdAt,
      error_code: null,
      error_reason: null,
      error_message: null,
      idempotency_key: message.idempotencyKey,
      customer_timestamp: message.customerTimestamp,
      created_at: message.createdAt,
      edited_at: null,
      deleted_at: null,
    },
    'ignore',
  );
  return inserted > 0;
}

export async function findMessageByWamid(db: Db, wamid: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('wamid', '=', wamid).executeTakeFirst();
}

export async function hasWamid(db: Db, wamid: string): Promise<boolean> {
  const row = await db.selectFrom('messages').select('id').where('wamid', '=', wamid).executeTakeFirst();
  return row !== undefined;
}

export function readContent<T>(row: MessageRow): T {
  return readJson<T>(row.content);
}

export function readReferral(row: MessageRow): unknown {
  return readJsonOrNull(row.referral);
}
