import './phone.css';
import type { FeatureDefinition } from '../../lib/registry';
import { PhonePage } from './components/PhonePage';

export const phoneFeature: FeatureDefinition = {
  id: 'phone',
  routes: [{ path: '/phone', component: PhonePage, isPublic: true }],
};
