import type { BoardSettings, LockerProtocol, LockerReplyFramer, LockReading } from '../../lockers/locker-protocol';
import type { Transport } from '../../transport/transport';
import { systemClock, type Clock } from '../clock';

/** A board that answered a scan. */
export interface FoundBoard {
  readonly address: number;
  /** The channel count whose reply layout matched the answer. */
  readonly channels: number;
  /** Door states read as `closed-is-set` wiring (the common one). */
  readonly locks: readonly LockReading[];
  /** Write → answer, ms. */
  readonly elapsedMs: number;
}

export interface ScanOptions {
  /** Wait per address, ms. Default 200. */
  readonly replyTimeoutMs?: number;
  readonly clock?: Clock;
  /** Called before each address is tried, for progress output. */
  readonly onAddress?: (address: number) => void;
}

/**
 * Queries every address of the protocol once, in order, on an open transport, and lists the
 * boards that answered. Board size is unknown before the scan, so each answer is read with
 * one framer per channel option and the layout that decodes it gives the board's size.
 * Takes at most (address count × `replyTimeoutMs`) plus the answers' wire time.
 */
export async function scanBus(transport: Transport, protocol: LockerProtocol, options: ScanOptions = {}): Promise<FoundBoard[]> {
  const clock = options.clock ?? systemClock;
  const found: FoundBoard[] = [];
  for (let address = protocol.boardAddresses.min; address <= protocol.boardAddresses.max; address++) {
    options.onAddress?.(address);
    const board = await queryAddress(transport, protocol, address, options.replyTimeoutMs ?? 200, clock);
    if (board) found.push(board);
  }
  return found;
}

async function queryAddress(transport: Transport, protocol: LockerProtocol, address: number, timeoutMs: number, clock: Clock): Promise<FoundBoard | undefined> {
  const layouts = protocol.channelOptions.map((channels) => {
    const settings: BoardSettings = { address, channels, polarity: 'closed-is-set' };
    const framer: LockerReplyFramer = protocol.createReplyFramer(new Map([[address, settings]]));
    framer.expect({ kind: 'query-board', board: address });
    return { settings, framer };
  });
  const request = protocol.encodeRequest({ kind: 'query-board', board: address }, layouts[0]?.settings ?? { address, channels: 16, polarity: 'closed-is-set' });
  return new Promise<FoundBoard | undefined>((resolve) => {
    const sentAt = clock.monotonicMs();
    const done = (board: FoundBoard | undefined): void => {
      clock.clearTimeout(timer);
      transport.off('data', onData);
      resolve(board);
    };
    const onData = (chunk: Uint8Array): void => {
      const now = clock.monotonicMs();
      for (const { settings, framer } of layouts) {
        for (const output of framer.push(chunk, now)) {
          if (output.type === 'frame' && output.kind === 'board-status' && output.board === address) {
            done({ address, channels: settings.channels, locks: output.locks, elapsedMs: now - sentAt });
            return;
          }
        }
      }
    };
    const timer = clock.setTimeout(() => done(undefined), timeoutMs);
    transport.on('data', onData);
    transport.write(request).catch(() => done(undefined));
  });
}
