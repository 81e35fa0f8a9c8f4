/**
 * UI side of every adapter: builds a `StationClient` whose methods are generated from the
 * contract, given a way to send one call and a way to subscribe to one event channel.
 */
import {
  METHOD_NAMES,
  stationEvents,
  stationMethods,
  type EventName,
  type EventPayload,
  type MethodName,
  type StationClient,
} from './contract';
import { err, isErrorCode, type Result } from './result';

/** Sends one call; must resolve with the adapter's raw answer (a `Result`-shaped value). */
export type CallTransport = (method: MethodName, arg: unknown) => Promise<unknown>;
/** Subscribes to one event; returns an unsubscribe function. */
export type EventTransport = (event: EventName, listener: (payload: unknown) => void) => () => void;

export function createStationClient(call: CallTransport, subscribe: EventTransport): StationClient {
  const client: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    client[name] = async (arg?: unknown): Promise<Result<unknown>> => {
      try {
        return checkAnswer(name, await call(name, arg));
      } catch (error) {
        return err('unavailable', error instanceof Error ? error.message : String(error));
      }
    };
  }
  client.on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) =>
    subscribe(event, (payload) => {
      const parsed = stationEvents[event].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    });
  return client as StationClient;
}

/** A malformed answer from the other side becomes an `internal` error, never a crash. */
function checkAnswer(method: MethodName, answer: unknown): Result<unknown> {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) {
    return err('internal', `${method}: malformed answer`);
  }
  const a = answer as { ok: unknown; value?: unknown; code?: unknown; message?: unknown };
  if (a.ok === true) {
    const parsed = stationMethods[method].output.safeParse(a.value);
    return parsed.success ? { ok: true, value: parsed.data } : err('internal', `${method}: answer does not match the contract`);
  }
  return err(
    isErrorCode(a.code) ? a.code : 'internal',
    typeof a.message === 'string' ? a.message : 'unknown error',
  );
}
