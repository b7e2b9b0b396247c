import type { ActionDefinition } from '../lib/actions';

export const focusReply: ActionDefinition = {
  name: 'focusReply',
  label: 'actions.focusReply',
  group: 'composer',
  shortcut: 'r',
  predicate: ({ ticket }) => ticket !== null,
  perform: ({ setComposerMode, focus }) => {
    setComposerMode('reply');
    focus('composer');
  },
};
