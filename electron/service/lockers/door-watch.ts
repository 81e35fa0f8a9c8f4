/**
 * Door readings drive the session state machine:
 *   claimed    --door shut-->                  charging (clock starts, `session-started`)
 *   retrieving --door shut, nothing inside-->  ended (`session-ended`)
 *   retrieving --door shut, phone inside-->    charging again (an `item-left-inside` row)
 * and a door open longer than the alarm limit, on any locker, raises one `door-left-open`
 * (an event row, plus a `locker` event when a session holds the locker). Bus state changes
 * become event rows and a device-status update. Anything that may change what the public
 * screen shows (doors, alarms, boards, buses) calls `onChange`.
 */
import type { LockerEvent } from '../../../common/lockers';
import type { Clock } from '../../../hardware/drivers/clock';
import type { DoorReading, LockerBus, LockerBusState } from '../../../hardware/drivers/locker-bus/locker-bus';
import type { ChargingClock } from './charging-clock';
import type { LockerFleet } from './locker-fleet';
import type { LockerStore, SessionRecord } from './locker-store';

export interface DoorWatchDeps {
  readonly store: LockerStore;
  readonly fleet: LockerFleet;
  readonly clock: Clock;
  /** Door open longer than this raises the alarm, ms. */
  readonly alarmMs: number;
  /** A charging session is due this long after the door was shut, ms. */
  readonly maxMs: number;
  /** Charging durations on the monotonic clock. */
  readonly charging: ChargingClock;
  readonly emit: (event: LockerEvent) => void;
  readonly onDeviceChange: () => void;
  /** A door, alarm, board or bus changed: availability may differ (the caller sends it if so). */
  readonly onChange: () => void;
  /** Failures with no caller to answer (storage errors while handling a reading). */
  readonly onError: (message: string) => void;
}

export interface DoorWatch {
  /** Starts the alarm for a door just opened by command (a reading may follow, or not). */
  doorOpened(lockerNumber: number): void;
  /** Lockers whose alarm has fired and whose door is not yet shut, lowest first. */
  leftOpen(): number[];
  /** Unsubscribes from the buses and clears every timer. Idempotent. */
  detach(): void;
}

export function watchDoors(deps: DoorWatchDeps): DoorWatch {
  const { store, fleet, clock } = deps;
  /** One entry per door known to be open: its alarm timer, or null once the alarm fired. */
  const alarms = new Map<number, unknown>();
  const busStates = new Map<string, LockerBusState>();
  const detachers: (() => void)[] = [];
  let detached = false;

  const startAlarm = (n: number) => {
    if (alarms.has(n)) return;
    alarms.set(
      n,
      clock.setTimeout(() => {
        alarms.set(n, null);
        guarded(`door alarm of locker ${n}`, () => raiseAlarm(n));
        deps.onChange();
      }, deps.alarmMs),
    );
  };

  const stopAlarm = (n: number) => {
    const timer = alarms.get(n);
    if (timer !== undefined && timer !== null) clock.clearTimeout(timer);
    alarms.delete(n);
  };

  const raiseAlarm = (n: number) => {
    const session = store.liveSessionOfLocker(n);
    store.insertEvent(
      { kind: 'door-left-open', lockerNumber: n, sessionId: session?.id ?? null, detail: { openSeconds: Math.round(deps.alarmMs / 1000) } },
      clock.now(),
    );
    if (session) deps.emit({ kind: 'door-left-open', sessionId: session.id, lockerNumber: n });
  };

  const onClosed = (n: number, session: SessionRecord | undefined, reading: DoorReading, bus: LockerBus) => {
    if (!session) return;
    const atMs = clock.now();
    if (session.state === 'claimed') {
      store.startCharging(session.id, atMs, atMs + deps.maxMs);
      deps.charging.started(session.id);
      deps.emit({ kind: 'session-started', sessionId: session.id, lockerNumber: n });
      void bus.setHoldPower(reading.board, reading.lock, true);
    } else if (session.state === 'retrieving') {
      if (reading.itemPresent === true) {
        store.transaction(() => {
          store.resumeCharging(session.id);
          store.insertEvent({ kind: 'item-left-inside', lockerNumber: n, sessionId: session.id }, atMs);
        });
        return;
      }
      store.endSession(session.id, atMs, 'retrieved', deps.charging.ended(session));
      deps.emit({ kind: 'session-ended', sessionId: session.id, lockerNumber: n });
      void bus.setHoldPower(reading.board, reading.lock, false);
    }
  };

  const onDoor = (bus: LockerBus, reading: DoorReading) => {
    const n = fleet.lockerAt(reading.busId, reading.board, reading.lock);
    if (n === undefined || detached) return;
    const before = fleet.recordDoor(n, reading);
    if (before?.closed === reading.closed) return; // only the item sensor changed
    const session = store.liveSessionOfLocker(n);
    if (!reading.closed) {
      if (before) store.insertEvent({ kind: 'door-opened', lockerNumber: n, sessionId: session?.id ?? null }, clock.now());
      startAlarm(n);
      return;
    }
    stopAlarm(n);
    store.transaction(() => {
      const detail = reading.itemPresent === undefined ? {} : { itemPresent: reading.itemPresent };
      if (before) store.insertEvent({ kind: 'door-closed', lockerNumber: n, sessionId: session?.id ?? null, detail }, clock.now());
      onClosed(n, session, reading, bus);
    });
  };

  const onState = (bus: LockerBus, state: LockerBusState) => {
    if (detached || busStates.get(bus.id) === state) return;
    busStates.set(bus.id, state);
    store.insertEvent({ kind: `bus-${state}`, busId: bus.id, detail: { detail: bus.detail.slice(0, 200) } }, clock.now());
    deps.onDeviceChange();
  };

  function guarded(what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      deps.onError(`lockers: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  for (const bus of fleet.buses) {
    const door = (reading: DoorReading) => {
      guarded(`door reading of ${bus.id}`, () => onDoor(bus, reading));
      deps.onChange();
    };
    const state = (s: LockerBusState) => {
      guarded(`state of ${bus.id}`, () => onState(bus, s));
      deps.onChange();
    };
    const board = (b: { busId: string; board: number; online: boolean }) => {
      fleet.setBoardOnline(b.busId, b.board, b.online);
      deps.onChange();
    };
    bus.on('door', door);
    bus.on('state', state);
    bus.on('board', board);
    detachers.push(() => {
      bus.off('door', door);
      bus.off('state', state);
      bus.off('board', board);
    });
    busStates.set(bus.id, bus.state);
    // A bus started before the service: take its current doors as first readings.
    for (const reading of bus.doors()) door(reading);
  }

  return {
    doorOpened: startAlarm,
    leftOpen: () => [...alarms].filter(([, timer]) => timer === null).map(([n]) => n).sort((a, b) => a - b),
    detach() {
      detached = true;
      for (const d of detachers.splice(0)) d();
      for (const n of [...alarms.keys()]) stopAlarm(n);
    },
  };
}
