import './analysis.css';
import type { FeatureDefinition } from '../../lib/registry';
import { AnalysisAside } from './components/AnalysisAside';
import { DuplicateEvent, UnusableEvent } from './components/AnalysisEvents';

/**
 * Local media analysis beside each photo, video and voice note: verdict, quality and tamper flags, the
 * ticket a re-used photo came from; and the analysis events on the timeline.
 */
export const analysisFeature: FeatureDefinition = {
  id: 'analysis',
  mediaAsides: [AnalysisAside],
  eventRenderers: { media_unusable: UnusableEvent, media_duplicate: DuplicateEvent },
};
