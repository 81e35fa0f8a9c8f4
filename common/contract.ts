/**
 * The one contract between the station service and the UI. Both hosts (Electron IPC and the
 * loopback WebSocket of the browser host) are built from these tables, so a method or event
 * is declared exactly once: its name, its argument schema and its result schema.
 */
import * as z from 'zod/mini';
import { checkInEvents, checkInMethods } from './check-in';
import { joinSections } from './contract-method';
import { handwritingMethods } from './handwriting';
import { lockerEvents, lockerMethods } from './lockers';
import { operationsMethods } from './operations';
import { stewardEvents, stewardMethods } from './steward';
import { stewardRecordEvents, stewardRecordMethods } from './steward-records';
import { printingMethods } from './printing';
import { screenDimmingMethods } from './screen-dimming';
import { upstreamMethods } from './upstream-sync-status';
import { wishMethods } from './wishes';
import type { Result } from './result';

/**
 * Every method of the station API: one table, composed of each capability's section. A name
 * declared in two sections fails type-checking (see `joinSections`).
 */
export const stationMethods = joinSections(
  joinSections(
    joinSections(
      joinSections(
        joinSections(
          joinSections(joinSections(joinSections(checkInMethods, lockerMethods), upstreamMethods), stewardMethods),
          printingMethods,
        ),
        handwritingMethods,
      ),
      stewardRecordMethods,
    ),
    operationsMethods,
  ),
  joinSections(wishMethods, screenDimmingMethods),
);

/** Events pushed from the service to the UI, composed like the methods. */
export const stationEvents = joinSections(joinSections(joinSections(checkInEvents, lockerEvents), stewardEvents), stewardRecordEvents);

export type StationMethods = typeof stationMethods;
export type MethodName = keyof StationMethods;
export type EventName = keyof typeof stationEvents;

export type MethodInput<M extends MethodName> = z.input<StationMethods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<StationMethods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof stationEvents)[E]>;

type MethodArgs<M extends MethodName> = MethodInput<M> extends undefined ? [] : [MethodInput<M>];

/** The station API as the UI sees it: every method resolves, never rejects. */
export type StationApi = {
  [M in MethodName]: (...args: MethodArgs<M>) => Promise<Result<MethodOutput<M>>>;
};

/** Listener registration; the returned function unsubscribes. */
export type StationEventSource = {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** What the renderer holds: the API plus its events. */
export type StationClient = StationApi & StationEventSource;

export const METHOD_NAMES = Object.keys(stationMethods) as MethodName[];
export const EVENT_NAMES = Object.keys(stationEvents) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(stationMethods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(stationEvents, name);
}
