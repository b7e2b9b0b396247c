import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFormatters } from '../../../lib/format';
import type { Role } from '../../../lib/types';
import { Button } from '../../../ui/Button';
import { securityApi } from '../api';
import { useSecurityAction } from './use-security-action';
import { useSecurityT } from './use-security-t';

const TOKENS = ['security', 'tokens'] as const;
const DAY = 86_400_000;

/** API tokens: prefix, role, last use, expiry; create (secret shown once) and revoke. */
export function TokensSection() {
  const t = useSecurityT();
  const format = useFormatters();
  const tokens = useQuery({ queryKey: TOKENS, queryFn: securityApi.tokens });
  const [draft, setDraft] = useState({ name: '', role: 'agent' as Role, days: '', readOnly: false });
  const [secret, setSecret] = useState<string | null>(null);
  const create = useSecurityAction(TOKENS, securityApi.createToken);
  const revoke = useSecurityAction(TOKENS, securityApi.revokeToken);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: draft.name,
        role: draft.role,
        ...(draft.readOnly ? { permissions: ['tickets.read'] } : {}),
        ...(draft.days ? { expiresAt: Date.now() + Number(draft.days) * DAY } : {}),
      },
      { onSuccess: (result) => setSecret(result.token) },
    );
  };
  return (
    <div className="sl-security__stack">
      {secret ? (
        <p className="sl-security__secret">
          {t('tokenCreated')} <code>{secret}</code>
        </p>
      ) : null}
      <form className="sl-security__form" onSubmit={submit}>
        <input
          aria-label={t('tokenName')}
          placeholder={t('tokenName')}
          required
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <select
          aria-label={t('role')}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
        >
          {(['admin', 'supervisor', 'agent', 'auditor'] as const).map((role) => (
            <option key={role} value={role}>
              {t(`role_${role}`)}
            </option>
          ))}
        </select>
        <input
          aria-label={t('expiresInDays')}
          placeholder={t('expiresInDays')}
          type="number"
          min={1}
          value={draft.days}
          onChange={(e) => setDraft({ ...draft, days: e.target.value })}
        />
        <label className="sl-security__check">
          <input
            type="checkbox"
            checked={draft.readOnly}
            onChange={(e) => setDraft({ ...draft, readOnly: e.target.checked })}
          />
          {t('readOnly')}
        </label>
        <Button type="submit" variant="primary">
          {t('createToken')}
        </Button>
      </form>
      <table className="sl-security__table">
        <thead>
          <tr>
            <th>{t('tokenName')}</th>
            <th>{t('prefix')}</th>
            <th>{t('role')}</th>
            <th>{t('lastUsed')}</th>
            <th>{t('expires')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(tokens.data ?? []).map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{t(`role_${token.role}`)}</td>
              <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('never')}</td>
              <td>{token.expiresAt ? format.dateTime(token.expiresAt) : t('never')}</td>
              <td>
                {token.revokedAt ? (
                  t('revoked')
                ) : (
                  <Button size="sm" variant="danger" onClick={() => revoke.mutate(token.id)}>
                    {t('revoke')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
