import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { API_BASE } from '../../../lib/api-client';
import { liveStatusAtom } from '../../../lib/workspace-state';
import { connectLive } from '../live-events';

/** Keep the query cache in step with the server while signed in. */
export function useLiveUpdates(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      liveStatusAtom.set('off');
      return undefined;
    }
    const disconnect = connectLive({
      url: `${API_BASE}/events/stream`,
      client,
      onStatus: (status) => liveStatusAtom.set(status),
    });
    return () => {
      disconnect();
      liveStatusAtom.set('off');
    };
  }, [client, enabled]);
}
