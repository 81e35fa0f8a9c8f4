import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../codecs/framer';
import { concat, everySplit, feed } from '../../codecs/framer-test-kit';
import type { BoardSettings, LockerRequest } from '../locker-protocol';
import { bcc8a80 } from './bcc-8a80';
import { kerongCu16 } from './kerong-cu16';

const asFrame = <T extends object>(value: T) => ({ type: 'frame' as const, ...value });
const openAll = (board: number): LockerRequest => ({ kind: 'open-all', board });
const boards = (...list: BoardSettings[]) => new Map(list.map((b) => [b.address, b]));

describe('8A/80 open all (lock 0)', () => {
  const A1: BoardSettings = { address: 1, channels: 24, polarity: 'closed-is-set' };
  const A2: BoardSettings = { address: 2, channels: 16, polarity: 'open-is-set' };
  const BUS = boards(A1, A2);

  it('encodes the published examples byte for byte', () => {
    expect(toHex(bcc8a80.encodeRequest(openAll(1), A1))).toBe('8A 01 00 11 9A');
    expect(toHex(bcc8a80.encodeRequest(openAll(2), A2))).toBe('8A 02 00 11 99');
  });

  it('refuses a board whose devices.json says it lacks the command', () => {
    expect(() => bcc8a80.encodeRequest(openAll(1), { ...A1, openAll: false })).toThrow('board 1 has no open-all command');
  });

  for (const way of everySplit(fromHex('8A 01 00 11 9A 8A 02 00 11 99'))) {
    it(`the device side reads both back, fed ${way.label}`, () => {
      expect(feed(bcc8a80.createRequestFramer(BUS), way.chunks)).toEqual([asFrame(openAll(1)), asFrame(openAll(2))]);
    });
  }

  it('the board answers with 8A bb 00 SS, the open polarity in SS', () => {
    expect(toHex(bcc8a80.encodeReply(asFrame({ kind: 'open-all-ack', board: 1 }), A1))).toBe('8A 01 00 00 8B');
    expect(toHex(bcc8a80.encodeReply(asFrame({ kind: 'open-all-ack', board: 2 }), A2))).toBe('8A 02 00 11 99');
  });

  // A door report may arrive while the board works through its locks; both are read.
  const answer = concat(fromHex('81 01 05 00 85'), fromHex('8A 01 00 00 8B'));
  for (const way of everySplit(answer)) {
    it(`the host reads the late answer while open-all is awaited, fed ${way.label}`, () => {
      const framer = bcc8a80.createReplyFramer(BUS);
      framer.expect(openAll(1));
      expect(feed(framer, way.chunks)).toEqual([
        asFrame({ kind: 'door-report', board: 1, lock: 5, closed: false }),
        asFrame({ kind: 'open-all-ack', board: 1 }),
      ]);
    });
  }

  it('takes either SS value as the answer, and lock 0 as nothing while one lock is awaited', () => {
    const framer = bcc8a80.createReplyFramer(BUS);
    framer.expect(openAll(1));
    expect(feed(framer, [fromHex('8A 01 00 11 9A')])).toEqual([asFrame({ kind: 'open-all-ack', board: 1 })]);
    framer.expect({ kind: 'open', board: 1, lock: 1 });
    expect(feed(framer, [fromHex('8A 01 00 00 8B')])).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'lock 0 is outside 1–24 on board 1: 8A 01 00' },
    ]);
  });

  it('rejects a bad BCC on the answer', () => {
    const framer = bcc8a80.createReplyFramer(BUS);
    framer.expect(openAll(1));
    expect(feed(framer, [fromHex('8A 01 00 00 8C')])[0]).toMatchObject({ type: 'fault', reason: 'bad-checksum' });
  });
});

describe('CU16 unlock all (33)', () => {
  const K0: BoardSettings = { address: 0, channels: 16, polarity: 'closed-is-set' };
  const K1: BoardSettings = { address: 1, channels: 16, polarity: 'closed-is-set' };
  const BUS = boards(K0, K1);

  it('encodes 02 b0 33 03 SUM byte for byte', () => {
    expect(toHex(kerongCu16.encodeRequest(openAll(0), K0))).toBe('02 00 33 03 38');
    expect(toHex(kerongCu16.encodeRequest(openAll(1), K1))).toBe('02 10 33 03 48');
    expect(() => kerongCu16.encodeRequest(openAll(1), { ...K1, openAll: false })).toThrow(RangeError);
  });

  for (const way of everySplit(fromHex('02 00 33 03 38 02 10 33 03 48'))) {
    it(`the device side reads both back, fed ${way.label}`, () => {
      expect(feed(kerongCu16.createRequestFramer(BUS), way.chunks)).toEqual([asFrame(openAll(0)), asFrame(openAll(1))]);
    });
  }

  // Every hook unlocked on board 1, nothing inside.
  const ALL_OPEN = '02 10 35 00 00 00 00 03 4A';
  it('the board answers with its status frame, every hook unlocked', () => {
    expect(toHex(kerongCu16.encodeReply(asFrame({ kind: 'open-all-ack', board: 1 }), K1))).toBe(ALL_OPEN);
  });

  for (const way of everySplit(fromHex(ALL_OPEN))) {
    it(`the host reads that status as the answer while unlock-all is awaited, fed ${way.label}`, () => {
      const framer = kerongCu16.createReplyFramer(BUS);
      framer.expect(openAll(1));
      expect(feed(framer, way.chunks)).toEqual([asFrame({ kind: 'open-all-ack', board: 1 })]);
    });
  }

  it('reads the same frame as a plain status when nothing or another board is awaited', () => {
    const framer = kerongCu16.createReplyFramer(BUS);
    framer.expect(openAll(0));
    expect(feed(framer, [fromHex(ALL_OPEN)])).toMatchObject([{ kind: 'board-status', board: 1 }]);
  });
});
