import './canned-replies.css';
import type { FeatureDefinition } from '../../lib/registry';
import { CannedRepliesPage } from './components/CannedRepliesPage';

const EDITORS = ['admin', 'supervisor'] as const;

/** Supervisors keep the team's canned replies; agents use them through `/` in the composer. */
export const cannedRepliesFeature: FeatureDefinition = {
  id: 'canned-replies',
  routes: [{ path: '/settings/canned-replies', component: CannedRepliesPage, roles: [...EDITORS] }],
  nav: [
    {
      id: 'canned-replies',
      label: 'nav.cannedReplies',
      to: '/settings/canned-replies',
      match: '/settings/canned-replies',
      order: 50,
      roles: [...EDITORS],
    },
  ],
};
