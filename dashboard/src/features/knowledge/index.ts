import './knowledge.css';
import type { FeatureDefinition } from '../../lib/registry';
import { KnowledgePage } from './components/KnowledgePage';
import { MediaTextPanel } from './components/MediaTextPanel';
import { SuggestionsPanel } from './components/SuggestionsPanel';
import { KnowledgeStrings } from './use-knowledge-t';

/**
 * Text read from customers' media (codes highlighted, card numbers masked, transcripts), the ticket's
 * category with suggested articles sent in one click, and the knowledge-base editor.
 */
export const knowledgeFeature: FeatureDefinition = {
  id: 'knowledge',
  routes: [{ path: '/knowledge', component: KnowledgePage }],
  nav: [{ id: 'knowledge', label: 'knowledge:nav', to: '/knowledge', match: '/knowledge', order: 40 }],
  ticketPanels: [
    { id: 'knowledge', title: 'knowledge:panel', order: 15, component: SuggestionsPanel },
    { id: 'media-text', title: 'knowledge:mediaPanel', order: 16, component: MediaTextPanel },
  ],
  headerItems: [{ id: 'knowledge-strings', order: 0, component: KnowledgeStrings }],
};
