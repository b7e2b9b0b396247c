import './media.css';
import type { FeatureDefinition } from '../../lib/registry';
import { AttachmentDropZone } from './components/AttachmentDropZone';
import { MediaMessage } from './components/MediaMessage';

/**
 * Inline media in the conversation: photos (zoom, rotate), video, audio and voice notes, documents; and
 * agents' attachments on replies (drag-and-drop or the file picker).
 */
export const mediaFeature: FeatureDefinition = {
  id: 'media',
  messageRenderers: { media: MediaMessage },
  composerAttachments: AttachmentDropZone,
};
