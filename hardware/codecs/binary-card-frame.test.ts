import { describe, expect, it } from 'vitest';
import { createBinaryCardFramer, encodeBinaryCardFrame } from './binary-card-frame';
import { fromHex } from './framer';
import { concat, everySplit, feed } from './framer-test-kit';

// The reference example. Its BCC checks out: 0A^02^06^00^8E^6D^5D = B0.
const EM4100 = fromHex('02 0A 02 06 00 8E 6D 5D B0 03');
// A Mifare Classic 4-byte UID: 09^01^02^6F^6C^3A = 33.
const MIFARE = fromHex('02 09 01 02 6F 6C 3A 33 03');

type Out = ReturnType<ReturnType<typeof createBinaryCardFramer>['push']>[number];
const show = (o: Out) => (o.type === 'fault' ? `${o.reason}` : `${o.cardType}:${Buffer.from(o.snr).toString('hex')}`);

describe('binary card frame framer', () => {
  it('encodes both fixtures byte for byte', () => {
    expect(encodeBinaryCardFrame(2, [0x06, 0x00, 0x8e, 0x6d, 0x5d])).toEqual(EM4100);
    expect(encodeBinaryCardFrame(1, [0x02, 0x6f, 0x6c, 0x3a])).toEqual(MIFARE);
    expect(() => encodeBinaryCardFrame(1, [])).toThrow(TypeError);
  });

  for (const way of everySplit(concat(EM4100, MIFARE))) {
    it(`decodes two frames fed ${way.label}`, () => {
      expect(feed(createBinaryCardFramer(), way.chunks)).toEqual([
        { type: 'frame', cardType: 2, snr: fromHex('06 00 8E 6D 5D') },
        { type: 'frame', cardType: 1, snr: fromHex('02 6F 6C 3A') },
      ]);
    });
  }

  it('reports a bad BCC and then reads the next frame', () => {
    const bad = fromHex('02 0A 02 06 00 8E 6D 5D B1 03');
    expect(feed(createBinaryCardFramer(), [concat(bad, MIFARE)])).toEqual([
      { type: 'fault', reason: 'bad-checksum', detail: 'BCC B1 should be B0: 02 0A 02 06 00 8E 6D 5D B1 03' },
      { type: 'frame', cardType: 1, snr: fromHex('02 6F 6C 3A') },
    ]);
  });

  it('reports a LEN over the maximum as oversize without waiting for it', () => {
    const framer = createBinaryCardFramer();
    expect(framer.push(fromHex('02 40 01 05'), 0)).toEqual([
      { type: 'fault', reason: 'oversize', detail: 'LEN 64 is over 32: 02 40' },
    ]);
    expect(feed(framer, [EM4100]).map(show)).toEqual(['2:06008e6d5d']);
  });

  it('reports a LEN too small to be a frame as malformed', () => {
    expect(feed(createBinaryCardFramer(), [fromHex('02 04'), MIFARE]).map(show)).toEqual(['malformed', '1:026f6c3a']);
  });

  it('reports a missing ETX as malformed and finds a frame that started inside', () => {
    // A frame whose LEN says 9 but whose 9th byte is not ETX; the real frame starts at its 3rd byte.
    const out = feed(createBinaryCardFramer(), [concat(fromHex('02 09'), MIFARE)]);
    expect(out.map(show)).toEqual(['malformed', '1:026f6c3a']);
  });

  it('reports a frame that stalls for the gap as truncated', () => {
    const framer = createBinaryCardFramer();
    framer.push(EM4100.subarray(0, 5), 0);
    expect(framer.flush(99)).toEqual([]);
    expect(framer.flush(100)).toEqual([{ type: 'fault', reason: 'truncated', detail: 'frame stopped after 5 bytes: 02 0A 02 06 00' }]);
  });

  for (const way of everySplit(concat(fromHex('FF 00 41 03'), EM4100))) {
    it(`reports garbage once then resyncs, fed ${way.label}`, () => {
      expect(feed(createBinaryCardFramer(), way.chunks)).toEqual([
        { type: 'fault', reason: 'malformed', detail: '4 bytes outside a frame: FF 00 41 03' },
        { type: 'frame', cardType: 2, snr: fromHex('06 00 8E 6D 5D') },
      ]);
    });
  }

  it('survives garbage that contains STX bytes and still reads the frame after it', () => {
    const junk = fromHex('02 08 55 02 07 02 02 02');
    const out = feed(createBinaryCardFramer(), [concat(junk, EM4100)]);
    expect(out.filter((o) => o.type === 'frame').map(show)).toEqual(['2:06008e6d5d']);
    expect(out.at(-1)?.type).toBe('frame');
  });

  it('rejects bad options', () => {
    expect(() => createBinaryCardFramer({ maxLength: 5 })).toThrow(TypeError);
    expect(() => createBinaryCardFramer({ gapMs: Number.NaN })).toThrow(TypeError);
  });
});
