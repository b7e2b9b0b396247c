import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'accent' | 'danger' | 'warning' | 'info' | 'outline';

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`sl-badge${tone === 'neutral' ? '' : ` sl-badge--${tone}`}`} title={title}>
      {children}
    </span>
  );
}
