import type { Kysely } from 'kysely';
import { newId } from '../../src/kernel/index.ts';
import type { Database } from '../../src/store/index.ts';

/**
 * Writes raw rows the way ingest and replies leave them, for hand-computed analytics fixtures; `now` is
 * when they are written (`updated_at`), which the fact refresh follows.
 */
export function analyticsFixtures(db: Kysely<Database>, now: () => number) {
  // Far above the counter that numbers real tickets, so fixtures and ingest never collide.
  let ticketNumber = 900_000;
  return {
    async channel(): Promise<string> {
      const id = newId();
      await db
        .insertInto('channels')
        .values({
          id,
          phone_number_id: id,
          display_phone_number: '+1 555 0100',
          waba_id: null,
          created_at: 0,
        })
        .execute();
      return id;
    },

    async contact(segment: string | null = null): Promise<string> {
      const id = newId();
      await db
        .insertInto('contacts')
        .values({
          id,
          wa_id: id,
          bsuid: null,
          username: null,
          name: 'C',
          language: null,
          segment,
          created_at: 0,
          updated_at: 0,
        })
        .execute();
      return id;
    },

    async team(name: string): Promise<string> {
      const id = newId();
      await db.insertInto('teams').values({ id, name, created_at: 0 }).execute();
      return id;
    },

    async user(name: string, role = 'agent'): Promise<string> {
      const id = newId();
      await db
        .insertInto('users')
        .values({
          id,
          email: `${name}-${id}@example.test`.toLowerCase(),
          name,
          password_hash: null,
          role,
          language: 'en',
          created_at: 0,
          updated_at: 0,
          disabled_at: null,
        })
        .execute();
      return id;
    },

    async ticket(fields: {
      channelId: string;
      contactId: string;
      createdAt: number;
      status: string;
      teamId?: string | null;
      assigneeId?: string | null;
      tier?: string;
      category?: string | null;
      language?: string | null;
      firstResponseAt?: number | null;
      solvedAt?: number | null;
      closedAt?: number | null;
      reopenCount?: number;
      botResolved?: boolean;
    }): Promise<string> {
      const id = newId();
      ticketNumber += 1;
      await db
        .insertInto('tickets')
        .values({
          id,
          number: ticketNumber,
          channel_id: fields.channelId,
          contact_id: fields.contactId,
          status: fields.status,
          priority: 'normal',
          assignee_id: fields.assigneeId ?? null,
          team_id: fields.teamId ?? null,
          language: fields.language ?? null,
          referral: null,
          created_at: fields.createdAt,
          updated_at: now(),
          first_inbound_at: fields.createdAt,
          last_inbound_at: fields.createdAt,
          last_outbound_at: null,
          first_response_at: fields.firstResponseAt ?? null,
          solved_at: fields.solvedAt ?? null,
          closed_at: fields.closedAt ?? null,
          reopen_count: fields.reopenCount ?? 0,
          last_message_at: fields.createdAt,
          last_message_preview: null,
          tier: fields.tier ?? 'L1',
          category: fields.category ?? null,
          bot_resolved: fields.botResolved ? 1 : 0,
        })
        .execute();
      return id;
    },

    /** A message of the ticket; `customer` is inbound, `note` an internal note, others outbound. */
    async message(
      ticket: { id: string; channelId: string; contactId: string },
      author: 'customer' | 'agent' | 'bot' | 'system' | 'note',
      at: number,
      media?: string,
    ): Promise<string> {
      const id = newId();
      const direction = author === 'customer' ? 'inbound' : author === 'note' ? 'internal' : 'outbound';
      await db
        .insertInto('messages')
        .values({
          id,
          ticket_id: ticket.id,
          contact_id: ticket.contactId,
          channel_id: ticket.channelId,
          direction,
          author_type: author === 'note' ? 'agent' : author,
          author_id: null,
          wamid: null,
          type: media ?? 'text',
          body: 'x',
          content: '{}',
          context_wamid: null,
          forwarded: 0,
          frequently_forwarded: 0,
          referral: null,
          status: direction === 'inbound' ? 'received' : 'sent',
          status_at: null,
          error_code: null,
          error_reason: null,
          error_message: null,
          idempotency_key: null,
          customer_timestamp: null,
          created_at: at,
          edited_at: null,
          deleted_at: null,
        })
        .execute();
      if (media) {
        await db
          .insertInto('media')
          .values({
            id: newId(),
            message_id: id,
            ticket_id: ticket.id,
            direction: direction === 'inbound' ? 'inbound' : 'outbound',
            kind: media,
            wa_media_id: null,
            graph_media_id: null,
            declared_mime: null,
            sniffed_mime: null,
            filename: null,
            size: null,
            sha256: null,
            state: 'stored',
            state_reason: null,
            preview_state: 'none',
            preview_reason: null,
            voice: 0,
            animated: 0,
            uploaded_by: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
      return id;
    },

    async survey(fields: {
      kind: 'csat' | 'nps';
      contactId: string;
      sentAt: number;
      score: number | null;
      ticketId?: string | null;
      agentId?: string | null;
      teamId?: string | null;
    }): Promise<void> {
      await db
        .insertInto('surveys')
        .values({
          id: newId(),
          kind: fields.kind,
          ticket_id: fields.ticketId ?? null,
          contact_id: fields.contactId,
          agent_id: fields.agentId ?? null,
          team_id: fields.teamId ?? null,
          sent_at: fields.sentAt,
          answered_at: fields.score === null ? null : fields.sentAt + 60_000,
          score: fields.score,
          comment: null,
        })
        .execute();
    },

    async presence(userId: string, presence: string, at: number): Promise<void> {
      await db.insertInto('presence_log').values({ id: newId(), user_id: userId, presence, at }).execute();
    },
  };
}
