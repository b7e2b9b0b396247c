/** Canned replies as every agent reads them (the composer's `/` menu and the supervisors' screen). */
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import { queryKeys } from './query-keys';
import type { CannedReply } from './types';

export function fetchCannedReplies(signal?: AbortSignal): Promise<CannedReply[]> {
  return api.get<{ data: CannedReply[] }>('/canned-replies', signal).then((body) => body.data);
}

export function useCannedReplies(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.cannedReplies,
    queryFn: ({ signal }) => fetchCannedReplies(signal),
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  });
}
