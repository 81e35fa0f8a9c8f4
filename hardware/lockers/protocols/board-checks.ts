import type { BoardSettings, LockerProtocol, LockerRequest } from '../locker-protocol';

/** The parts of a protocol that say which boards and locks exist. */
export type ProtocolLimits = Pick<LockerProtocol, 'name' | 'boardAddresses' | 'channelOptions'>;

/**
 * Checks board settings handed to a framer or simulator. Throws `TypeError` naming the
 * first bad board: an address outside the protocol's range, a channel count it does not
 * have, an unknown polarity, or a map key that differs from the board's own address.
 */
export function checkBoards(limits: ProtocolLimits, boards: Iterable<[number, BoardSettings]>): void {
  for (const [key, board] of boards) {
    const { min, max } = limits.boardAddresses;
    if (!Number.isInteger(board.address) || board.address < min || board.address > max) {
      throw new TypeError(`${limits.name}: board address ${board.address} is outside ${min}–${max}`);
    }
    if (key !== board.address) throw new TypeError(`${limits.name}: board ${board.address} is filed under ${key}`);
    if (!limits.channelOptions.includes(board.channels)) {
      throw new TypeError(`${limits.name}: board ${board.address} has ${board.channels} channels; it may have ${limits.channelOptions.join(', ')}`);
    }
    if (board.polarity !== 'closed-is-set' && board.polarity !== 'open-is-set') {
      throw new TypeError(`${limits.name}: board ${board.address} has unknown polarity "${String(board.polarity)}"`);
    }
  }
}

/** Boards by address, checked as `checkBoards` does. */
export function boardsByAddress(limits: ProtocolLimits, boards: readonly BoardSettings[]): Map<number, BoardSettings> {
  const map = new Map<number, BoardSettings>();
  for (const board of boards) {
    if (map.has(board.address)) throw new TypeError(`${limits.name}: board ${board.address} is listed twice`);
    map.set(board.address, board);
  }
  checkBoards(limits, map);
  return map;
}

/**
 * Checks that a request fits the board it is encoded for. Throws `RangeError` for a board or
 * lock out of range, or settings that belong to another board.
 */
export function checkRequest(limits: ProtocolLimits, request: LockerRequest, board: BoardSettings): void {
  checkBoards(limits, [[board.address, board]]);
  if (request.board !== board.address) {
    throw new RangeError(`${limits.name}: request for board ${request.board} encoded with the settings of board ${board.address}`);
  }
  if (request.kind === 'open-all' && board.openAll === false) {
    throw new RangeError(`${limits.name}: board ${board.address} has no open-all command (devices.json says so)`);
  }
  if (request.kind !== 'query-board' && request.kind !== 'open-all' && (!Number.isInteger(request.lock) || request.lock < 1 || request.lock > board.channels)) {
    throw new RangeError(`${limits.name}: lock ${request.lock} is outside 1–${board.channels} on board ${board.address}`);
  }
}

/** Bit `i` of `bytes` read as one little-endian bitmap (bit 0 of byte 0 is channel 1). */
export function bitAt(bytes: readonly number[], i: number): boolean {
  return (((bytes[i >> 3] ?? 0) >> (i & 7)) & 1) === 1;
}

/** `bits` packed into `byteCount` bytes, channel 1 at bit 0 of byte 0. */
export function packBits(bits: readonly boolean[], byteCount: number): number[] {
  const bytes = new Array<number>(byteCount).fill(0);
  bits.forEach((bit, i) => {
    if (bit && i >> 3 < byteCount) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return bytes;
}

/** Hex byte for messages, e.g. `0x8A`. */
export function hexByte(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}
