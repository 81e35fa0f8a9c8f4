/**
 * Connects card readers to check-in and the event bus: a read becomes a check-in and a
 * `checkIn` event, a fault a (rate-limited) `cardError`, a state change a `deviceStatus`.
 * Every read ends in one event the screen shows: a read whose check-in could not be saved
 * is a `cardError` `not-saved` ("please tap again"), never only a log line.
 */
import type { CardErrorReason, CheckInOutcome, DeviceStatus } from '../../common/domain';
import type { NormalisedCard } from '../../hardware/card-id/card-id';
import type { CardRead, CardReader, CardReadFault, ReaderState } from '../../hardware/drivers/card-reader/card-reader';
import type { StationEventBus } from '../service-contract';
import { epochFromMonotonic, preciseNowMs, type TapTimingSink } from './tap-timing';

/** At most one `cardError` per device per this many ms: a noisy reader must not flood the screen. */
export const CARD_ERROR_INTERVAL_MS = 1000;

export interface ReaderBridgeOptions {
  readonly readers: readonly CardReader[];
  readonly events: StationEventBus;
  /**
   * Runs the check-in for a read; rejects only when it could not be saved. Null: the read was
   * not a check-in (a steward card at the sign-in screen) and no `checkIn` is sent.
   */
  readonly tapCard: (card: NormalisedCard, deviceId: string) => Promise<CheckInOutcome | null>;
  /** Epoch ms; drives the fault rate limit. */
  readonly now: () => number;
  /** Storage failures while handling a read (there is no caller to return them to). */
  readonly onError: (message: string) => void;
  /** Devices other than readers (locker buses), listed after the readers in every status. */
  readonly otherDevices?: () => DeviceStatus[];
  /**
   * One line per fault shown on the screen (so at most one a second per reader, like the
   * `cardError`s), e.g. `Card reader sim-reader: truncated (frame stopped after 6 bytes: …)`:
   * a worker told "card not read" must leave a trace an installer can find. Default none.
   */
  readonly onFaultLine?: (line: string) => void;
  /** Benchmarks only: receives the stage times of every tap. Default none (no timing taken). */
  readonly tapTiming?: TapTimingSink | null;
}

export interface ReaderBridge {
  /** The status of every reader, then the other devices, as `getDeviceStatus` answers. */
  deviceStatus(): DeviceStatus[];
  /** Unsubscribes from every reader. Idempotent. */
  detach(): void;
}

export function readerStatus(reader: CardReader): DeviceStatus {
  return {
    id: reader.id,
    kind: 'card-reader',
    name: reader.name,
    simulated: reader.simulated,
    state: reader.state,
    detail: reader.detail.slice(0, 500),
  };
}

export function faultReason(fault: CardReadFault): CardErrorReason {
  return fault.reason === 'unsupported-format' ? 'unsupported-format' : 'unreadable';
}

export function attachReaders(options: ReaderBridgeOptions): ReaderBridge {
  const { readers, events, now } = options;
  const tapTiming = options.tapTiming ?? null;
  const lastCardError = new Map<string, number>();
  const otherDevices = options.otherDevices ?? (() => []);
  const deviceStatus = () => [...readers.map(readerStatus), ...otherDevices()];
  const detachers: (() => void)[] = [];

  for (const reader of readers) {
    const onRead = (read: CardRead) => {
      const decodedAtMs = tapTiming ? preciseNowMs() : 0;
      void options.tapCard(read.card, read.deviceId).then(
        (outcome: CheckInOutcome | null) => {
          if (outcome === null) return;
          const committedAtMs = tapTiming ? preciseNowMs() : 0;
          events.emit('checkIn', { deviceId: read.deviceId, outcome });
          if (tapTiming) {
            const visitId = 'visitId' in outcome ? outcome.visitId : null;
            tapTiming({ visitId, decodedAtMs, committedAtMs, sentAtMs: preciseNowMs() });
          }
        },
        (error: unknown) => {
          options.onError(`check-in from ${read.deviceId} failed: ${error instanceof Error ? error.message : String(error)}`);
          // Not rate-limited: each lost tap is a worker standing there waiting.
          events.emit('cardError', { deviceId: read.deviceId, reason: 'not-saved' });
        },
      );
    };
    const onFault = (fault: CardReadFault) => {
      if (tapTiming?.fault && fault.timing) {
        const { chunks, atMs, deafMs } = fault.timing;
        tapTiming.fault({ deviceId: fault.deviceId, reason: fault.reason, chunks: chunks.map((c) => ({ ...c, atMs: epochFromMonotonic(c.atMs) })), atMs: epochFromMonotonic(atMs), deafMs });
      }
      const at = now();
      const last = lastCardError.get(fault.deviceId);
      // `at < last`: the clock went back; start the interval again rather than go silent.
      if (last !== undefined && at >= last && at - last < CARD_ERROR_INTERVAL_MS) return;
      lastCardError.set(fault.deviceId, at);
      options.onFaultLine?.(`Card reader ${fault.deviceId}: ${fault.reason}${fault.detail ? ` (${fault.detail.slice(0, 200)})` : ''}`);
      events.emit('cardError', { deviceId: fault.deviceId, reason: faultReason(fault) });
    };
    const onState = (_state: ReaderState) => {
      events.emit('deviceStatus', { devices: deviceStatus() });
    };
    reader.on('read', onRead);
    reader.on('fault', onFault);
    reader.on('state', onState);
    detachers.push(() => {
      reader.off('read', onRead);
      reader.off('fault', onFault);
      reader.off('state', onState);
    });
  }

  return {
    deviceStatus,
    detach() {
      for (const detach of detachers.splice(0)) detach();
    },
  };
}
