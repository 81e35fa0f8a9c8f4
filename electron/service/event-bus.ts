/**
 * The service's event bus, typed on the contract's events. A listener that throws is
 * reported and skipped: one broken subscriber (a closed window, a dropped socket) must not
 * stop the others from hearing about a check-in.
 */
import type { EventName, EventPayload } from '../../common/contract';
import type { StationEventBus } from '../service-contract';

type AnyListener = (payload: unknown) => void;

export function createEventBus(onListenerError: (event: EventName, error: unknown) => void = logListenerError): StationEventBus {
  const listeners = new Map<EventName, Set<AnyListener>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      // A distinct wrapper per call, so the same function subscribed twice unsubscribes twice.
      const entry: AnyListener = (payload) => listener(payload as EventPayload<typeof event>);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      // Copied first: a listener may unsubscribe (or subscribe) while we deliver.
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          onListenerError(event, error);
        }
      }
    },
  };
}

function logListenerError(event: EventName, error: unknown): void {
  console.error(`station event "${event}": a listener failed: ${error instanceof Error ? error.message : String(error)}`);
}
