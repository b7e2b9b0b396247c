/**
 * Every feature of the dashboard, in one list. A new capability (media viewer, analysis, admin screens,
 * analytics) is a folder under features/ exporting a FeatureDefinition, plus one line here.
 */
import { coreActions } from '../actions';
import { analysisFeature } from '../features/analysis';
import { analyticsFeature } from '../features/analytics';
import { authFeature } from '../features/auth';
import { cannedRepliesFeature } from '../features/canned-replies';
import { conversationFeature } from '../features/conversation';
import { inboxFeature } from '../features/inbox';
import { knowledgeFeature } from '../features/knowledge';
import { liveFeature } from '../features/live';
import { mediaFeature } from '../features/media';
import { phoneFeature } from '../features/phone';
import { routingFeature } from '../features/routing';
import { securityFeature } from '../features/security';
import { slaFeature } from '../features/sla';
import { surveysFeature } from '../features/surveys';
import { createRegistry, type FeatureDefinition } from '../lib/registry';
import { workspaceFeature } from './workspace-feature';

export const features: FeatureDefinition[] = [
  workspaceFeature,
  inboxFeature,
  conversationFeature,
  liveFeature,
  authFeature,
  phoneFeature,
  mediaFeature,
  analysisFeature,
  knowledgeFeature,
  cannedRepliesFeature,
  securityFeature,
  routingFeature,
  slaFeature,
  analyticsFeature,
  surveysFeature,
];

export const registry = createRegistry(features, [...coreActions]);
