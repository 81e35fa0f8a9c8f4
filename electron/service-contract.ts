/**
 * What a host needs from the station service: the API implementation, its events, and a way
 * to shut it down. Both hosts (Electron and browser) receive one of these.
 */
import type { EventName, EventPayload, StationApi } from '../common/contract';

export interface StationEventBus {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface StationService {
  readonly api: StationApi;
  readonly events: StationEventBus;
  /** Stops readers, flushes and closes the database. Idempotent. */
  close(): Promise<void>;
}
