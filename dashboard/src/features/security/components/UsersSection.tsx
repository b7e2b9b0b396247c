import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Role } from '../../../lib/types';
import { Button } from '../../../ui/Button';
import { securityApi } from '../api';
import { useSecurityAction } from './use-security-action';
import { useSecurityT } from './use-security-t';

const ROLES: Role[] = ['admin', 'supervisor', 'agent', 'auditor'];
const USERS = ['security', 'users'] as const;

/** Users with their role and teams (changes are audited on the server), and new teams. */
export function UsersSection() {
  const t = useSecurityT();
  const users = useQuery({
    queryKey: USERS,
    queryFn: async () => ({ users: await securityApi.users(), teams: await securityApi.teams() }),
  });
  const update = useSecurityAction(
    USERS,
    (input: { id: string; role?: Role; disabled?: boolean; teamIds?: string[] }) => {
      const { id, ...patch } = input;
      return securityApi.updateUser(id, patch);
    },
  );
  const createUser = useSecurityAction(USERS, securityApi.createUser);
  const createTeam = useSecurityAction(USERS, securityApi.createTeam);
  const [draft, setDraft] = useState({ email: '', name: '', role: 'agent' as Role, password: '' });
  const [team, setTeam] = useState('');
  const teams = users.data?.teams ?? [];

  const submitUser = (event: FormEvent) => {
    event.preventDefault();
    createUser.mutate(
      { ...draft, teamIds: [] },
      { onSuccess: () => setDraft({ ...draft, email: '', name: '', password: '' }) },
    );
  };
  return (
    <div className="sl-security__stack">
      <table className="sl-security__table">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('email')}</th>
            <th>{t('role')}</th>
            <th>{t('teams')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users.data?.users ?? []).map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>
                <select
                  aria-label={`${t('role')} ${user.name}`}
                  value={user.role}
                  onChange={(e) => update.mutate({ id: user.id, role: e.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`role_${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {teams.map((item) => (
                  <label key={item.id} className="sl-security__check">
                    <input
                      type="checkbox"
                      checked={user.teamIds.includes(item.id)}
                      onChange={(e) =>
                        update.mutate({
                          id: user.id,
                          teamIds: e.target.checked
                            ? [...user.teamIds, item.id]
                            : user.teamIds.filter((id) => id !== item.id),
                        })
                      }
                    />
                    {item.name}
                  </label>
                ))}
              </td>
              <td>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => update.mutate({ id: user.id, disabled: true })}
                >
                  {t('disable')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="sl-security__form" onSubmit={submitUser}>
        <input
          aria-label={t('name')}
          placeholder={t('name')}
          required
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <input
          aria-label={t('email')}
          placeholder={t('email')}
          type="email"
          required
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
        />
        <select
          aria-label={t('role')}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role_${role}`)}
            </option>
          ))}
        </select>
        <input
          aria-label={t('password')}
          placeholder={t('password')}
          type="password"
          minLength={12}
          required
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
        />
        <Button type="submit" variant="primary">
          {t('addUser')}
        </Button>
      </form>
      <form
        className="sl-security__form"
        onSubmit={(event) => {
          event.preventDefault();
          createTeam.mutate(team, { onSuccess: () => setTeam('') });
        }}
      >
        <input
          aria-label={t('newTeam')}
          placeholder={t('newTeam')}
          required
          value={team}
          onChange={(e) => setTeam(e.target.value)}
        />
        <Button type="submit">{t('addTeam')}</Button>
      </form>
    </div>
  );
}
