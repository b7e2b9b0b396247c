/** What dashboards and in-process reactors hear about. Ids only: listeners read what they need. */
export type DomainEvent =
  | { type: 'ticket.created'; ticketId: string }
  | { type: 'ticket.updated'; ticketId: string }
  | { type: 'message.created'; ticketId: string; messageId: string }
  | { type: 'message.updated'; ticketId: string; messageId: string }
  /** An attachment was stored (or quarantined); the analysis module reacts to it. */
  | { type: 'media.stored'; ticketId: string; messageId: string; mediaId: string }
  /** A user has a new in-app notification (SLA warnings and breaches). */
  | { type: 'notification.created'; userId: string };

export type EventListener = (event: DomainEvent) => void;

/** Fan-out of domain events to every process; published after the transaction that caused them commits. */
export interface EventBus {
  publish(events: readonly DomainEvent[]): Promise<void>;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

/** Shared by the adapters: the local listener set. */
export function createListenerSet() {
  const listeners = new Set<EventListener>();
  return {
    add(listener: EventListener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(event: DomainEvent) {
      for (const listener of listeners) {
        listener(event);
      }
    },
  };
}
