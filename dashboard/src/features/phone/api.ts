/** The simulator's HTTP API (demo mode only). All calls of the phone page live here. */
import { request } from '../../lib/api-client';
import {
  type PhoneInboxMessage,
  parseCustomers,
  parseInbox,
  parseSentWamid,
  type SimCustomer,
} from './parse';

const BASE = '/simulator/api';
const customerPath = (waId: string) => `${BASE}/customers/${encodeURIComponent(waId)}`;

export type MediaType = 'image' | 'document' | 'audio' | 'video';

export interface MediaUpload {
  type: MediaType;
  data: string;
  mimeType: string;
  filename?: string;
  caption?: string;
  voice?: boolean;
}

export function listCustomers(signal?: AbortSignal): Promise<SimCustomer[]> {
  return request<unknown>(`${BASE}/customers`, { signal, quiet401: true }).then(parseCustomers);
}

export function fetchInbox(waId: string, signal?: AbortSignal): Promise<PhoneInboxMessage[]> {
  return request<unknown>(`${customerPath(waId)}/inbox`, { signal, quiet401: true }).then(parseInbox);
}

export function sendText(waId: string, text: string): Promise<string | null> {
  return request<unknown>(`${customerPath(waId)}/messages`, {
    method: 'POST',
    body: { type: 'text', text },
    quiet401: true,
  }).then(parseSentWamid);
}

export function sendMedia(waId: string, media: MediaUpload): Promise<string | null> {
  return request<unknown>(`${customerPath(waId)}/messages`, {
    method: 'POST',
    body: media,
    quiet401: true,
  }).then(parseSentWamid);
}

export function sendInteractiveReply(waId: string, reply: { replyTo: string; id: string; title: string }) {
  return request<unknown>(`${customerPath(waId)}/messages`, {
    method: 'POST',
    body: { type: 'interactive_reply', ...reply },
    quiet401: true,
  }).then(parseSentWamid);
}

export function markInboxRead(waId: string): Promise<void> {
  return request<void>(`${customerPath(waId)}/read`, { method: 'POST', quiet401: true });
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
