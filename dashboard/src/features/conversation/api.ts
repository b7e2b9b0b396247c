import { api, toQueryString } from '../../lib/api-client';
import type { Message, Page, Template, TemplateValues, TicketEvent } from '../../lib/types';

export const MESSAGE_PAGE_SIZE = 100;

const ticketPath = (ticketId: string) => `/tickets/${encodeURIComponent(ticketId)}`;

export function fetchMessages(
  ticketId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Message>> {
  return api.get<Page<Message>>(
    `${ticketPath(ticketId)}/messages${toQueryString({ cursor, limit: MESSAGE_PAGE_SIZE })}`,
    signal,
  );
}

export function fetchTicketEvents(ticketId: string, signal?: AbortSignal): Promise<TicketEvent[]> {
  return api.get<{ data: TicketEvent[] }>(`${ticketPath(ticketId)}/events`, signal).then((body) => body.data);
}

export function sendTextMessage(ticketId: string, text: string, idempotencyKey: string): Promise<Message> {
  return api
    .post<{ data: Message }>(`${ticketPath(ticketId)}/messages`, { type: 'text', text, idempotencyKey })
    .then((body) => body.data);
}

export function sendMediaMessage(
  ticketId: string,
  reply: { mediaId: string; caption?: string; idempotencyKey: string },
): Promise<Message> {
  return api
    .post<{ data: Message }>(`${ticketPath(ticketId)}/messages`, { type: 'media', ...reply })
    .then((body) => body.data);
}

export interface TemplateReply {
  name: string;
  language: string;
  parameters: TemplateValues;
  idempotencyKey: string;
}

export function sendTemplateMessage(ticketId: string, reply: TemplateReply): Promise<Message> {
  return api
    .post<{ data: Message }>(`${ticketPath(ticketId)}/messages`, { type: 'template', ...reply })
    .then((body) => body.data);
}

export function fetchTemplates(signal?: AbortSignal): Promise<Template[]> {
  return api.get<{ data: Template[] }>('/templates', signal).then((body) => body.data);
}

/** Fetches the business account's templates from WhatsApp now (admins and supervisors). */
export function syncTemplates(): Promise<{ count: number; syncedAt: number }> {
  return api.post<{ data: { count: number; syncedAt: number } }>('/templates/sync').then((body) => body.data);
}

export function addNote(ticketId: string, text: string): Promise<Message> {
  return api.post<{ data: Message }>(`${ticketPath(ticketId)}/notes`, { text }).then((body) => body.data);
}

export function markTicketRead(ticketId: string): Promise<void> {
  return api.post<void>(`${ticketPath(ticketId)}/read`);
}
