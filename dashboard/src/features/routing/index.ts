import './routing.css';
import type { FeatureDefinition } from '../../lib/registry';
import { PresenceSwitch } from './components/PresenceSwitch';
import { RoutingLink } from './components/RoutingLink';
import { RoutingPage } from './components/RoutingPage';
import { escalate } from './escalate';

/**
 * Routing: the agent's presence switch in the header; for admins and supervisors, the routing screen
 * (rules with a dry-run tester, teams with strategy, offline policy and members); the escalate command.
 */
export const routingFeature: FeatureDefinition = {
  id: 'routing',
  routes: [{ path: '/routing', component: RoutingPage, roles: ['admin', 'supervisor'] }],
  headerItems: [
    { id: 'routing-link', order: 20, component: RoutingLink },
    { id: 'presence', order: 30, component: PresenceSwitch },
  ],
  actions: [escalate],
};
