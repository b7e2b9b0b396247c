import { describe, expect, it } from 'vitest';
import type { ComposerAttachment } from '../../lib/registry';
import { planReply } from './reply-plan';

const item = (kind: string, status: ComposerAttachment['status'] = 'ready'): ComposerAttachment => ({
  key: kind,
  filename: `${kind}.bin`,
  size: 1,
  status,
  mediaId: status === 'ready' ? `med_${kind}` : null,
  kind,
  idempotencyKey: `k_${kind}`,
});

const summary = (text: string, attachments: ComposerAttachment[]) =>
  planReply(text, attachments).map((step) =>
    step.type === 'text'
      ? `text:${step.text}`
      : `${step.attachment.kind}${step.caption ? `+${step.caption}` : ''}`,
  );

describe('planReply', () => {
  it.each([
    ['text on the first photo', 'hi', [item('image'), item('document')], ['image+hi', 'document']],
    ['text on the document after audio', 'hi', [item('audio'), item('document')], ['audio', 'document+hi']],
    ['audio alone: the text follows', 'hi', [item('audio')], ['audio', 'text:hi']],
    ['no text', '', [item('video')], ['video']],
    ['uploads still running are left out', 'hi', [item('image', 'uploading')], ['text:hi']],
    [
      'a text too long for a caption follows',
      'x'.repeat(1025),
      [item('image')],
      ['image', `text:${'x'.repeat(1025)}`],
    ],
  ])('%s', (_name, text, attachments, expected) => {
    expect(summary(text, attachments)).toEqual(expected);
  });
});
