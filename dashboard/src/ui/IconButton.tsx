import type { ButtonHTMLAttributes, Ref } from 'react';
import { Icon, type IconName } from './Icon';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  icon: IconName;
  /** Accessible name; also the tooltip. */
  label: string;
  variant?: 'ghost' | 'secondary';
  mirrored?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function IconButton({
  icon,
  label,
  variant = 'ghost',
  mirrored,
  className,
  type = 'button',
  ...rest
}: IconButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      title={label}
      className={`sl-button sl-button--${variant} sl-icon-button ${className ?? ''}`}
      {...rest}
    >
      <Icon name={icon} className={mirrored ? 'sl-mirror' : undefined} />
    </button>
  );
}
