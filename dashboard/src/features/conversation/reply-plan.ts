/**
 * How a reply with attachments goes out: one WhatsApp message per attachment. WhatsApp shows a caption
 * under photos, videos and documents (not audio or stickers), so the typed text becomes the caption of
 * the first attachment that can carry one; otherwise, or when it is too long for a caption, it follows
 * as a text message of its own.
 */
import type { ComposerAttachment } from '../../lib/registry';

const CAPTIONED_KINDS = new Set(['image', 'video', 'document']);
export const MAX_CAPTION_LENGTH = 1024;

export type ReplyStep =
  | { type: 'media'; attachment: ComposerAttachment & { mediaId: string }; caption?: string }
  | { type: 'text'; text: string };

export function planReply(text: string, attachments: readonly ComposerAttachment[]): ReplyStep[] {
  const ready = attachments.filter(
    (item): item is ComposerAttachment & { mediaId: string } => item.status === 'ready' && !!item.mediaId,
  );
  const captioned =
    text && text.length <= MAX_CAPTION_LENGTH
      ? ready.find((item) => CAPTIONED_KINDS.has(item.kind ?? ''))
      : undefined;
  const steps: ReplyStep[] = ready.map((attachment) =>
    attachment === captioned ? { type: 'media', attachment, caption: text } : { type: 'media', attachment },
  );
  if (text && !captioned) {
    steps.push({ type: 'text', text });
  }
  return steps;
}
