import './sla.css';
import type { FeatureDefinition } from '../../lib/registry';
import { NotificationsBell } from './components/NotificationsBell';
import { SlaBadge } from './components/SlaBadge';
import { SlaQueuePage } from './components/SlaQueuePage';
import { SlaSettingsPage } from './components/SlaSettingsPage';
import { SLA_NS, SLA_STRINGS } from './strings';
import { SlaEvent } from './timeline';

/**
 * SLA: countdown badges on inbox rows and the conversation header, the at-risk and breached queues,
 * the notifications bell, and the admin screens for policies and business-hours calendars.
 */
export const slaFeature: FeatureDefinition = {
  id: 'sla',
  strings: { namespace: SLA_NS, resources: SLA_STRINGS },
  routes: [
    { path: '/sla/settings', component: SlaSettingsPage, roles: ['admin', 'supervisor'] },
    { path: '/sla/:view', component: SlaQueuePage },
  ],
  nav: [
    { id: 'sla', label: 'sla:nav', to: '/sla/at-risk', match: '/sla/', order: 30 },
    {
      id: 'sla-settings',
      label: 'sla:settings',
      to: '/sla/settings',
      match: '/sla/settings',
      order: 90,
      roles: ['admin', 'supervisor'],
    },
  ],
  headerItems: [{ id: 'notifications', order: 5, component: NotificationsBell }],
  ticketBadges: [{ id: 'sla', order: 10, component: SlaBadge }],
  eventRenderers: { sla_warning: SlaEvent, sla_breached: SlaEvent },
};
