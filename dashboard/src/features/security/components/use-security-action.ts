import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notify } from '../../../lib/toast';

/** A mutation that refetches `key` on success and reports failures as a toast. */
export function useSecurityAction<I, O>(key: readonly unknown[], run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
    onError: (error: Error) => notify(error.message),
  });
}
