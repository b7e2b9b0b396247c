import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialogs, ShortcutListener } from '../actions';
import { useRegistry } from '../lib/registry';
import { navigate, useLocation } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { DOM_IDS, openDialogAtom } from '../lib/workspace-state';
import { IconButton } from '../ui/IconButton';
import { Toaster } from '../ui/Toaster';

/** Header with brand, feature navigation and header items; the main landmark; global keyboard layer. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { nav, headerItems } = useRegistry();
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const entries = nav.filter((entry) => !entry.roles || (me && entry.roles.includes(me.role)));
  return (
    <div className="sl-shell">
      <a className="sl-skip-link" href={`#${DOM_IDS.main}`}>
        {t('app.skipToContent')}
      </a>
      <header className="sl-header">
        <a
          className="sl-header__brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate('/');
          }}
        >
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>Sightline</span>
        </a>
        <nav className="sl-header__nav" aria-label={t('nav.main')}>
          <ul>
            {entries.map((entry) => (
              <li key={entry.id}>
                <a
                  href={entry.to}
                  aria-current={pathname.startsWith(entry.match) ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(entry.to);
                  }}
                >
                  {t(entry.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sl-header__items">
          {headerItems.map((item) => (
            <item.component key={item.id} />
          ))}
          <IconButton
            icon="keyboard"
            label={t('actions.help')}
            className="sl-header__icon"
            onClick={() => openDialogAtom.set('shortcuts')}
          />
          <IconButton
            icon="command"
            label={t('actions.commands')}
            className="sl-header__icon"
            onClick={() => openDialogAtom.set('commands')}
          />
        </div>
      </header>
      <main id={DOM_IDS.main} className="sl-main" tabIndex={-1}>
        {children}
      </main>
      <ShortcutListener />
      <ActionDialogs />
      <Toaster closeLabel={t('app.close')} />
    </div>
  );
}
