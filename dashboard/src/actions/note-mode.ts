import type { ActionDefinition } from '../lib/actions';

export const noteMode: ActionDefinition = {
  name: 'noteMode',
  label: 'actions.noteMode',
  group: 'composer',
  shortcut: 'n',
  predicate: ({ ticket }) => ticket !== null,
  perform: ({ setComposerMode, focus }) => {
    setComposerMode('note');
    focus('composer');
  },
};
