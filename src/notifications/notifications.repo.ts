import { type Db, readJson, writeJson } from '../store/index.ts';

export type NotificationKind = 'sla.warning' | 'sla.breached';

export interface NewNotification {
  id: string;
  userId: string;
  ticketId: string | null;
  kind: NotificationKind;
  data: Record<string, unknown>;
}

export interface Notification extends Omit<NewNotification, 'userId'> {
  createdAt: number;
  readAt: number | null;
}

const CHUNK = 500;

export async function insertNotifications(db: Db, rows: readonly NewNotification[], now: number) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('notifications')
      .values(
        rows.slice(i, i + CHUNK).map((n) => ({
          id: n.id,
          user_id: n.userId,
          ticket_id: n.ticketId,
          kind: n.kind,
          data: writeJson(n.data),
          created_at: now,
          read_at: null,
        })),
      )
      .execute();
  }
}

export async function listNotifications(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<{ data: Notification[]; unread: number }> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (options.unreadOnly) {
    query = query.where('read_at', 'is', null);
  }
  const [rows, unread] = await Promise.all([
    query.orderBy('id', 'desc').limit(options.limit).execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    data: rows.map((r) => ({
      id: r.id,
      ticketId: r.ticket_id,
      kind: r.kind as NotificationKind,
      data: readJson(r.data),
      createdAt: Number(r.created_at),
      readAt: r.read_at === null ? null : Number(r.read_at),
    })),
    unread: Number(unread.n),
  };
}

/** Marks the given notifications (all when none given) of this user read. */
export async function markNotificationsRead(
  db: Db,
  userId: string,
  ids: readonly string[] | undefined,
  now: number,
): Promise<void> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) {
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}
