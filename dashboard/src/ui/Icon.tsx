import { ICON_PATHS, type IconName } from './icons';

export type { IconName };

/** A stroke icon; decorative unless a title is given. */
export function Icon({ name, className, title }: { name: IconName; className?: string; title?: string }) {
  const common = {
    className: `sl-icon ${className ?? ''}`,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.8,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    focusable: 'false' as const,
  };
  if (title) {
    return (
      <svg {...common} role="img">
        <title>{title}</title>
        <path d={ICON_PATHS[name]} />
      </svg>
    );
  }
  return (
    <svg {...common} aria-hidden="true">
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}
