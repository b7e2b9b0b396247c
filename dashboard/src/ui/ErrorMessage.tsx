import type { ReactNode } from 'react';

export function ErrorMessage({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="sl-alert">
      {children}
    </div>
  );
}
