import './media.css';
import type { FeatureDefinition } from '../../lib/registry';
import { MediaMessage } from './components/MediaMessage';

/** Inline media in the conversation: photos (zoom, rotate), video, audio and voice notes, documents. */
export const mediaFeature: FeatureDefinition = {
  id: 'media',
  messageRenderers: { media: MediaMessage },
};
