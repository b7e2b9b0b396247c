import { useTranslation } from 'react-i18next';
import type { ActionDefinition, ActionGroup } from '../lib/actions';
import { useRegistry } from '../lib/registry';
import { Dialog } from '../ui/Dialog';
import { Kbd } from '../ui/Kbd';

const GROUPS: ActionGroup[] = ['ticket', 'navigation', 'composer', 'general'];

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { actions } = useRegistry();
  const withShortcut = actions.filter((action): action is ActionDefinition & { shortcut: string } =>
    Boolean(action.shortcut),
  );
  return (
    <Dialog title={t('commands.shortcutsTitle')} closeLabel={t('app.close')} onClose={onClose}>
      {GROUPS.map((group) => {
        const items = withShortcut.filter((action) => action.group === group);
        if (items.length === 0) {
          return null;
        }
        return (
          <section key={group} className="sl-shortcut-group">
            <h3 className="sl-shortcut-group__title">{t(`commands.groups.${group}`)}</h3>
            <dl className="sl-shortcut-list">
              {items.map((action) => (
                <div key={action.name} className="sl-shortcut-row">
                  <dt>{t(action.label)}</dt>
                  <dd>
                    <Kbd shortcut={action.shortcut} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </Dialog>
  );
}
