import { useTranslation } from 'react-i18next';
import { type ActionDefinition, formatShortcut, runAction } from '../lib/actions';
import { Button, type ButtonProps } from '../ui/Button';
import { useActionContext } from './use-action-context';

export interface ActionButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  action: ActionDefinition;
  /** Hide the button (instead of disabling it) when the action does not apply. */
  hideWhenUnavailable?: boolean;
}

/** A button driven by an action: its label, its shortcut hint and its availability. */
export function ActionButton({ action, hideWhenUnavailable, ...rest }: ActionButtonProps) {
  const { t } = useTranslation();
  const context = useActionContext();
  const available = action.predicate(context);
  if (!available && hideWhenUnavailable) {
    return null;
  }
  const label = t(action.label);
  const hint = action.shortcut ? `${label} (${formatShortcut(action.shortcut).join(' ')})` : label;
  return (
    <Button
      {...rest}
      disabled={!available}
      title={hint}
      aria-keyshortcuts={action.shortcut?.replace('mod', 'Control')}
      onClick={() => void runAction(action, context)}
    >
      {label}
    </Button>
  );
}
