import { createListenerSet, type EventBus } from './event-bus.ts';

/** One process (embedded mode): events go straight to local listeners. */
export function createMemoryEventBus(): EventBus {
  const listeners = createListenerSet();
  return {
    async publish(events) {
      for (const event of events) {
        listeners.emit(event);
      }
    },
    subscribe: listeners.add,
    async close() {},
  };
}
