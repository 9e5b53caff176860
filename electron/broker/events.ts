import type { EventName, EventPayload } from '../../shared/contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

interface Subscription {
  listener: EventListener;
  connectionId: number | null;
}

/** The broker's event fan-out: every transport subscribes once per connection. */
export class BrokerEvents {
  private readonly subscriptions = new Set<Subscription>();

  /** `connectionId` lets targeted events (a shell's output) reach only the clients attached to it. */
  subscribe(listener: EventListener, connectionId: number | null = null): () => void {
    const subscription = { listener, connectionId };
    this.subscriptions.add(subscription);
    return () => this.subscriptions.delete(subscription);
  }

  /** To everyone, or only to the given connections. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>, only?: ReadonlySet<number>): void {
    for (const { listener, connectionId } of this.subscriptions) {
      if (only !== undefined && (connectionId === null || !only.has(connectionId))) continue;
      try {
        listener(event, payload);
      } catch {
        // One broken client must not stop the others from hearing the event.
      }
    }
  }
}
