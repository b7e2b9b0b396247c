import type { MessageContent } from '../whatsapp/index.ts';

const PREVIEW_LENGTH = 160;

/** The readable text of a message (text body, caption, reply title…), or null when it has none. */
export function bodyOf(content: MessageContent): string | null {
  switch (content.kind) {
    case 'text':
      return content.body;
    case 'media':
      return content.caption ?? null;
    case 'interactive':
      return content.title ?? null;
    case 'button':
      return content.text ?? content.payload ?? null;
    case 'location':
      return content.name ?? content.address ?? null;
    case 'order':
      return content.text ?? null;
    case 'system':
      return content.body ?? null;
    case 'edit':
      return content.newContent ? bodyOf(content.newContent) : null;
    case 'reaction':
      return content.emoji ?? null;
    case 'contacts':
    case 'revoke':
    case 'request_welcome':
    case 'unsupported':
    case 'unknown':
      return null;
  }
}

/** Inbox preview: the body, or a `[kind]` token the dashboard localises (e.g. `[image]`). */
export function previewOf(type: string, body: string | null): string {
  const text = body?.trim();
  if (text) {
    return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
  }
  return `[${type}]`;
}
