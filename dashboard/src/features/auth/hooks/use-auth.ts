import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../lib/query-keys';
import type { Language, User } from '../../../lib/types';
import { login, logout, updateProfile } from '../api';

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password, totp }: { email: string; password: string; totp?: string }) =>
      login(email, password, totp),
    onSuccess: (user) => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      client.setQueryData(queryKeys.me, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      client.clear();
      client.setQueryData(queryKeys.me, null);
    },
  });
}

/** Switch the UI language at once, then persist it on the profile. */
export function useChangeLanguage() {
  const client = useQueryClient();
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: (language: Language) => {
      void i18n.changeLanguage(language);
      return updateProfile({ language });
    },
    onSuccess: (user) => client.setQueryData<User>(queryKeys.me, user),
  });
}
