import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { onUnauthenticated } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';
import { type Registry, RegistryProvider } from '../lib/registry';

interface ProvidersProps {
  client: QueryClient;
  i18n: I18n;
  registry: Registry;
  children: ReactNode;
}

export function Providers({ client, i18n, registry, children }: ProvidersProps) {
  useEffect(
    () =>
      // Any 401 means the session is gone: drop cached data and show the login page.
      onUnauthenticated(() => {
        void client.cancelQueries();
        client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
        client.setQueryData(queryKeys.me, null);
      }),
    [client],
  );
  return (
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <RegistryProvider value={registry}>{children}</RegistryProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
