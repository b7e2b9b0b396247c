import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failures, error) => {
          // Client errors will not fix themselves; network blips and 5xx get two more tries.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
            return false;
          }
          return failures < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
