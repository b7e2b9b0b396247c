import type { ActionDefinition } from '../lib/actions';

export const showShortcuts: ActionDefinition = {
  name: 'showShortcuts',
  label: 'actions.help',
  group: 'general',
  shortcut: '?',
  predicate: () => true,
  perform: ({ openDialog }) => openDialog('shortcuts'),
};
