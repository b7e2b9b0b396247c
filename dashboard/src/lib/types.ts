/** Types of the Sightline HTTP API (/api/v1), mirrored from the server's contract. Times are epoch ms. */

export const LANGUAGES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Role = 'admin' | 'supervisor' | 'agent' | 'auditor';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  teamIds: string[];
}

export interface Team {
  id: string;
  name: string;
}

export const TICKET_STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const INBOX_VIEWS = ['mine', 'unassigned', 'my_teams', 'all', 'pending', 'solved'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const TICKET_SORTS = ['last_activity', 'priority', 'waiting'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export interface ContactSummary {
  id: string;
  name: string | null;
  waId: string | null;
  username: string | null;
  language: string | null;
}

export interface TicketSummary {
  id: string;
  number: number;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
  language: string | null;
  contact: ContactSummary;
  channelId: string;
  createdAt: number;
  updatedAt: number;
  lastMessageAt: number;
  lastMessagePreview: string | null;
  lastInboundAt: number | null;
  waitingSince: number | null;
  unread: boolean;
}

export interface PreviousTicket {
  id: string;
  number: number;
  status: TicketStatus;
  createdAt: number;
}

export interface Ticket extends TicketSummary {
  window: { open: boolean; expiresAt: number | null };
  previousTickets: PreviousTicket[];
  referral: Record<string, unknown> | null;
}

export interface TicketPatch {
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
}

export type TicketCounts = Record<InboxView, number>;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type MessageDirection = 'inbound' | 'outbound' | 'internal';
export type AuthorType = 'customer' | 'agent' | 'bot' | 'system';
export type MessageStatus =
  | 'received'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'played'
  | 'failed';
export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker' | (string & {});

export interface ContactCard {
  formattedName: string | null;
  phones: { phone: string | null; waId: string | null }[];
  emails: { email: string }[];
  organization: string | null;
}

export interface OrderItem {
  productRetailerId: string;
  quantity: number;
  itemPrice: number;
  currency: string;
}

export type MessageContent =
  | { kind: 'text'; body: string }
  | {
      kind: 'media';
      mediaKind: MediaKind;
      mediaId: string | null;
      mimeType: string | null;
      caption: string | null;
      filename: string | null;
      voice?: boolean | null;
      animated?: boolean | null;
    }
  | { kind: 'location'; latitude: number; longitude: number; name: string | null; address: string | null }
  | { kind: 'contacts'; cards: ContactCard[] }
  | { kind: 'interactive'; replyType: string; replyId: string; title: string; description: string | null }
  | { kind: 'button'; payload: string | null; text: string }
  | { kind: 'reaction'; targetWamid: string; emoji: string }
  | { kind: 'order'; catalogId: string | null; text: string | null; items: OrderItem[] }
  | { kind: 'system'; body: string; systemType: string | null }
  | { kind: 'edit'; [key: string]: unknown }
  | { kind: 'revoke'; [key: string]: unknown }
  | { kind: 'request_welcome' }
  | { kind: 'unsupported'; unsupportedType: string | null }
  | { kind: 'unknown'; type: string }
  | { kind: 'note'; body: string }
  | { kind: 'template'; name: string; languageCode: string; components: unknown[]; body: string }
  | ChoicesContent;

/** Reply buttons or a list sent by an agent or the bot (WhatsApp interactive message). */
export interface ChoicesContent {
  kind: 'choices';
  style: 'buttons' | 'list';
  header?: string;
  body: string;
  footer?: string;
  buttons?: { id: string; title: string }[];
  buttonLabel?: string;
  sections?: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
}

export type ContentKind = MessageContent['kind'];

export interface MessageContext {
  quotedWamid: string | null;
  quotedMessageId: string | null;
  quotedPreview: string | null;
  forwarded: boolean;
  frequentlyForwarded: boolean;
}

export interface Message {
  id: string;
  ticketId: string;
  direction: MessageDirection;
  authorType: AuthorType;
  authorId: string | null;
  authorName: string | null;
  wamid: string | null;
  type: string;
  body: string | null;
  content: MessageContent;
  context: MessageContext | null;
  status: MessageStatus;
  statusAt: number | null;
  error: { code: number | string | null; reason: string; message: string } | null;
  reactions: { emoji: string; authorType: AuthorType }[];
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
}

export type TicketEventKind =
  | 'status_changed'
  | 'assigned'
  | 'priority_changed'
  | 'tags_changed'
  | 'team_changed'
  | 'reopened'
  | 'created'
  | 'contact_merged';

export interface TicketEvent {
  id: string;
  kind: TicketEventKind | (string & {});
  actorType: AuthorType | (string & {});
  actorId: string | null;
  data: Record<string, unknown> | null;
  createdAt: number;
}

export interface TicketFilters {
  q?: string;
  tag?: string;
  status?: string;
  priority?: string;
  language?: string;
  assigneeId?: string;
  teamId?: string;
  sort?: TicketSort;
}

export interface TemplateComponentInfo {
  type: string;
  format?: string;
  text?: string;
  buttons: { type: string; text?: string; url?: string }[];
}

/** A WhatsApp template as last synced (GET /templates), with its placeholders per section. */
export interface Template {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string | null;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponentInfo[];
  slots: { header: string[]; body: string[] };
  unsendableReason: string | null;
  syncedAt: number;
}

export type TemplateSection = 'header' | 'body';
export type TemplateValues = Partial<Record<TemplateSection, Record<string, string>>>;

export interface CannedReply {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  language: Language | null;
  updatedAt: number;
}

export type LiveEventName = 'message.created' | 'message.updated' | 'ticket.created' | 'ticket.updated';
export interface LiveEvent {
  name: LiveEventName;
  ticketId: string;
  messageId?: string;
}
