import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useLogin } from '../hooks/use-auth';
import { LanguagePicker } from './LanguagePicker';

const SECOND_FACTOR = new Set(['auth.totp_required', 'auth.totp_invalid']);

function errorKey(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.reason === 'auth.totp_invalid') {
      return 'auth.totpInvalid';
    }
    if (error.status === 401 || error.status === 400) {
      return 'auth.invalid';
    }
    if (error.status === 429) {
      return 'auth.rateLimited';
    }
    if (error.kind === 'network') {
      return 'app.offline';
    }
  }
  return 'auth.failed';
}

export function LoginPage() {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  // Asked for once the server says this account has a second factor.
  const [needsCode, setNeedsCode] = useState(false);
  const error = loginMutation.error;
  if (!needsCode && error instanceof ApiError && SECOND_FACTOR.has(error.reason)) {
    setNeedsCode(true);
  }
  const showError =
    loginMutation.isError && !(error instanceof ApiError && error.reason === 'auth.totp_required');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    loginMutation.mutate({ email: email.trim(), password, ...(needsCode ? { totp: totp.trim() } : {}) });
  };

  return (
    <main className="sl-login" id="sl-main">
      <div className="sl-login__card">
        <div className="sl-login__brand">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span>Sightline</span>
        </div>
        <h1 className="sl-login__title">{t('auth.title')}</h1>
        <p className="sl-login__subtitle">{t('auth.subtitle')}</p>
        <form className="sl-login__form" onSubmit={onSubmit} noValidate>
          <div className="sl-field">
            <label className="sl-label" htmlFor="sl-login-email">
              {t('auth.email')}
            </label>
            <input
              id="sl-login-email"
              className="sl-input"
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="sl-field">
            <label className="sl-label" htmlFor="sl-login-password">
              {t('auth.password')}
            </label>
            <input
              id="sl-login-password"
              className="sl-input"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          {needsCode ? (
            <div className="sl-field">
              <label className="sl-label" htmlFor="sl-login-totp">
                {t('auth.totp')}
              </label>
              <input
                id="sl-login-totp"
                className="sl-input"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={totp}
                onChange={(event) => setTotp(event.target.value)}
              />
            </div>
          ) : null}
          {showError ? <ErrorMessage>{t(errorKey(loginMutation.error))}</ErrorMessage> : null}
          <Button type="submit" variant="primary" disabled={loginMutation.isPending || !email || !password}>
            {loginMutation.isPending ? t('auth.submitting') : t('auth.submit')}
          </Button>
        </form>
        <div className="sl-login__footer">
          <LanguagePicker />
        </div>
      </div>
    </main>
  );
}
