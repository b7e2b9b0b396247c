import { useTranslation } from 'react-i18next';
import type { CannedMenu } from '../hooks/use-canned-menu';

/** The suggestions above the composer; the textarea keeps focus and points at the active one. */
export function CannedReplyMenu({ menu }: { menu: CannedMenu }) {
  const { t } = useTranslation();
  if (!menu.isOpen) {
    return null;
  }
  if (menu.items.length === 0) {
    return (
      <p className="sl-popover sl-canned sl-text--muted" role="status">
        {t('canned.noMatch', { query: menu.query })}
      </p>
    );
  }
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: listbox of the textarea's autocomplete; focus stays in the textarea (aria-activedescendant)
    <ul id={menu.listId} role="listbox" aria-label={t('canned.list')} className="sl-popover sl-canned">
      {menu.items.map((reply, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens in the textarea
        // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant, not focus
        <li
          key={reply.id}
          id={menu.optionId(index)}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: listbox option of the autocomplete
          role="option"
          aria-selected={index === menu.activeIndex}
          className="sl-menu-item"
          // Keep the caret in the textarea, so the inserted text lands where the agent was typing.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => menu.insert(reply)}
        >
          <span className="sl-canned__shortcut">/{reply.shortcut}</span>
          <span>{reply.title}</span>
        </li>
      ))}
    </ul>
  );
}
