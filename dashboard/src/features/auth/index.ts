import './auth.css';
import type { FeatureDefinition } from '../../lib/registry';
import { ProfileMenu } from './components/ProfileMenu';

export { LoginPage } from './components/LoginPage';

export const authFeature: FeatureDefinition = {
  id: 'auth',
  headerItems: [{ id: 'profile', order: 100, component: ProfileMenu }],
};
