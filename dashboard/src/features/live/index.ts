import './live.css';
import type { FeatureDefinition } from '../../lib/registry';
import { LiveIndicator } from './components/LiveIndicator';

export const liveFeature: FeatureDefinition = {
  id: 'live',
  headerItems: [{ id: 'live', order: 10, component: LiveIndicator }],
};
