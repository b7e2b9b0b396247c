import type { ActionDefinition } from '../lib/actions';

export const openCommandMenu: ActionDefinition = {
  name: 'openCommandMenu',
  label: 'actions.commands',
  group: 'general',
  shortcut: 'mod+k',
  allowInFields: true,
  predicate: () => true,
  perform: ({ openDialog }) => openDialog('commands'),
};
