import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';
import type { CannedReply, Language } from '../../lib/types';

export interface CannedReplyInput {
  shortcut: string;
  title: string;
  body: string;
  language: Language | null;
}

const path = (id: string) => `/canned-replies/${encodeURIComponent(id)}`;

/** Creates (no id) or changes a canned reply; the `/` menus of every composer refetch. */
export function useSaveCannedReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: CannedReplyInput }) =>
      (id
        ? api.patch<{ data: CannedReply }>(path(id), input)
        : api.post<{ data: CannedReply }>('/canned-replies', input)
      ).then((body) => body.data),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.cannedReplies }),
  });
}

export function useDeleteCannedReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del<void>(path(id)),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.cannedReplies }),
  });
}
