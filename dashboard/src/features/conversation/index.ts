import './conversation.css';
import type { FeatureDefinition } from '../../lib/registry';
import { CustomerProfile } from './components/CustomerProfile';
import { PreviousTickets } from './components/PreviousTickets';
import { TicketProperties } from './components/TicketProperties';

export { ConversationPane } from './components/ConversationPane';

export const conversationFeature: FeatureDefinition = {
  id: 'conversation',
  ticketPanels: [
    { id: 'customer', title: 'customer.title', order: 10, component: CustomerProfile },
    { id: 'properties', title: 'ticket.properties', order: 20, component: TicketProperties },
    { id: 'previous', title: 'customer.previous', order: 30, component: PreviousTickets },
  ],
};
