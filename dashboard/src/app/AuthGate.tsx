import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from '../features/auth';
import { useMe } from '../lib/session';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Spinner } from '../ui/Spinner';

/** Renders its children only with a session; otherwise the login page. Applies the agent's language. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const language = me.data?.language;

  useEffect(() => {
    if (language && i18n.language !== language) {
      void i18n.changeLanguage(language);
    }
  }, [language, i18n]);

  if (me.isPending) {
    return (
      <div className="sl-splash">
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="sl-splash">
        <ErrorMessage>{t('app.offline')}</ErrorMessage>
        <Button onClick={() => void me.refetch()}>{t('app.retry')}</Button>
      </div>
    );
  }
  if (!me.data) {
    return <LoginPage />;
  }
  return <>{children}</>;
}
