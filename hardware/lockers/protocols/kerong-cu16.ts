/**
 * Kerong KR-CU16 (hardware-protocols.md §1.2): 19200 8N1, frames `02 ADDR CMD [DATA] 03 SUM`,
 * SUM = low byte of the sum of every earlier byte. ADDR: high nibble = board 0–15, low
 * nibble = lock 0–F on the wire (lock 1 in our API is 0).
 *
 * | Purpose | Host → board | Board → host |
 * |---|---|---|
 * | query a board | `02 b0 30 03 SUM` | `02 b0 35 H1-8 H9-16 IR1-8 IR9-16 03 SUM` |
 * | open | `02 bl 31 03 SUM` | the same `35` status frame, read after the pulse |
 * | unlock all | `02 b0 33 03 SUM` | the `35` status frame, once the board has pulsed every lock |
 *
 * Hook bits are 1 = locked whatever the board's polarity setting (the CU16 has one wiring);
 * IR bits are 1 = item inside. The CU16 has no open-result frame: it answers an unlock with
 * its status frame, so while an open of lock L on board B is expected, a `35` frame from B
 * is read as `open-result` with `opened` = hook bit L reads unlocked; while an unlock-all of B
 * is expected it is the `open-all-ack`. At other times it is a
 * `board-status`. The lock nibble of a reply's ADDR is not read (firmware echoes differ).
 */
import { DEFAULT_GAP_MS, checkGapMs, fault, toHex, type Framer } from '../../codecs/framer';
import type {
  BoardSettings, DecodedLockerRequest, LockerProtocol, LockerReply, LockerReplyFramer, LockerRequest, LockReading,
} from '../locker-protocol';
import { bitAt, checkBoards, checkRequest, hexByte, packBits, type ProtocolLimits } from './board-checks';
import { StartByteFramer, checkTrailed, type ParseStep } from './start-byte-framer';

const STX = 0x02;
const ETX = 0x03;
const CMD_STATUS = 0x30;
const CMD_UNLOCK = 0x31;
const CMD_UNLOCK_ALL = 0x33;
const REPLY_STATUS = 0x35;
const REQUEST_LENGTH = 5;
const STATUS_LENGTH = 9;
/** Longest request a CU16 takes (`37` set unlock time: 7 bytes) with room to spare. */
const LONGEST_REQUEST = 9;
/** Longest reply looked through for a late ETX before giving up on a candidate. */
const LONGEST_REPLY = 16;

const LIMITS: ProtocolLimits = { name: 'kerong-cu16', boardAddresses: { min: 0, max: 15 }, channelOptions: [16] };

const NAMES: Readonly<Record<number, string>> = {
  0x32: 'status of every board', 0x37: 'unlock time', 0x38: 'unlock time reply', 0x39: 'delayed unlock',
};

export function cu16Sum(bytes: readonly number[], end = bytes.length): number {
  let sum = 0;
  for (let i = 0; i < end; i++) sum += bytes[i] ?? 0;
  return sum & 0xff;
}

function frame(addr: number, cmd: number, data: readonly number[] = []): Uint8Array {
  const bytes = [STX, addr, cmd, ...data, ETX];
  return Uint8Array.from([...bytes, cu16Sum(bytes)]);
}

function encodeRequest(request: LockerRequest, board: BoardSettings): Uint8Array {
  if (request.kind === 'hold-power' || request.kind === 'query-lock') throw new TypeError(`kerong-cu16 has no ${request.kind} command`);
  checkRequest(LIMITS, request, board);
  switch (request.kind) {
    case 'open': return frame((request.board << 4) | (request.lock - 1), CMD_UNLOCK);
    case 'open-all': return frame(request.board << 4, CMD_UNLOCK_ALL);
    case 'query-board': return frame(request.board << 4, CMD_STATUS);
  }
}

function encodeReply(reply: LockerReply, board: BoardSettings): Uint8Array {
  checkBoards(LIMITS, [[board.address, board]]);
  if (reply.board !== board.address) throw new RangeError(`kerong-cu16: reply from board ${reply.board} encoded with the settings of board ${board.address}`);
  switch (reply.kind) {
    case 'board-status': return statusFrame(board.address << 4, reply.locks, board);
    // The simulator plays the board after an unlock-all: every hook unlocked, nothing inside.
    case 'open-all-ack':
      return statusFrame(board.address << 4, Array.from({ length: board.channels }, (_, i) => ({ lock: i + 1, closed: false })), board);
    case 'open-result': {
      checkRequest(LIMITS, { kind: 'open', board: reply.board, lock: reply.lock }, board);
      // Only the opened lock's hook carries the answer; the rest read locked and empty.
      const locks = Array.from({ length: board.channels }, (_, i) => ({ lock: i + 1, closed: i + 1 === reply.lock ? !reply.opened : true }));
      return statusFrame((board.address << 4) | (reply.lock - 1), locks, board);
    }
    case 'power-ack':
    case 'lock-status':
    case 'door-report':
      throw new TypeError(`kerong-cu16 has no ${reply.kind} frame`);
  }
}

function statusFrame(addr: number, locks: readonly LockReading[], board: BoardSettings): Uint8Array {
  const hooks = new Array<boolean>(board.channels).fill(false);
  const items = new Array<boolean>(board.channels).fill(false);
  const seen = new Set<number>();
  for (const reading of locks) {
    if (!Number.isInteger(reading.lock) || reading.lock < 1 || reading.lock > board.channels || seen.has(reading.lock)) {
      throw new RangeError(`kerong-cu16: board ${board.address} status has a bad or repeated lock ${reading.lock}`);
    }
    seen.add(reading.lock);
    hooks[reading.lock - 1] = reading.closed;
    items[reading.lock - 1] = reading.itemPresent === true;
  }
  if (seen.size !== board.channels) throw new RangeError(`kerong-cu16: board ${board.address} status needs all ${board.channels} locks, got ${seen.size}`);
  return frame(addr, REPLY_STATUS, [...packBits(hooks, 2), ...packBits(items, 2)]);
}

/**
 * Host side: `35` status frames from the boards in `boards`. Other reply commands (`36`
 * whole bus, `38` unlock time) are never asked for and are `malformed`.
 */
class Cu16ReplyFramer extends StartByteFramer<LockerReply> implements LockerReplyFramer {
  private expected: LockerRequest | undefined;

  constructor(private readonly boards: ReadonlyMap<number, BoardSettings>, gapMs: number) {
    super(gapMs);
  }

  expect(request: LockerRequest | undefined): void {
    this.expected = request;
  }

  protected isStart(b: number): boolean {
    return b === STX;
  }

  protected parse(bytes: readonly number[]): ParseStep<LockerReply> {
    if (bytes.length < 3) return { kind: 'need-more' };
    const address = (bytes[1] ?? 0) >> 4;
    const board = this.boards.get(address);
    if (!board) return { kind: 'resync', fault: fault('malformed', `reply from board ${address}, which is not on this bus: ${toHex(bytes)}`) };
    const cmd = bytes[2] ?? 0;
    if (cmd !== REPLY_STATUS) return { kind: 'resync', fault: fault('malformed', `reply command ${hexByte(cmd)} is not read: ${toHex(bytes)}`) };
    const checked = checkTrailed(bytes, {
      length: STATUS_LENGTH, trailer: ETX, maxLength: LONGEST_REPLY, checksum: cu16Sum, what: `board ${address} status`,
    });
    if (checked) return checked;
    const hooks = bytes.slice(3, 5);
    const items = bytes.slice(5, 7);
    const expected = this.expected;
    if (expected?.kind === 'open' && expected.board === address) {
      const opened = !bitAt(hooks, expected.lock - 1);
      return { kind: 'frame', frame: { type: 'frame', kind: 'open-result', board: address, lock: expected.lock, opened } };
    }
    if (expected?.kind === 'open-all' && expected.board === address) return { kind: 'frame', frame: { type: 'frame', kind: 'open-all-ack', board: address } };
    const locks = Array.from({ length: board.channels }, (_, i) => ({ lock: i + 1, closed: bitAt(hooks, i), itemPresent: bitAt(items, i) }));
    return { kind: 'frame', frame: { type: 'frame', kind: 'board-status', board: address, locks } };
  }
}

/**
 * Device side (simulators): `30` status, `31` unlock and `33` unlock all for any board 0–15.
 * Other commands (`32` whole bus, …) are well-formed but not played: `malformed`.
 */
class Cu16RequestFramer extends StartByteFramer<DecodedLockerRequest> {
  protected isStart(b: number): boolean {
    return b === STX;
  }

  protected parse(bytes: readonly number[]): ParseStep<DecodedLockerRequest> {
    if (bytes.length < 3) return { kind: 'need-more' };
    const checked = checkTrailed(bytes, {
      length: REQUEST_LENGTH, trailer: ETX, maxLength: LONGEST_REQUEST, checksum: cu16Sum, what: 'request',
    });
    if (checked) return checked;
    const addr = bytes[1] ?? 0;
    const cmd = bytes[2] ?? 0;
    const board = addr >> 4;
    if (cmd === CMD_STATUS) return { kind: 'frame', frame: { type: 'frame', kind: 'query-board', board } };
    if (cmd === CMD_UNLOCK) return { kind: 'frame', frame: { type: 'frame', kind: 'open', board, lock: (addr & 0x0f) + 1 } };
    if (cmd === CMD_UNLOCK_ALL) return { kind: 'frame', frame: { type: 'frame', kind: 'open-all', board } };
    const name = NAMES[cmd] ? ` (${NAMES[cmd]})` : '';
    return { kind: 'reject', fault: fault('malformed', `command ${hexByte(cmd)}${name} is not supported: ${toHex(bytes)}`) };
  }
}

/** Kerong CU16: boards 0–15, 16 locks each, hook and infrared bits. */
export const kerongCu16: LockerProtocol = {
  ...LIMITS,
  name: 'kerong-cu16',
  defaultBaudRate: 19200,
  capabilities: { holdPower: false, queryLock: false, itemSensor: true, unsolicitedDoorReports: false, openAll: true },
  encodeRequest,
  encodeReply,
  createReplyFramer(boards: ReadonlyMap<number, BoardSettings>, gapMs = DEFAULT_GAP_MS): LockerReplyFramer {
    checkBoards(LIMITS, boards);
    return new Cu16ReplyFramer(boards, checkGapMs(gapMs));
  },
  createRequestFramer(boards: ReadonlyMap<number, BoardSettings>, gapMs = DEFAULT_GAP_MS): Framer<DecodedLockerRequest> {
    checkBoards(LIMITS, boards);
    return new Cu16RequestFramer(checkGapMs(gapMs));
  },
};
