import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../lib/session';
import { Avatar } from '../../../ui/Avatar';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';
import { useDismiss } from '../../../ui/use-dismiss';
import { useChangeLanguage, useLogout } from '../hooks/use-auth';
import { LanguagePicker } from './LanguagePicker';

export function ProfileMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, panelRef, close, triggerRef);
  const changeLanguage = useChangeLanguage();
  const logoutMutation = useLogout();

  if (!me) {
    return null;
  }
  return (
    <div className="sl-profile">
      <button
        ref={triggerRef}
        type="button"
        className="sl-profile__trigger"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('auth.profile')}
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar name={me.name || me.email} seed={me.id} size={28} />
        <span className="sl-profile__name">{me.name || me.email}</span>
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label={t('auth.profile')}
          className="sl-popover sl-profile__panel"
        >
          <div className="sl-profile__who">
            <strong>{me.name}</strong>
            <span>{me.email}</span>
            <span className="sl-profile__role">{t(`auth.roles.${me.role}`)}</span>
          </div>
          <LanguagePicker onChange={(language) => changeLanguage.mutate(language)} />
          {changeLanguage.isError ? <p className="sl-profile__error">{t('auth.languageFailed')}</p> : null}
          <Button
            variant="ghost"
            className="sl-profile__logout"
            disabled={logoutMutation.isPending}
            onClick={() => logoutMutation.mutate()}
          >
            <Icon name="logout" className="sl-mirror" />
            {t('auth.logout')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
