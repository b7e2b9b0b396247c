import './inbox.css';
import type { FeatureDefinition } from '../../lib/registry';

export { InboxPane } from './components/InboxPane';

export const inboxFeature: FeatureDefinition = {
  id: 'inbox',
  nav: [{ id: 'inbox', label: 'nav.inbox', to: '/inbox/mine', match: '/inbox', order: 10 }],
};
