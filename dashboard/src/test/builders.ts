/** Test data builders: a small DSL for conversations (buildConversation) and tickets. */
import type { Message, MessageContent, Ticket, TicketEvent, User } from '../lib/types';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}_${String(++sequence).padStart(4, '0')}`;
const BASE_TIME = Date.UTC(2026, 2, 10, 9, 0, 0);

export function buildUser(overrides: Partial<User> = {}): User {
  return {
    id: 'user_me',
    email: 'ana@example.com',
    name: 'Ana Agent',
    role: 'agent',
    language: 'en',
    teamIds: [],
    ...overrides,
  };
}

export function buildTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 'ticket_1',
    number: 42,
    status: 'open',
    priority: 'normal',
    assigneeId: null,
    teamId: null,
    tags: [],
    language: 'en',
    contact: { id: 'contact_1', name: 'Carla Customer', waId: '33612345678', username: null, language: 'fr' },
    channelId: 'channel_1',
    createdAt: BASE_TIME,
    updatedAt: BASE_TIME,
    lastMessageAt: BASE_TIME,
    lastMessagePreview: 'Hello',
    lastInboundAt: BASE_TIME,
    waitingSince: BASE_TIME,
    unread: false,
    window: { open: true, expiresAt: BASE_TIME + 24 * 3600_000 },
    previousTickets: [],
    referral: null,
    ...overrides,
  };
}

export function buildMessage(content: MessageContent, overrides: Partial<Message> = {}): Message {
  const id = overrides.id ?? nextId('msg');
  const inbound = overrides.direction ? overrides.direction === 'inbound' : true;
  return {
    id,
    ticketId: 'ticket_1',
    direction: 'inbound',
    authorType: inbound ? 'customer' : 'agent',
    authorId: null,
    authorName: null,
    wamid: `wamid.${id}`,
    type: content.kind === 'media' ? String(content.mediaKind) : content.kind,
    body: 'body' in content && typeof content.body === 'string' ? content.body : null,
    content,
    context: null,
    status: inbound ? 'received' : 'sent',
    statusAt: null,
    error: null,
    reactions: [],
    createdAt: BASE_TIME + sequence * 60_000,
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

/** A fluent conversation: buildConversation().customer('Hi').agent('Hello').note('VIP').messages */
export function buildConversation() {
  const messages: Message[] = [];
  const events: TicketEvent[] = [];
  const api = {
    messages,
    events,
    customer(text: string, overrides: Partial<Message> = {}) {
      messages.push(buildMessage({ kind: 'text', body: text }, overrides));
      return api;
    },
    agent(text: string, overrides: Partial<Message> = {}) {
      messages.push(
        buildMessage(
          { kind: 'text', body: text },
          { direction: 'outbound', authorType: 'agent', authorName: 'Ana Agent', ...overrides },
        ),
      );
      return api;
    },
    note(text: string, overrides: Partial<Message> = {}) {
      messages.push(
        buildMessage(
          { kind: 'note', body: text },
          {
            direction: 'internal',
            authorType: 'agent',
            authorName: 'Ana Agent',
            wamid: null,
            status: 'received',
            ...overrides,
          },
        ),
      );
      return api;
    },
    inbound(content: MessageContent, overrides: Partial<Message> = {}) {
      messages.push(buildMessage(content, overrides));
      return api;
    },
    event(event: Partial<TicketEvent> & Pick<TicketEvent, 'kind'>) {
      events.push({
        id: nextId('evt'),
        actorType: 'agent',
        actorId: 'user_me',
        data: null,
        createdAt: BASE_TIME + ++sequence * 60_000,
        ...event,
      });
      return api;
    },
    last(): Message {
      const message = messages[messages.length - 1];
      if (!message) {
        throw new Error('empty conversation');
      }
      return message;
    },
  };
  return api;
}
