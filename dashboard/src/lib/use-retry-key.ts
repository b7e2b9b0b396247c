import { useMemo, useRef } from 'react';
import { newIdempotencyKey } from './ids';

/**
 * Idempotency keys for sends: the same payload retried after a failure keeps its key, so the server never
 * sends it twice; a changed payload gets a new one. `clear()` after a success.
 */
export function useRetryKey() {
  const pending = useRef<{ payload: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(payload: string): string {
        if (pending.current?.payload !== payload) {
          pending.current = { payload, key: newIdempotencyKey() };
        }
        return pending.current.key;
      },
      clear(): void {
        pending.current = null;
      },
    }),
    [],
  );
}
