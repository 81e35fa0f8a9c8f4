/**
 * UI side of every adapter: builds a `StationClient` whose methods are generated from the
 * contract, given a way to send one call, a way to subscribe to one event channel, and where
 * to find each contract section's schemas.
 */
import type { EventName, EventPayload, MethodName, StationClient } from './contract';
import { EVENT_SECTIONS, METHOD_SECTIONS, SECTIONED_METHOD_NAMES, type SectionName, type SectionSchemas } from './contract-sections';
import { err, isErrorCode, type Result } from './result';

/** Sends one call; must resolve with the adapter's raw answer (a `Result`-shaped value). */
export type CallTransport = (method: MethodName, arg: unknown) => Promise<unknown>;
/** Subscribes to one event; returns an unsubscribe function. */
export type EventTransport = (event: EventName, listener: (payload: unknown) => void) => () => void;
/**
 * One section's schemas: at once when they are already loaded, or a promise while its chunk
 * loads. Asked at most once per section unless a load fails, which is asked again next time.
 */
export type SchemaSource = (section: SectionName) => SectionSchemas | Promise<SectionSchemas>;

export function createStationClient(call: CallTransport, subscribe: EventTransport, source: SchemaSource): StationClient {
  const schemas = sectionCache(source);
  const client: Record<string, unknown> = {};
  for (const name of SECTIONED_METHOD_NAMES) {
    client[name] = async (arg?: unknown): Promise<Result<unknown>> => {
      // Asked before the call goes out, so a section's chunk loads while the answer travels
      // instead of after it arrives (one round trip less on a page's first calls).
      const got = schemas(METHOD_SECTIONS[name]);
      if (got instanceof Promise) got.catch(() => undefined);
      let answer: unknown;
      try {
        answer = await call(name, arg);
      } catch (error) {
        return err('unavailable', error instanceof Error ? error.message : String(error));
      }
      const section = got instanceof Promise ? await got.catch(() => null) : got;
      if (section === null) return err('unavailable', `${name}: contract section ${METHOD_SECTIONS[name]} did not load`);
      return checkAnswer(name, answer, section);
    };
  }
  client.on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
    const deliver = (section: SectionSchemas, payload: unknown) => {
      const parsed = section.events[event]?.safeParse(payload);
      if (parsed?.success) listener(parsed.data as EventPayload<E>);
    };
    // Payloads that arrive while the section loads wait for it, in order.
    let waiting: unknown[] = [];
    return subscribe(event, (payload) => {
      const got = schemas(EVENT_SECTIONS[event]);
      if (!(got instanceof Promise) && waiting.length === 0) return deliver(got, payload);
      waiting.push(payload);
      if (waiting.length > 1) return;
      Promise.resolve(got).then(
        (section) => waiting.splice(0).forEach((p) => deliver(section, p)),
        // A payload that cannot be checked is never delivered; the next one asks again.
        () => (waiting = []),
      );
    });
  };
  return client as StationClient;
}

/** Each section from `source` once: at once when loaded, else the one load in flight. */
function sectionCache(source: SchemaSource): (name: SectionName) => SectionSchemas | Promise<SectionSchemas> {
  const loaded = new Map<SectionName, SectionSchemas>();
  const pending = new Map<SectionName, Promise<SectionSchemas>>();
  return (name) => {
    const known = loaded.get(name) ?? pending.get(name);
    if (known) return known;
    const got = source(name);
    if (!(got instanceof Promise)) {
      loaded.set(name, got);
      return got;
    }
    const loading = got.then(
      (section) => {
        loaded.set(name, section);
        pending.delete(name);
        return section;
      },
      (error: unknown) => {
        // Forgotten, so the next call or event tries the load again.
        pending.delete(name);
        throw error;
      },
    );
    pending.set(name, loading);
    return loading;
  };
}

/** A malformed answer from the other side becomes an `internal` error, never a crash. */
function checkAnswer(method: MethodName, answer: unknown, section: SectionSchemas): Result<unknown> {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) {
    return err('internal', `${method}: malformed answer`);
  }
  const a = answer as { ok: unknown; value?: unknown; code?: unknown; message?: unknown };
  if (a.ok === true) {
    const parsed = section.methods[method]?.output.safeParse(a.value);
    return parsed?.success ? { ok: true, value: parsed.data } : err('internal', `${method}: answer does not match the contract`);
  }
  return err(
    isErrorCode(a.code) ? a.code : 'internal',
    typeof a.message === 'string' ? a.message : 'unknown error',
  );
}
