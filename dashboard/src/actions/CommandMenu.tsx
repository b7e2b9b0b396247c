import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionDefinition, runAction } from '../lib/actions';
import { useRegistry } from '../lib/registry';
import { Dialog } from '../ui/Dialog';
import { Kbd } from '../ui/Kbd';
import { useActionContext } from './use-action-context';

/** Every available action, searchable: the third surface of the actions registry. */
export function CommandMenu({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { actions } = useRegistry();
  const context = useActionContext();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();

  const matches = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    return actions.filter(
      (action) =>
        action.name !== 'openCommandMenu' &&
        action.predicate(context) &&
        (!needle || t(action.label).toLocaleLowerCase().includes(needle)),
    );
  }, [actions, context, query, t]);

  const run = (action: ActionDefinition | undefined) => {
    if (!action) {
      return;
    }
    onClose();
    void runAction(action, context);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(matches[active]);
    }
  };

  const activeId = matches[active] ? `${listId}-${active}` : undefined;
  return (
    <Dialog title={t('commands.title')} closeLabel={t('app.close')} onClose={onClose}>
      <input
        data-autofocus
        className="sl-input sl-command-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-label={t('commands.placeholder')}
        placeholder={t('commands.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA combobox pattern; focus stays in the input (aria-activedescendant) */}
      <ul id={listId} role="listbox" className="sl-command-list" aria-label={t('commands.title')}>
        {matches.map((action, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens in the combobox input
          // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant, not focus
          <li
            key={action.name}
            id={`${listId}-${index}`}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: listbox option of the combobox
            role="option"
            aria-selected={index === active}
            className="sl-menu-item"
            onMouseEnter={() => setActive(index)}
            onClick={() => run(action)}
          >
            <span className="sl-command-label">{t(action.label)}</span>
            {action.shortcut ? <Kbd shortcut={action.shortcut} /> : null}
          </li>
        ))}
      </ul>
      {matches.length === 0 ? <p className="sl-command-empty">{t('commands.empty')}</p> : null}
    </Dialog>
  );
}
