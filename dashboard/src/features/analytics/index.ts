import './analytics.css';
import type { FeatureDefinition } from '../../lib/registry';
import { AnalyticsLink } from './components/AnalyticsLink';
import { AnalyticsPage } from './components/AnalyticsPage';

export const analyticsFeature: FeatureDefinition = {
  id: 'analytics',
  routes: [{ path: '/analytics', component: AnalyticsPage, roles: ['admin', 'supervisor'] }],
  headerItems: [{ id: 'analytics', order: 5, component: AnalyticsLink }],
};
