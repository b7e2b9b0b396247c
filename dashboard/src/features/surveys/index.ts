import type { FeatureDefinition } from '../../lib/registry';
import { SURVEYS_NS, SURVEYS_STRINGS } from './strings';
import { SurveyEvent } from './timeline';

/** CSAT surveys on the ticket timeline: the customer's score, low scores to follow up, skipped surveys. */
export const surveysFeature: FeatureDefinition = {
  id: 'surveys',
  strings: { namespace: SURVEYS_NS, resources: SURVEYS_STRINGS },
  eventRenderers: { csat_answered: SurveyEvent, csat_low: SurveyEvent, csat_skipped: SurveyEvent },
};
