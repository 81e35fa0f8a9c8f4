/** Pushes every station event to the window's page on its derived channel. */
import { EVENT_NAMES } from '../../common/contract';
import { eventChannel } from '../../common/channels';
import type { StationEventBus } from '../service-contract';

/** The part of Electron's `WebContents` used to push events. */
export interface EventTargetContents {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/**
 * Forwards until the returned function is called. Events emitted while the page is gone
 * (closed window) are dropped rather than throwing inside the service's emit.
 */
export function forwardStationEvents(events: StationEventBus, contents: EventTargetContents): () => void {
  const offs = EVENT_NAMES.map((event) =>
    events.on(event, (payload) => {
      if (!contents.isDestroyed()) contents.send(eventChannel(event), payload);
    }),
  );
  return () => {
    for (const off of offs) off();
  };
}
