export const TICKET_STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ACTIVE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending'];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type MessageDirection = 'inbound' | 'outbound' | 'internal';
export type AuthorType = 'customer' | 'agent' | 'bot' | 'system';

/** received: inbound. queued → sending (Meta accepted) → sent → delivered → read → played; failed. */
export type MessageStatus =
  | 'received'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'played'
  | 'failed';

export interface Contact {
  id: string;
  waId: string | null;
  bsuid: string | null;
  username: string | null;
  name: string | null;
  language: string | null;
}

export interface Ticket {
  id: string;
  number: number;
  channelId: string;
  contactId: string;
  status: TicketStatus;
  priority: Priority;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
  language: string | null;
  referral: unknown;
  createdAt: number;
  updatedAt: number;
  firstInboundAt: number | null;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  firstResponseAt: number | null;
  solvedAt: number | null;
  closedAt: number | null;
  reopenCount: number;
  lastMessageAt: number;
  lastMessagePreview: string | null;
}

export type TicketEventKind =
  | 'created'
  | 'status_changed'
  | 'reopened'
  | 'assigned'
  | 'team_changed'
  | 'priority_changed'
  | 'tags_changed'
  | 'contact_merged'
  | 'media_quarantined'
  | 'media_refused'
  | 'media_failed'
  | 'media_unusable'
  | 'media_duplicate'
  | 'routed'
  | 'escalated'
  | 'bot_resolved'
  | 'bot_handoff'
  | 'tier_changed'
  | 'sla_warning'
  | 'sla_breached'
  | 'csat_skipped'
  | 'csat_answered'
  | 'csat_low';

export interface Actor {
  type: AuthorType;
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null };
