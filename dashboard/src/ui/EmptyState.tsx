import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="sl-empty">
      <p className="sl-empty__title">{title}</p>
      {children}
    </div>
  );
}
