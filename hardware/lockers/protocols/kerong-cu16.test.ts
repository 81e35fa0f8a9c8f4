import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../codecs/framer';
import { concat, everySplit, feed } from '../../codecs/framer-test-kit';
import type { BoardSettings, LockerReply, LockerRequest } from '../locker-protocol';
import { kerongCu16 } from './kerong-cu16';

const B0: BoardSettings = { address: 0, channels: 16, polarity: 'closed-is-set' };
const B1: BoardSettings = { address: 1, channels: 16, polarity: 'closed-is-set' };
const B15: BoardSettings = { address: 15, channels: 16, polarity: 'closed-is-set' };
const boards = (...list: BoardSettings[]) => new Map(list.map((b) => [b.address, b]));
const BUS = boards(B0, B1, B15);

const open = (board: number, lock: number): LockerRequest => ({ kind: 'open', board, lock });
const query = (board: number): LockerRequest => ({ kind: 'query-board', board });
const asFrame = <T extends object>(value: T) => ({ type: 'frame' as const, ...value });
type Status = Extract<LockerReply, { kind: 'board-status' }>;
const closedLocks = (reply: unknown) => (reply as Status).locks.filter((l) => l.closed).map((l) => l.lock);
const itemLocks = (reply: unknown) => (reply as Status).locks.filter((l) => l.itemPresent).map((l) => l.lock);

function replyFramer(expected: LockerRequest | undefined, bus = BUS) {
  const framer = kerongCu16.createReplyFramer(bus);
  framer.expect(expected);
  return framer;
}

// Board 1: hooks locked on 1 and 16, items in 2 and 15.
const B1_STATUS = '02 10 35 01 80 02 40 03 0D';
const ALL_LOCKED = '02 00 35 FF FF 00 00 03 38';
const LOCK_1_OPEN = '02 00 35 FE FF 00 00 03 37';

describe('CU16 requests', () => {
  it('encodes the published examples byte for byte', () => {
    expect(toHex(kerongCu16.encodeRequest(query(0), B0))).toBe('02 00 30 03 35');
    expect(toHex(kerongCu16.encodeRequest(open(0, 1), B0))).toBe('02 00 31 03 36');
    expect(toHex(kerongCu16.encodeRequest(open(1, 2), B1))).toBe('02 11 31 03 47');
    expect(toHex(kerongCu16.encodeRequest(open(15, 16), B15))).toBe('02 FF 31 03 35');
  });

  it('refuses hold-power, and boards or locks out of range', () => {
    expect(() => kerongCu16.encodeRequest({ kind: 'hold-power', board: 0, lock: 1, on: true }, B0)).toThrow('kerong-cu16 has no hold-power command');
    expect(() => kerongCu16.encodeRequest(open(0, 17), B0)).toThrow(RangeError);
    expect(() => kerongCu16.encodeRequest(open(0, 0), B0)).toThrow(RangeError);
    expect(() => kerongCu16.encodeRequest(open(16, 1), { ...B0, address: 16 })).toThrow(TypeError);
    expect(() => kerongCu16.encodeRequest(open(0, 1), { ...B0, channels: 12 })).toThrow(TypeError);
  });

  const stream = fromHex('02 00 30 03 35 02 00 31 03 36 02 FF 31 03 35');
  for (const way of everySplit(stream)) {
    it(`the device side reads requests back, fed ${way.label}`, () => {
      expect(feed(kerongCu16.createRequestFramer(BUS), way.chunks)).toEqual([
        asFrame(query(0)), asFrame(open(0, 1)), asFrame(open(15, 16)),
      ]);
    });
  }

  it('reads the whole-bus status request as well-formed but not played', () => {
    expect(feed(kerongCu16.createRequestFramer(BUS), [fromHex('02 F0 32 03 27 02 00 30 03 35')])).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'command 0x32 (status of every board) is not supported: 02 F0 32 03 27' },
      asFrame(query(0)),
    ]);
  });

  it('rejects a bad SUM and reads the next request', () => {
    expect(feed(kerongCu16.createRequestFramer(BUS), [fromHex('02 00 31 03 37 02 00 31 03 36')])).toEqual([
      { type: 'fault', reason: 'bad-checksum', detail: 'request: checksum 37 should be 36: 02 00 31 03 37' },
      asFrame(open(0, 1)),
    ]);
  });

  it('reports a request with data bytes (set unlock time) as oversize', () => {
    // 02 00 37 00 1E 03: 300 ms in 10 ms units.
    expect(feed(kerongCu16.createRequestFramer(BUS), [fromHex('02 00 37 00 1E 03 5A')])).toEqual([
      { type: 'fault', reason: 'oversize', detail: 'request: 7 bytes where 5 were expected: 02 00 37 00 1E 03 5A' },
    ]);
  });
});

describe('CU16 replies', () => {
  for (const way of everySplit(fromHex(B1_STATUS))) {
    it(`reads hook and infrared bits of a status reply, fed ${way.label}`, () => {
      const out = feed(replyFramer(query(1)), way.chunks);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ type: 'frame', kind: 'board-status', board: 1 });
      expect(closedLocks(out[0])).toEqual([1, 16]);
      expect(itemLocks(out[0])).toEqual([2, 15]);
      expect((out[0] as Status).locks).toHaveLength(16);
      expect((out[0] as Status).locks[0]).toEqual({ lock: 1, closed: true, itemPresent: false });
    });
  }

  it('reads the status frame that answers an unlock as the open result of that lock', () => {
    expect(feed(replyFramer(open(0, 1)), [fromHex(LOCK_1_OPEN)])).toEqual([asFrame({ kind: 'open-result', board: 0, lock: 1, opened: true })]);
    expect(feed(replyFramer(open(0, 1)), [fromHex(ALL_LOCKED)])).toEqual([asFrame({ kind: 'open-result', board: 0, lock: 1, opened: false })]);
    // Lock 2 is still locked in LOCK_1_OPEN: its open failed.
    expect(feed(replyFramer(open(0, 2)), [fromHex(LOCK_1_OPEN)])).toEqual([asFrame({ kind: 'open-result', board: 0, lock: 2, opened: false })]);
  });

  it('reads a status frame from another board as a status even while an open is expected', () => {
    const out = feed(replyFramer(open(0, 1)), [fromHex(B1_STATUS)]);
    expect(out[0]).toMatchObject({ kind: 'board-status', board: 1 });
  });

  it('ignores the polarity setting: hook bits are 1 = locked on every CU16', () => {
    const [reply] = feed(replyFramer(query(1), boards({ ...B1, polarity: 'open-is-set' })), [fromHex(B1_STATUS)]);
    expect(closedLocks(reply)).toEqual([1, 16]);
  });

  it('rejects a bad SUM and reads the next frame', () => {
    const out = feed(replyFramer(query(0)), [fromHex('02 00 35 FF FF 00 00 03 39'), fromHex(ALL_LOCKED)]);
    expect(out[0]).toEqual({ type: 'fault', reason: 'bad-checksum', detail: 'board 0 status: checksum 39 should be 38: 02 00 35 FF FF 00 00 03 39' });
    expect(out.slice(1).map((o) => (o.type === 'frame' ? o.kind : o.reason))).toEqual(['board-status']);
  });

  it('reports a status with extra data bytes as oversize', () => {
    expect(feed(replyFramer(query(0)), [fromHex('02 00 35 FF FF 00 00 00 03 38')])).toEqual([
      { type: 'fault', reason: 'oversize', detail: 'board 0 status: 10 bytes where 9 were expected: 02 00 35 FF FF 00 00 00 03 38' },
    ]);
  });

  it('reports a reply that stalls as truncated, and no sooner than the gap', () => {
    const framer = replyFramer(query(0));
    framer.push(fromHex('02 00 35 FF FF'), 1000);
    expect(framer.flush(1099)).toEqual([]);
    expect(framer.flush(1100)).toEqual([{ type: 'fault', reason: 'truncated', detail: 'frame stopped after 5 bytes: 02 00 35 FF FF' }]);
  });

  for (const way of everySplit(concat(fromHex('FF 55 00'), fromHex(ALL_LOCKED)))) {
    it(`reports garbage once, then reads the reply, fed ${way.label}`, () => {
      const out = feed(replyFramer(query(0)), way.chunks);
      expect(out[0]).toEqual({ type: 'fault', reason: 'malformed', detail: '3 bytes outside a frame: FF 55 00' });
      expect(out.slice(1).map((o) => (o.type === 'frame' ? o.kind : o.reason))).toEqual(['board-status']);
    });
  }

  it('rejects replies from boards not on the bus and reply commands it never asks for', () => {
    expect(feed(replyFramer(query(5)), [fromHex('02 50 35 00 00 00 00 03 8A')])[0]).toEqual({
      type: 'fault', reason: 'malformed', detail: 'reply from board 5, which is not on this bus: 02 50 35',
    });
    expect(feed(replyFramer(query(0)), [fromHex('02 00 38 00 1E 03 5B')])[0]).toEqual({
      type: 'fault', reason: 'malformed', detail: 'reply command 0x38 is not read: 02 00 38',
    });
  });
});

describe('CU16 round trips', () => {
  const locks = Array.from({ length: 16 }, (_, i) => ({ lock: i + 1, closed: i % 2 === 0, itemPresent: i % 5 === 1 }));

  for (const board of [B0, B1, B15]) {
    const a = board.address;
    it(`requests and replies for board ${a} decode to themselves`, () => {
      const requests = [open(a, 1), open(a, 16), query(a)];
      const bytes = concat(...requests.map((r) => kerongCu16.encodeRequest(r, board)));
      expect(feed(kerongCu16.createRequestFramer(BUS), [bytes])).toEqual(requests.map(asFrame));
      const cases: [LockerRequest | undefined, LockerReply][] = [
        [query(a), asFrame({ kind: 'board-status', board: a, locks })],
        [undefined, asFrame({ kind: 'board-status', board: a, locks: locks.map((l) => ({ ...l, closed: !l.closed })) })],
        [open(a, 1), asFrame({ kind: 'open-result', board: a, lock: 1, opened: true })],
        [open(a, 16), asFrame({ kind: 'open-result', board: a, lock: 16, opened: false })],
      ];
      for (const [expected, reply] of cases) {
        expect(feed(replyFramer(expected), [kerongCu16.encodeReply(reply, board)])).toEqual([reply]);
      }
    });
  }

  it('encodes replies byte for byte; an open result echoes the lock in ADDR', () => {
    const all = Array.from({ length: 16 }, (_, i) => ({ lock: i + 1, closed: true }));
    expect(toHex(kerongCu16.encodeReply(asFrame({ kind: 'board-status', board: 0, locks: all }), B0))).toBe(ALL_LOCKED);
    expect(toHex(kerongCu16.encodeReply(asFrame({ kind: 'open-result', board: 0, lock: 1, opened: true }), B0))).toBe(LOCK_1_OPEN);
    expect(toHex(kerongCu16.encodeReply(asFrame({ kind: 'open-result', board: 1, lock: 3, opened: true }), B1))).toBe('02 12 35 FB FF 00 00 03 46');
    expect(() => kerongCu16.encodeReply(asFrame({ kind: 'door-report', board: 0, lock: 1, closed: true }), B0)).toThrow(TypeError);
    expect(() => kerongCu16.encodeReply(asFrame({ kind: 'power-ack', board: 0, lock: 1 }), B0)).toThrow(TypeError);
  });
});
