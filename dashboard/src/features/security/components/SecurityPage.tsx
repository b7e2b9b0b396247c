import { type ComponentType, useState } from 'react';
import { useCurrentUser } from '../../../lib/session';
import type { Role } from '../../../lib/types';
import { AuditSection } from './AuditSection';
import { RetentionSection } from './RetentionSection';
import { TokensSection } from './TokensSection';
import { TwoFactorSection } from './TwoFactorSection';
import { UsersSection } from './UsersSection';
import { useSecurityT } from './use-security-t';

const TABS = [
  { id: 'users', label: 'tabUsers', roles: ['admin'], component: UsersSection },
  { id: 'tokens', label: 'tabTokens', roles: ['admin'], component: TokensSection },
  { id: 'audit', label: 'tabAudit', roles: ['admin', 'auditor'], component: AuditSection },
  { id: 'retention', label: 'tabRetention', roles: ['admin', 'auditor'], component: RetentionSection },
  {
    id: 'two-factor',
    label: 'tabTwoFactor',
    roles: ['admin', 'supervisor', 'agent', 'auditor'],
    component: TwoFactorSection,
  },
] as const satisfies readonly {
  id: string;
  label: string;
  roles: readonly Role[];
  component: ComponentType;
}[];

/** Users, teams, tokens, the audit log, retention and two-factor sign-in: each tab for the roles it fits. */
export function SecurityPage() {
  const t = useSecurityT();
  const me = useCurrentUser();
  const tabs = TABS.filter((tab) => me && (tab.roles as readonly Role[]).includes(me.role));
  const [current, setCurrent] = useState<string>(tabs[0]?.id ?? 'two-factor');
  const active = tabs.find((tab) => tab.id === current) ?? tabs[0];
  return (
    <main className="sl-security">
      <h1>{t('title')}</h1>
      <div role="tablist" className="sl-security__tabs">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === active?.id}
            onClick={() => setCurrent(tab.id)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      <section role="tabpanel" aria-label={active ? t(active.label) : undefined}>
        {active ? <active.component /> : null}
      </section>
    </main>
  );
}
