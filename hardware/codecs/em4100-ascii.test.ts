import { describe, expect, it } from 'vitest';
import { createEm4100Framer, encodeEm4100 } from './em4100-ascii';
import { fromHex } from './framer';
import { ascii, concat, everySplit, feed } from './framer-test-kit';

// 02 "307E4DE5C2" "24" 03 — the reference example: 30^7E^4D^E5^C2 = 24.
const VALID = fromHex('02 33 30 37 45 34 44 45 35 43 32 32 34 03');
const SECOND = encodeEm4100('01026F6C3A');
const frame = (text: string) => ({ type: 'frame', text });

describe('EM4100 ASCII framer', () => {
  it('encodes the reference example byte for byte', () => {
    expect(encodeEm4100('307e4de5c2')).toEqual(VALID);
    expect(Array.from(SECOND.subarray(11, 13), (b) => String.fromCharCode(b)).join('')).toBe('3A'); // 01^02^6F^6C^3A = 3A
  });

  it('rejects bad encoder input with a TypeError', () => {
    expect(() => encodeEm4100('12345')).toThrow(TypeError);
    expect(() => encodeEm4100('zz26F6C3A0')).toThrow(TypeError);
  });

  for (const way of everySplit(concat(VALID, SECOND))) {
    it(`decodes two frames fed ${way.label}`, () => {
      expect(feed(createEm4100Framer(), way.chunks)).toEqual([frame('307E4DE5C2'), frame('01026F6C3A')]);
    });
  }

  it('accepts lower-case hex and reports it upper case', () => {
    expect(feed(createEm4100Framer(), [concat([2], ascii('307e4de5c224'), [3])])).toEqual([frame('307E4DE5C2')]);
  });

  it('reports a bad checksum and then reads the next frame', () => {
    const bad = concat([2], ascii('307E4DE5C225'), [3]);
    const out = feed(createEm4100Framer(), [concat(bad, VALID)]);
    expect(out).toEqual([
      { type: 'fault', reason: 'bad-checksum', detail: 'checksum 25 should be 24: 02 33 30 37 45 34 44 45 35 43 32 32 35 03' },
      frame('307E4DE5C2'),
    ]);
  });

  it('reports a frame that stalls for the gap as truncated, then reads the next', () => {
    const framer = createEm4100Framer();
    expect(framer.push(VALID.subarray(0, 6), 1000)).toEqual([]);
    expect(framer.hasPending).toBe(true);
    expect(framer.flush(1099)).toEqual([]);
    expect(framer.flush(1100)).toEqual([{ type: 'fault', reason: 'truncated', detail: 'frame stopped after 6 bytes: 02 33 30 37 45 34' }]);
    expect(framer.hasPending).toBe(false);
    expect(framer.push(VALID, 1200)).toEqual([frame('307E4DE5C2')]);
  });

  it('treats a late rest of a frame as truncated plus garbage, not as a frame', () => {
    const framer = createEm4100Framer();
    framer.push(VALID.subarray(0, 7), 0);
    const out = [...framer.push(VALID.subarray(7), 500), ...framer.flush(10_000)];
    expect(out.map((o) => (o.type === 'fault' ? o.reason : o.text))).toEqual(['truncated', 'malformed']);
  });

  it('reports a frame cut short by a new STX as truncated and reads the new frame', () => {
    const out = feed(createEm4100Framer(), [concat(VALID.subarray(0, 5), VALID)]);
    expect(out).toEqual([
      { type: 'fault', reason: 'truncated', detail: 'new frame began after 4 digits: 02 33 30 37 45 02' },
      frame('307E4DE5C2'),
    ]);
  });

  it('reports oversize when more than 12 digits come before ETX', () => {
    const out = feed(createEm4100Framer(), [concat([2], ascii('307E4DE5C2241'), [3]), VALID]);
    expect(out.map((o) => o.type === 'fault' ? o.reason : o.text)).toEqual(['oversize', '307E4DE5C2']);
  });

  it('reports a non-hex byte inside a frame as malformed and resyncs', () => {
    const out = feed(createEm4100Framer(), [concat([2], ascii('30G'), VALID)]);
    expect(out).toEqual([{ type: 'fault', reason: 'malformed', detail: 'non-hex byte in frame: 02 33 30 47' }, frame('307E4DE5C2')]);
  });

  for (const way of everySplit(concat(ascii('hello'), [0xff, 0x00], VALID))) {
    it(`reports garbage once and resyncs on STX, fed ${way.label}`, () => {
      expect(feed(createEm4100Framer(), way.chunks)).toEqual([
        { type: 'fault', reason: 'malformed', detail: '7 bytes outside a frame: 68 65 6C 6C 6F FF 00' },
        frame('307E4DE5C2'),
      ]);
    });
  }

  it('reports trailing garbage after the gap, once, however long', () => {
    const framer = createEm4100Framer();
    const junk = new Uint8Array(100_000).fill(0x41);
    expect(framer.push(junk, 0)).toEqual([]);
    expect(framer.flush(100)).toEqual([
      { type: 'fault', reason: 'malformed', detail: `100000 bytes outside a frame: ${Array(16).fill('41').join(' ')} …` },
    ]);
    expect(framer.flush(200)).toEqual([]);
  });

  it('forgets everything on reset', () => {
    const framer = createEm4100Framer();
    framer.push(VALID.subarray(0, 9), 0);
    framer.reset();
    expect(framer.hasPending).toBe(false);
    expect(framer.push(VALID, 1)).toEqual([frame('307E4DE5C2')]);
  });

  it('rejects a bad gap option', () => {
    expect(() => createEm4100Framer({ gapMs: 0 })).toThrow(TypeError);
  });
});
