import './security.css';
import type { FeatureDefinition } from '../../lib/registry';
import { CustomerDataPanel } from './components/CustomerDataPanel';
import { SecurityLink } from './components/SecurityLink';
import { SecurityPage } from './components/SecurityPage';

/**
 * Security and administration: users, teams, API tokens, the audit log, retention, two-factor sign-in
 * (/security), and a customer-data panel on tickets (export and erase).
 */
export const securityFeature: FeatureDefinition = {
  id: 'security',
  routes: [{ path: '/security', component: SecurityPage }],
  headerItems: [{ id: 'security', order: 90, component: SecurityLink }],
  ticketPanels: [
    { id: 'customer-data', title: 'security:customerData', order: 90, component: CustomerDataPanel },
  ],
};
