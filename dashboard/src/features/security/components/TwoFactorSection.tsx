import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { notify } from '../../../lib/toast';
import { Button } from '../../../ui/Button';
import { securityApi } from '../api';
import { useSecurityT } from './use-security-t';

/** TOTP enrolment: show the key and its otpauth:// link, then confirm with a code from the app. */
export function TwoFactorSection() {
  const t = useSecurityT();
  const [code, setCode] = useState('');
  const [enabled, setEnabled] = useState(false);
  const begin = useMutation({ mutationFn: securityApi.beginTotp, onError: (e: Error) => notify(e.message) });
  const confirm = useMutation({
    mutationFn: securityApi.confirmTotp,
    onSuccess: () => setEnabled(true),
    onError: (e: Error) => notify(e.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code);
  };
  if (enabled) {
    return <p role="status">{t('twoFactorOn')}</p>;
  }
  return (
    <div className="sl-security__stack">
      {begin.data ? (
        <form className="sl-security__form sl-security__form--column" onSubmit={submit}>
          <p>{t('enrolHelp')}</p>
          <p>
            {t('secret')}: <code data-testid="totp-secret">{begin.data.secret}</code>
          </p>
          <a href={begin.data.uri}>{begin.data.uri}</a>
          <input
            aria-label={t('code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="submit" variant="primary">
            {t('confirm')}
          </Button>
        </form>
      ) : (
        <Button variant="primary" onClick={() => begin.mutate()}>
          {t('enrol')}
        </Button>
      )}
    </div>
  );
}
