/** The simulator's HTTP API (demo mode only). All calls of the phone page live here. */
import { request } from '../../lib/api-client';
import {
  type PhoneInboxMessage,
  type PhoneSentMessage,
  parseCustomer,
  parseCustomers,
  parseInbox,
  parseSent,
  parseSentWamid,
  type SimCustomer,
} from './parse';

const BASE = '/simulator/api';
const customerPath = (id: string) => `${BASE}/customers/${encodeURIComponent(id)}`;

export type MediaType = 'image' | 'document' | 'audio' | 'video';

export interface MediaUpload {
  type: MediaType;
  data: string;
  mimeType: string;
  filename?: string;
  caption?: string;
  voice?: boolean;
}

export type PhoneReply =
  | { kind: 'buttons'; replyTo: string; id: string; title: string }
  | { kind: 'list'; replyTo: string; id: string; title: string; description?: string | null };

export function listCustomers(signal?: AbortSignal): Promise<SimCustomer[]> {
  return request<unknown>(`${BASE}/customers`, { signal, quiet401: true }).then(parseCustomers);
}

export async function createCustomer(input: { waId: string; name: string | null }): Promise<SimCustomer> {
  const body = await request<unknown>(`${BASE}/customers`, {
    method: 'POST',
    body: { waId: input.waId, ...(input.name ? { name: input.name } : {}) },
    quiet401: true,
  });
  const customer = parseCustomer(
    body && typeof body === 'object' ? (body as { customer?: unknown }).customer : null,
  );
  if (!customer) {
    throw new Error('The simulator answered without a customer.');
  }
  return customer;
}

export function fetchInbox(id: string, signal?: AbortSignal): Promise<PhoneInboxMessage[]> {
  return request<unknown>(`${customerPath(id)}/inbox`, { signal, quiet401: true }).then(parseInbox);
}

export function fetchSent(id: string, signal?: AbortSignal): Promise<PhoneSentMessage[]> {
  return request<unknown>(`${customerPath(id)}/sent`, { signal, quiet401: true }).then(parseSent);
}

function postMessage(id: string, body: Record<string, unknown>): Promise<string | null> {
  return request<unknown>(`${customerPath(id)}/messages`, { method: 'POST', body, quiet401: true }).then(
    parseSentWamid,
  );
}

export function sendText(id: string, text: string): Promise<string | null> {
  return postMessage(id, { type: 'text', body: text });
}

export function sendMedia(id: string, media: MediaUpload): Promise<string | null> {
  return postMessage(id, { ...media });
}

/** A tap on a reply button or a list row of an interactive message. */
export function sendReply(id: string, reply: PhoneReply): Promise<string | null> {
  return reply.kind === 'buttons'
    ? postMessage(id, { type: 'button_reply', replyTo: reply.replyTo, id: reply.id, title: reply.title })
    : postMessage(id, {
        type: 'list_reply',
        replyTo: reply.replyTo,
        id: reply.id,
        title: reply.title,
        ...(reply.description ? { description: reply.description } : {}),
      });
}

export function markInboxRead(id: string): Promise<void> {
  return request<void>(`${customerPath(id)}/read`, { method: 'POST', quiet401: true });
}

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function mediaTypeOf(mimeType: string): MediaType {
  if (mimeType.startsWith('image/')) {
    return 'image';
  }
  if (mimeType.startsWith('video/')) {
    return 'video';
  }
  if (mimeType.startsWith('audio/')) {
    return 'audio';
  }
  return 'document';
}
