import type { ActionDefinition } from '../lib/actions';

export const focusSearch: ActionDefinition = {
  name: 'focusSearch',
  label: 'actions.search',
  group: 'navigation',
  shortcut: '/',
  predicate: () => true,
  perform: ({ focus }) => focus('search'),
};
