import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../codecs/framer';
import { concat, everySplit, feed } from '../../codecs/framer-test-kit';
import type { BoardSettings, LockerReply, LockerRequest } from '../locker-protocol';
import { bcc8a80 } from './bcc-8a80';

const B1: BoardSettings = { address: 1, channels: 24, polarity: 'closed-is-set' };
const B2: BoardSettings = { address: 2, channels: 8, polarity: 'open-is-set' };
const B3: BoardSettings = { address: 3, channels: 16, polarity: 'closed-is-set' };
const B4: BoardSettings = { address: 4, channels: 32, polarity: 'closed-is-set' };
const B8: BoardSettings = { address: 1, channels: 8, polarity: 'closed-is-set' };
const boards = (...list: BoardSettings[]) => new Map(list.map((b) => [b.address, b]));
const BUS = boards(B1, B2, B3, B4);

const open = (board: number, lock: number): LockerRequest => ({ kind: 'open', board, lock });
const query = (board: number): LockerRequest => ({ kind: 'query-board', board });
const queryLock = (board: number, lock: number): LockerRequest => ({ kind: 'query-lock', board, lock });
const hold = (board: number, lock: number, on: boolean): LockerRequest => ({ kind: 'hold-power', board, lock, on });
const asFrame = <T extends object>(value: T) => ({ type: 'frame' as const, ...value });
/** Lock numbers that read closed in a board-status reply. */
const closedLocks = (reply: unknown) =>
  (reply as Extract<LockerReply, { kind: 'board-status' }>).locks.filter((l) => l.closed).map((l) => l.lock);
const reasons = (out: readonly { type: string; reason?: string; kind?: string }[]) =>
  out.map((o) => (o.type === 'fault' ? `fault:${o.reason}` : o.kind));

function replyFramer(expected: LockerRequest | undefined, bus = BUS) {
  const framer = bcc8a80.createReplyFramer(bus);
  framer.expect(expected);
  return framer;
}

describe('8A/80 requests', () => {
  const published: [LockerRequest, BoardSettings, string][] = [
    [open(1, 1), B1, '8A 01 01 11 9B'],
    [open(1, 2), B1, '8A 01 02 11 98'],
    [query(1), B1, '80 01 00 33 B2'],
    [queryLock(1, 1), B1, '80 01 01 33 B3'],
    [hold(1, 1, true), B1, '9A 01 01 11 8B'],
    [hold(1, 1, false), B1, '9B 01 01 11 8A'],
  ];

  it('encodes the published examples byte for byte', () => {
    for (const [request, board, hex] of published) expect(toHex(bcc8a80.encodeRequest(request, board))).toBe(hex);
  });

  it('refuses boards and locks out of range with RangeError', () => {
    expect(() => bcc8a80.encodeRequest(open(1, 0), B1)).toThrow(RangeError);
    expect(() => bcc8a80.encodeRequest(open(1, 25), B1)).toThrow('lock 25 is outside 1–24 on board 1');
    expect(() => bcc8a80.encodeRequest(open(2, 1), B1)).toThrow(RangeError);
    expect(() => bcc8a80.encodeRequest(hold(2, 9, true), B2)).toThrow(RangeError);
    expect(() => bcc8a80.encodeRequest(query(33), { ...B1, address: 33 })).toThrow(TypeError);
  });

  const stream = concat(...published.map(([, , hex]) => fromHex(hex)));
  for (const way of everySplit(stream)) {
    it(`the device side reads all six back, fed ${way.label}`, () => {
      expect(feed(bcc8a80.createRequestFramer(BUS), way.chunks)).toEqual(published.map(([request]) => asFrame(request)));
    });
  }

  it('reads FUNC 10 on hold-power, as some hosts send it', () => {
    expect(feed(bcc8a80.createRequestFramer(BUS), [fromHex('9A 01 01 10 8A')])).toEqual([asFrame(hold(1, 1, true))]);
  });

  it('refuses commands this system never sends, then reads the next request', () => {
    const out = feed(bcc8a80.createRequestFramer(BUS), [fromHex('80 01 01 22 A2 9A 01 00 11 8A 8A 01 00 22 A9 8A 01 01 22 A8 8A 01 02 11 98')]);
    expect(out).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'query with FUNC 0x22, not 0x33: 80 01 01 22 A2' },
      { type: 'fault', reason: 'malformed', detail: 'lock 0 (every lock) is not supported: 9A 01 00 11 8A' },
      { type: 'fault', reason: 'malformed', detail: 'open all with FUNC 0x22, not 0x11: 8A 01 00 22 A9' },
      { type: 'fault', reason: 'malformed', detail: 'open with FUNC 0x22, not 0x11: 8A 01 01 22 A8' },
      asFrame(open(1, 2)),
    ]);
  });

  it('checks locks against the board where it is known, and reads requests for other boards', () => {
    const out = feed(bcc8a80.createRequestFramer(BUS), [fromHex('8A 02 09 11 90 8A 05 01 11 9F')]);
    expect(out).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'lock 9 is outside 1–8 on board 2: 8A 02 09 11 90' },
      asFrame(open(5, 1)),
    ]);
  });

  it('rejects a bad BCC and resyncs on the frame after it', () => {
    const out = feed(bcc8a80.createRequestFramer(BUS), [fromHex('8A 01 01 11 9C 80 01 00 33 B2')]);
    expect(out).toEqual([
      { type: 'fault', reason: 'bad-checksum', detail: 'BCC 9C should be 9B: 8A 01 01 11 9C' },
      asFrame(query(1)),
    ]);
  });
});

describe('8A/80 replies', () => {
  it('reads an open reply per polarity: closed-is-set answers 00 on success and 11 on failure', () => {
    expect(feed(replyFramer(open(1, 1)), [fromHex('8A 01 01 00 8A')])).toEqual([
      asFrame({ kind: 'open-result', board: 1, lock: 1, opened: true }),
    ]);
    expect(feed(replyFramer(open(1, 1)), [fromHex('8A 01 01 11 9B')])).toEqual([
      asFrame({ kind: 'open-result', board: 1, lock: 1, opened: false }),
    ]);
    // Board 2 is wired the other way round: 11 is success.
    expect(feed(replyFramer(open(2, 1)), [fromHex('8A 02 01 11 98')])).toEqual([
      asFrame({ kind: 'open-result', board: 2, lock: 1, opened: true }),
    ]);
    expect(feed(replyFramer(open(2, 1)), [fromHex('8A 02 01 00 89')])).toEqual([
      asFrame({ kind: 'open-result', board: 2, lock: 1, opened: false }),
    ]);
  });

  const statusCases: [string, BoardSettings, string, number[]][] = [
    ['8-channel, lock 1 set', B8, '80 01 01 33 B3', [1]],
    ['8-channel, none set', B8, '80 01 00 33 B2', []],
    ['16-channel, 1 and 16 set', B3, '80 03 80 01 33 31', [1, 16]],
    ['24-channel, 1, 9 and 17 set', B1, '80 01 01 01 01 33 B3', [1, 9, 17]],
    ['32-channel, 1 and 32 set', B4, '80 04 80 00 00 01 33 36', [1, 32]],
  ];
  for (const [label, board, hex, closed] of statusCases) {
    for (const way of everySplit(fromHex(hex))) {
      it(`reads a ${label} status reply, fed ${way.label}`, () => {
        const out = feed(replyFramer(query(board.address), boards(board)), way.chunks);
        expect(out).toHaveLength(1);
        expect(out[0]).toMatchObject({ type: 'frame', kind: 'board-status', board: board.address });
        expect(closedLocks(out[0])).toEqual(closed);
        expect((out[0] as unknown as { locks: unknown[] }).locks).toHaveLength(board.channels);
      });
    }
  }

  it('applies open-is-set to status bits: a set bit is an open door', () => {
    const board: BoardSettings = { ...B1, polarity: 'open-is-set' };
    const [reply] = feed(replyFramer(query(1), boards(board)), [fromHex('80 01 01 01 01 33 B3')]);
    const all = Array.from({ length: 24 }, (_, i) => i + 1);
    expect(closedLocks(reply)).toEqual(all.filter((l) => ![1, 9, 17].includes(l)));
  });

  it('reads unsolicited 81 reports at any time, per polarity', () => {
    const framer = replyFramer(undefined);
    expect(framer.push(fromHex('81 01 05 11 94 81 01 05 00 85'), 0)).toEqual([
      asFrame({ kind: 'door-report', board: 1, lock: 5, closed: true }),
      asFrame({ kind: 'door-report', board: 1, lock: 5, closed: false }),
    ]);
    framer.expect(query(1));
    expect(framer.push(fromHex('81 02 01 11 93'), 0)).toEqual([asFrame({ kind: 'door-report', board: 2, lock: 1, closed: false })]);
  });

  it('takes any well-formed 9A or 9B echo as the power acknowledgement', () => {
    expect(feed(replyFramer(hold(1, 1, true)), [fromHex('9A 01 01 11 8B 9B 01 01 11 8A 9A 01 01 10 8A')])).toEqual([
      asFrame({ kind: 'power-ack', board: 1, lock: 1 }),
      asFrame({ kind: 'power-ack', board: 1, lock: 1 }),
      asFrame({ kind: 'power-ack', board: 1, lock: 1 }),
    ]);
  });

  it('reads a reply and the report behind it in one chunk, split every way', () => {
    const bytes = fromHex('80 01 01 01 01 33 B3 81 01 05 11 94');
    for (const way of everySplit(bytes)) {
      expect(reasons(feed(replyFramer(query(1)), way.chunks))).toEqual(['board-status', 'door-report']);
    }
  });

  it('rejects a bad BCC and reads the frame after it', () => {
    expect(feed(replyFramer(open(1, 1)), [fromHex('8A 01 01 00 8B 81 01 05 11 94')])).toEqual([
      { type: 'fault', reason: 'bad-checksum', detail: 'BCC 8B should be 8A: 8A 01 01 00 8B' },
      asFrame({ kind: 'door-report', board: 1, lock: 5, closed: true }),
    ]);
    expect(feed(replyFramer(query(1)), [fromHex('80 01 01 01 01 33 B4')])).toEqual([
      { type: 'fault', reason: 'bad-checksum', detail: 'board 1 status (24 channels): checksum B4 should be B3: 80 01 01 01 01 33 B4' },
    ]);
  });

  it('reports a status reply longer than the board\'s channel count as oversize', () => {
    // Board 3 is set to 16 channels but answers like a 24-channel board.
    const framer = replyFramer(query(3));
    expect(framer.push(fromHex('80 03 00 00 00 33 B0'), 0)).toEqual([
      { type: 'fault', reason: 'oversize', detail: 'board 3 status (16 channels): 7 bytes where 6 were expected: 80 03 00 00 00 33 B0' },
    ]);
    expect(framer.hasPending).toBe(false);
  });

  it('reports a status reply whose 33 never comes as malformed, then resyncs', () => {
    const out = feed(replyFramer(query(3)), [fromHex('80 03 01 02 34 00 11 22 81 03 02 11 91')]);
    expect(reasons(out)).toEqual(['fault:malformed', 'door-report']);
    expect(out[0]).toEqual({ type: 'fault', reason: 'malformed', detail: 'board 3 status (16 channels): no 33 at byte 5: 80 03 01 02 34 00 11 22' });
  });

  it('reports a reply that stalls for the gap as truncated, and no sooner', () => {
    const framer = replyFramer(query(1));
    expect(framer.push(fromHex('80 01 01 01'), 0)).toEqual([]);
    expect(framer.hasPending).toBe(true);
    expect(framer.flush(99)).toEqual([]);
    expect(framer.flush(100)).toEqual([{ type: 'fault', reason: 'truncated', detail: 'frame stopped after 4 bytes: 80 01 01 01' }]);
    expect(framer.hasPending).toBe(false);
    expect(reasons(feed(framer, [fromHex('80 01 01 01 01 33 B3')], 200))).toEqual(['board-status']);
  });

  it('reports a late 33 that then stalls as malformed rather than truncated', () => {
    const framer = replyFramer(query(3));
    framer.push(fromHex('80 03 01 02 34 00'), 0);
    expect(framer.flush(100)).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'board 3 status (16 channels): no 33 at byte 5: 80 03 01 02 34 00' },
    ]);
  });

  for (const way of everySplit(fromHex('FF 00 33 12 8A 01 01 00 8A'))) {
    it(`reports garbage once, then reads the reply, fed ${way.label}`, () => {
      expect(feed(replyFramer(open(1, 1)), way.chunks)).toEqual([
        { type: 'fault', reason: 'malformed', detail: '4 bytes outside a frame: FF 00 33 12' },
        asFrame({ kind: 'open-result', board: 1, lock: 1, opened: true }),
      ]);
    });
  }

  it('rejects replies from boards that are not on the bus', () => {
    expect(feed(replyFramer(open(5, 1)), [fromHex('8A 05 01 00 8E')])).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'reply from board 5, which is not on this bus: 8A 05' },
    ]);
  });

  it('treats a reply nobody asked for as bytes outside a frame', () => {
    expect(feed(replyFramer(query(1)), [fromHex('8A 01 01 00 8A')])).toEqual([
      { type: 'fault', reason: 'malformed', detail: '5 bytes outside a frame: 8A 01 01 00 8A' },
    ]);
    expect(reasons(feed(replyFramer(undefined), [fromHex('80 01 01 01 01 33 B3')]))).toEqual(['fault:malformed']);
  });

  it('rejects a status byte other than 00 or 11, and a lock the board does not have', () => {
    expect(feed(replyFramer(open(1, 1)), [fromHex('8A 01 01 01 8B')])).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'status byte 0x01 is neither 0x00 nor 0x11: 8A 01 01 01 8B' },
    ]);
    expect(feed(replyFramer(open(2, 8)), [fromHex('8A 02 0A 00 82')])).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'lock 10 is outside 1–8 on board 2: 8A 02 0A' },
    ]);
  });

  it('refuses bad board settings and gaps with TypeError', () => {
    expect(() => bcc8a80.createReplyFramer(boards({ ...B1, channels: 12 }))).toThrow('board 1 has 12 channels; it may have 8, 16, 24, 32');
    expect(() => bcc8a80.createReplyFramer(boards({ ...B1, address: 0 }))).toThrow(TypeError);
    expect(() => bcc8a80.createRequestFramer(BUS, 0)).toThrow(TypeError);
  });
});

describe('8A/80 round trips', () => {
  for (const board of [B1, B2, B3, B4]) {
    const bus = boards(board);
    const a = board.address;
    const last = board.channels;

    it(`every request kind for board ${a} (${board.channels} ch, ${board.polarity}) decodes to itself`, () => {
      const requests = [open(a, 1), open(a, last), query(a), hold(a, last, true), hold(a, 1, false)];
      const bytes = concat(...requests.map((r) => bcc8a80.encodeRequest(r, board)));
      expect(feed(bcc8a80.createRequestFramer(bus), [bytes])).toEqual(requests.map(asFrame));
    });

    it(`every reply kind for board ${a} (${board.channels} ch, ${board.polarity}) decodes to itself`, () => {
      const pattern = Array.from({ length: last }, (_, i) => ({ lock: i + 1, closed: i % 3 === 0 || i === last - 1 }));
      const cases: [LockerRequest | undefined, LockerReply][] = [
        [open(a, 1), asFrame({ kind: 'open-result', board: a, lock: 1, opened: true })],
        [open(a, last), asFrame({ kind: 'open-result', board: a, lock: last, opened: false })],
        [query(a), asFrame({ kind: 'board-status', board: a, locks: pattern })],
        [query(a), asFrame({ kind: 'board-status', board: a, locks: pattern.map((l) => ({ ...l, closed: !l.closed })) })],
        [hold(a, 2, true), asFrame({ kind: 'power-ack', board: a, lock: 2 })],
        [undefined, asFrame({ kind: 'door-report', board: a, lock: last, closed: true })],
        [undefined, asFrame({ kind: 'door-report', board: a, lock: 1, closed: false })],
      ];
      for (const [expected, reply] of cases) {
        expect(feed(replyFramer(expected, bus), [bcc8a80.encodeReply(reply, board)])).toEqual([reply]);
      }
    });
  }

  it('encodes the published replies byte for byte', () => {
    expect(toHex(bcc8a80.encodeReply(asFrame({ kind: 'open-result', board: 1, lock: 1, opened: true }), B1))).toBe('8A 01 01 00 8A');
    expect(toHex(bcc8a80.encodeReply(asFrame({ kind: 'open-result', board: 1, lock: 1, opened: false }), B1))).toBe('8A 01 01 11 9B');
    const locks = Array.from({ length: 24 }, (_, i) => ({ lock: i + 1, closed: [1, 9, 17].includes(i + 1) }));
    expect(toHex(bcc8a80.encodeReply(asFrame({ kind: 'board-status', board: 1, locks }), B1))).toBe('80 01 01 01 01 33 B3');
    expect(toHex(bcc8a80.encodeReply(asFrame({ kind: 'power-ack', board: 1, lock: 1 }), B1))).toBe('9A 01 01 11 8B');
  });

  it('refuses a status reply that does not cover every lock exactly once', () => {
    const locks = Array.from({ length: 7 }, (_, i) => ({ lock: i + 1, closed: true }));
    expect(() => bcc8a80.encodeReply(asFrame({ kind: 'board-status', board: 1, locks }), B8)).toThrow(RangeError);
    expect(() => bcc8a80.encodeReply(asFrame({ kind: 'board-status', board: 1, locks: [...locks, { lock: 7, closed: true }] }), B8)).toThrow(RangeError);
    expect(() => bcc8a80.encodeReply(asFrame({ kind: 'door-report', board: 1, lock: 9, closed: true }), B8)).toThrow(RangeError);
  });
});

describe('8A/80 single-lock query', () => {
  // closed-is-set (B1): SS 11 = switch set = shut; open-is-set (B2): the reverse.
  const cases: [BoardSettings, number, string, boolean][] = [
    [B1, 1, '80 01 01 11 91', true],
    [B1, 1, '80 01 01 00 80', false],
    [B2, 3, '80 02 03 11 90', false],
    [B2, 3, '80 02 03 00 81', true],
  ];
  for (const [board, lock, hex, closed] of cases) {
    for (const way of everySplit(fromHex(hex))) {
      it(`reads ${hex} as lock ${lock} ${closed ? 'shut' : 'open'}, fed ${way.label}`, () => {
        expect(feed(replyFramer(queryLock(board.address, lock)), way.chunks)).toEqual([
          { type: 'frame', kind: 'lock-status', board: board.address, lock, closed },
        ]);
      });
    }
    it(`encodes lock ${lock} ${closed ? 'shut' : 'open'} on board ${board.address} as ${hex}`, () => {
      expect(toHex(bcc8a80.encodeReply({ type: 'frame', kind: 'lock-status', board: board.address, lock, closed }, board))).toBe(hex);
    });
  }

  it('takes a 5-byte 80 frame as a lock reply only while a lock query is awaited', () => {
    // Awaiting a board query, the same bytes are a truncated 7-byte status reply of board 1 (24 channels).
    const out = feed(replyFramer(query(1)), [fromHex('80 01 01 11 91')]);
    expect(reasons(out)).toEqual(['fault:truncated']);
    expect(feed(replyFramer(queryLock(1, 1)), [fromHex('80 01 01 11 92')])).toEqual([
      { type: 'fault', reason: 'bad-checksum', detail: 'BCC 92 should be 91: 80 01 01 11 92' },
    ]);
  });

  it('refuses a lock beyond the board on both sides', () => {
    expect(() => bcc8a80.encodeRequest(queryLock(2, 9), B2)).toThrow('lock 9 is outside 1–8 on board 2');
    expect(feed(bcc8a80.createRequestFramer(BUS), [fromHex('80 02 09 33 B8')])).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'lock 9 is outside 1–8 on board 2: 80 02 09 33 B8' },
    ]);
  });
});
