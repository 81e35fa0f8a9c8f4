/**
 * The generic "8A/80" RS-485 locker board (hardware-protocols.md §1.1): 9600 8N1, frames
 * `CMD BOARD LOCK FUNC BCC` with BCC = XOR of the bytes before it.
 *
 * | Purpose | Host → board | Board → host |
 * |---|---|---|
 * | open | `8A bb ll 11 BCC` | `8A bb ll SS BCC` |
 * | open all (lock 0) | `8A bb 00 11 BCC` | `8A bb 00 SS BCC`, late: after the board has pulsed every lock |
 * | query a board | `80 bb 00 33 BCC` | `80 bb S… 33 BCC`, 1–4 status bytes, highest channels first |
 * | query one lock | `80 bb ll 33 BCC` | `80 bb ll SS BCC` |
 * | hold power on / off | `9A` / `9B bb ll 11 BCC` | any well-formed 5-byte `9A`/`9B` frame (an echo) |
 * | door changed by hand | — | `81 bb ll SS BCC`, unsolicited |
 *
 * Polarity. `SS` and every status bit carry the feedback switch: `11` / 1 = switch set,
 * `00` / 0 = clear. A `closed-is-set` board (switch shorted when locked) answers a good open
 * with `8A 01 01 00 8A` — the switch let go, so the door is no longer latched — and a failed
 * one with `8A 01 01 11 9B`; its status bit 1 means closed. An `open-is-set` board is the
 * reverse in both places. Other `SS` values are not guessed at: they are `malformed`.
 */
import { DEFAULT_GAP_MS, checkGapMs, fault, toHex, xorBytes, type Framer } from '../../codecs/framer';
import type {
  BoardSettings, DecodedLockerRequest, LockerProtocol, LockerReply, LockerReplyFramer, LockerRequest, LockReading,
} from '../locker-protocol';
import { bitAt, checkBoards, checkRequest, hexByte, packBits, type ProtocolLimits } from './board-checks';
import { StartByteFramer, checkTrailed, type ParseStep } from './start-byte-framer';

const OPEN = 0x8a;
const STATUS = 0x80;
const REPORT = 0x81;
const HOLD_ON = 0x9a;
const HOLD_OFF = 0x9b;
const FUNC_OPEN = 0x11;
const FUNC_QUERY = 0x33;
/** Some hosts send `10` instead of `11` with the 9x commands; a board takes either. */
const FUNC_HOLD_ALT = 0x10;
const SET = 0x11;
const CLEAR = 0x00;
const SHORT_FRAME = 5;
/** A 32-channel status reply. */
const LONGEST_FRAME = 8;
const MAX_CHANNELS = 32;

const LIMITS: ProtocolLimits = { name: '8a80', boardAddresses: { min: 1, max: 32 }, channelOptions: [8, 16, 24, 32] };

/** Feedback bit for a door state on a board of this polarity (the mapping is its own inverse). */
function setFor(closed: boolean, board: BoardSettings): boolean {
  return board.polarity === 'closed-is-set' ? closed : !closed;
}

function closedFrom(set: boolean, board: BoardSettings): boolean {
  return setFor(set, board);
}

function frame5(cmd: number, board: number, lock: number, func: number): Uint8Array {
  const bytes = [cmd, board, lock, func];
  return Uint8Array.from([...bytes, xorBytes(bytes)]);
}

function encodeRequest(request: LockerRequest, board: BoardSettings): Uint8Array {
  checkRequest(LIMITS, request, board);
  switch (request.kind) {
    case 'open': return frame5(OPEN, request.board, request.lock, FUNC_OPEN);
    case 'open-all': return frame5(OPEN, request.board, 0, FUNC_OPEN);
    case 'query-board': return frame5(STATUS, request.board, 0, FUNC_QUERY);
    case 'query-lock': return frame5(STATUS, request.board, request.lock, FUNC_QUERY);
    case 'hold-power': return frame5(request.on ? HOLD_ON : HOLD_OFF, request.board, request.lock, FUNC_OPEN);
  }
}

function encodeReply(reply: LockerReply, board: BoardSettings): Uint8Array {
  checkBoards(LIMITS, [[board.address, board]]);
  if (reply.board !== board.address) throw new RangeError(`8a80: reply from board ${reply.board} encoded with the settings of board ${board.address}`);
  if (reply.kind !== 'board-status' && reply.kind !== 'open-all-ack') checkRequest(LIMITS, { kind: 'open', board: reply.board, lock: reply.lock }, board);
  switch (reply.kind) {
    case 'open-result': return frame5(OPEN, reply.board, reply.lock, setFor(!reply.opened, board) ? SET : CLEAR);
    case 'lock-status': return frame5(STATUS, reply.board, reply.lock, setFor(reply.closed, board) ? SET : CLEAR);
    case 'door-report': return frame5(REPORT, reply.board, reply.lock, setFor(reply.closed, board) ? SET : CLEAR);
    case 'power-ack': return frame5(HOLD_ON, reply.board, reply.lock, FUNC_OPEN);
    // What SS says after an open-all differs by firmware; the simulator sends "opened".
    case 'open-all-ack': return frame5(OPEN, reply.board, 0, setFor(false, board) ? SET : CLEAR);
    case 'board-status': return encodeStatus(reply.locks, board);
  }
}

function encodeStatus(locks: readonly LockReading[], board: BoardSettings): Uint8Array {
  const bits = new Array<boolean>(board.channels).fill(false);
  const seen = new Set<number>();
  for (const reading of locks) {
    if (!Number.isInteger(reading.lock) || reading.lock < 1 || reading.lock > board.channels || seen.has(reading.lock)) {
      throw new RangeError(`8a80: board ${board.address} status has a bad or repeated lock ${reading.lock}`);
    }
    seen.add(reading.lock);
    bits[reading.lock - 1] = setFor(reading.closed, board);
  }
  if (seen.size !== board.channels) throw new RangeError(`8a80: board ${board.address} status needs all ${board.channels} locks, got ${seen.size}`);
  // On the wire the byte nearest the header covers the highest channels.
  const status = packBits(bits, board.channels / 8).reverse();
  const bytes = [STATUS, board.address, ...status, FUNC_QUERY];
  return Uint8Array.from([...bytes, xorBytes(bytes)]);
}

/** Reply headers that may begin a frame while `expected` awaits its answer. */
function replyHeaders(expected: LockerRequest | undefined): readonly number[] {
  switch (expected?.kind) {
    case undefined: return [];
    case 'open':
    case 'open-all': return [OPEN];
    case 'query-board':
    case 'query-lock': return [STATUS];
    case 'hold-power': return [HOLD_ON, HOLD_OFF];
  }
}

/**
 * Host side. Only the expected reply's header (and `81`, at any time) can begin a frame, so a
 * stale reply to an earlier transaction is reported as garbage rather than taken as an answer,
 * and false starts in noise are rarer. A status reply's length comes from its board's channel
 * count. Replies from boards not in `boards` are `malformed`.
 */
class Bcc8a80ReplyFramer extends StartByteFramer<LockerReply> implements LockerReplyFramer {
  private expected: LockerRequest | undefined;

  constructor(private readonly boards: ReadonlyMap<number, BoardSettings>, gapMs: number) {
    super(gapMs);
  }

  expect(request: LockerRequest | undefined): void {
    this.expected = request;
  }

  protected isStart(b: number): boolean {
    return b === REPORT || replyHeaders(this.expected).includes(b);
  }

  protected parse(bytes: readonly number[]): ParseStep<LockerReply> {
    if (bytes.length < 2) return { kind: 'need-more' };
    const header = bytes[0] ?? 0;
    const address = bytes[1] ?? 0;
    const board = this.boards.get(address);
    if (!board) return { kind: 'resync', fault: fault('malformed', `reply from board ${address}, which is not on this bus: ${toHex(bytes)}`) };
    // `80` answers both queries; which one is awaited tells a 5-byte lock reply from a board's.
    if (header === STATUS && this.expected?.kind !== 'query-lock') return parseStatus(bytes, board);
    const hold = header === HOLD_ON || header === HOLD_OFF;
    const lock = bytes[2] ?? 0;
    // Lock 0 in an `8A` frame is the board's answer to open-all, and only while one is awaited.
    const all = header === OPEN && lock === 0 && this.expected?.kind === 'open-all';
    if (bytes.length >= 3 && !hold && !all && (lock < 1 || lock > board.channels)) {
      return { kind: 'resync', fault: fault('malformed', `lock ${lock} is outside 1–${board.channels} on board ${address}: ${toHex(bytes)}`) };
    }
    const checked = checkShort(bytes);
    if (checked) return checked;
    // Replies to 9A/9B vary by firmware: a well-formed frame is the acknowledgement.
    if (hold) return { kind: 'frame', frame: { type: 'frame', kind: 'power-ack', board: address, lock } };
    const ss = bytes[3] ?? 0;
    if (all) return { kind: 'frame', frame: { type: 'frame', kind: 'open-all-ack', board: address } };
    if (ss !== SET && ss !== CLEAR) return { kind: 'reject', fault: fault('malformed', `status byte ${hexByte(ss)} is neither 0x00 nor 0x11: ${toHex(bytes)}`) };
    const closed = closedFrom(ss === SET, board);
    if (header === OPEN) return { kind: 'frame', frame: { type: 'frame', kind: 'open-result', board: address, lock, opened: !closed } };
    if (header === STATUS) return { kind: 'frame', frame: { type: 'frame', kind: 'lock-status', board: address, lock, closed } };
    return { kind: 'frame', frame: { type: 'frame', kind: 'door-report', board: address, lock, closed } };
  }
}

/** Length and BCC of a 5-byte frame; `undefined` when whole and good. */
function checkShort(bytes: readonly number[]): ParseStep<never> | undefined {
  if (bytes.length < SHORT_FRAME) return { kind: 'need-more' };
  const sent = bytes[4] ?? 0;
  const want = xorBytes(bytes, 0, 4);
  if (sent === want) return undefined;
  return { kind: 'resync', fault: fault('bad-checksum', `BCC ${toHex([sent])} should be ${toHex([want])}: ${toHex(bytes)}`) };
}

function parseStatus(bytes: readonly number[], board: BoardSettings): ParseStep<LockerReply> {
  const count = board.channels / 8;
  const checked = checkTrailed(bytes, {
    length: count + 4, trailer: FUNC_QUERY, maxLength: LONGEST_FRAME, checksum: (b, end) => xorBytes(b, 0, end),
    what: `board ${board.address} status (${board.channels} channels)`,
  });
  if (checked) return checked;
  const lowFirst = bytes.slice(2, 2 + count).reverse();
  const locks = Array.from({ length: board.channels }, (_, i) => ({ lock: i + 1, closed: closedFrom(bitAt(lowFirst, i), board) }));
  return { kind: 'frame', frame: { type: 'frame', kind: 'board-status', board: board.address, locks } };
}

/**
 * Device side (simulators): every 5-byte request on the bus, for any board address 1–32;
 * locks are checked against the board's channel count where the board is known. Lock 0 of
 * `8A` is open-all; lock 0 of the hold commands is `malformed` (this system never sends it).
 */
class Bcc8a80RequestFramer extends StartByteFramer<DecodedLockerRequest> {
  constructor(private readonly boards: ReadonlyMap<number, BoardSettings>, gapMs: number) {
    super(gapMs);
  }

  protected isStart(b: number): boolean {
    return b === OPEN || b === STATUS || b === HOLD_ON || b === HOLD_OFF;
  }

  protected parse(bytes: readonly number[]): ParseStep<DecodedLockerRequest> {
    if (bytes.length < 2) return { kind: 'need-more' };
    const board = bytes[1] ?? 0;
    if (board < LIMITS.boardAddresses.min || board > LIMITS.boardAddresses.max) {
      return { kind: 'resync', fault: fault('malformed', `board ${board} is outside 1–32: ${toHex(bytes)}`) };
    }
    const checked = checkShort(bytes);
    if (checked) return checked;
    const [header, , lock = 0, func = 0] = bytes;
    const channels = this.boards.get(board)?.channels ?? MAX_CHANNELS;
    const bad = (why: string): ParseStep<never> => ({ kind: 'reject', fault: fault('malformed', `${why}: ${toHex(bytes)}`) });
    if (header === STATUS) {
      if (func !== FUNC_QUERY) return bad(`query with FUNC ${hexByte(func)}, not 0x33`);
      if (lock === 0) return { kind: 'frame', frame: { type: 'frame', kind: 'query-board', board } };
      if (lock > channels) return bad(`lock ${lock} is outside 1–${channels} on board ${board}`);
      return { kind: 'frame', frame: { type: 'frame', kind: 'query-lock', board, lock } };
    }
    if (header === OPEN && lock === 0) {
      if (func !== FUNC_OPEN) return bad(`open all with FUNC ${hexByte(func)}, not 0x11`);
      return { kind: 'frame', frame: { type: 'frame', kind: 'open-all', board } };
    }
    if (lock === 0) return bad('lock 0 (every lock) is not supported');
    if (lock > channels) return bad(`lock ${lock} is outside 1–${channels} on board ${board}`);
    if (header === OPEN) {
      if (func !== FUNC_OPEN) return bad(`open with FUNC ${hexByte(func)}, not 0x11`);
      return { kind: 'frame', frame: { type: 'frame', kind: 'open', board, lock } };
    }
    if (func !== FUNC_OPEN && func !== FUNC_HOLD_ALT) return bad(`hold power with FUNC ${hexByte(func)}, not 0x11 or 0x10`);
    return { kind: 'frame', frame: { type: 'frame', kind: 'hold-power', board, lock, on: header === HOLD_ON } };
  }
}

/** The generic 8A/80 BCC board. Boards 1–32 with 8, 16, 24 or 32 channels. */
export const bcc8a80: LockerProtocol = {
  ...LIMITS,
  name: '8a80',
  defaultBaudRate: 9600,
  capabilities: { holdPower: true, queryLock: true, itemSensor: false, unsolicitedDoorReports: true, openAll: true },
  encodeRequest,
  encodeReply,
  createReplyFramer(boards: ReadonlyMap<number, BoardSettings>, gapMs = DEFAULT_GAP_MS): LockerReplyFramer {
    checkBoards(LIMITS, boards);
    return new Bcc8a80ReplyFramer(boards, checkGapMs(gapMs));
  },
  createRequestFramer(boards: ReadonlyMap<number, BoardSettings>, gapMs = DEFAULT_GAP_MS): Framer<DecodedLockerRequest> {
    checkBoards(LIMITS, boards);
    return new Bcc8a80RequestFramer(boards, checkGapMs(gapMs));
  },
};
