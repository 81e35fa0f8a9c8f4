import { describe, expect, it } from 'vitest';
import { ascii, concat, everySplit, feed } from './framer-test-kit';
import { createLineFramer, encodeLine } from './line-framer';

const frame = (text: string) => ({ type: 'frame', text });

describe('line framer (QR scanners in virtual-COM mode)', () => {
  it('encodes with a CR or CRLF suffix', () => {
    expect(encodeLine('M-1')).toEqual(Uint8Array.from([0x4d, 0x2d, 0x31, 0x0d]));
    expect(encodeLine('M', '\r\n')).toEqual(Uint8Array.from([0x4d, 0x0d, 0x0a]));
  });

  for (const way of everySplit(concat(encodeLine('MEMBER:ab-12'), encodeLine('0040856634', '\r\n'), ascii('x.y\n')))) {
    it(`splits CR, CRLF and LF lines fed ${way.label}`, () => {
      expect(feed(createLineFramer(), way.chunks)).toEqual([frame('MEMBER:ab-12'), frame('0040856634'), frame('x.y')]);
    });
  }

  it('ignores empty lines', () => {
    expect(feed(createLineFramer(), [ascii('\r\n\r\rA1\r\r\n')])).toEqual([frame('A1')]);
  });

  it('reports a line over the maximum once, at its end, then reads on', () => {
    const long = 'A'.repeat(257);
    const out = feed(createLineFramer(), [ascii(`${long}\r`), encodeLine('OK12')]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ type: 'fault', reason: 'oversize' });
    expect(out[0]?.type === 'fault' && out[0].detail.startsWith('line of 257 bytes is over 256: 41 41')).toBe(true);
    expect(out[1]).toEqual(frame('OK12'));
    expect(feed(createLineFramer(), [ascii(`${'B'.repeat(256)}\r`)])).toEqual([frame('B'.repeat(256))]);
  });

  it('reports a line with unprintable bytes as malformed', () => {
    expect(feed(createLineFramer(), [concat(ascii('AB'), [0x00, 0xff], ascii('C\r')), encodeLine('OK12')])).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'unprintable bytes in line: 41 42 00 FF 43' },
      frame('OK12'),
    ]);
  });

  it('reports a line with no terminator as truncated after the gap', () => {
    const framer = createLineFramer({ gapMs: 50 });
    expect(framer.push(ascii('ABC'), 10)).toEqual([]);
    expect(framer.flush(59)).toEqual([]);
    expect(framer.flush(60)).toEqual([{ type: 'fault', reason: 'truncated', detail: 'line stopped without CR after 3 bytes: 41 42 43' }]);
    expect(framer.push(encodeLine('D'), 70)).toEqual([frame('D')]);
  });

  it('reports endless binary garbage once, as oversize, without holding it all', () => {
    const framer = createLineFramer();
    const junk = new Uint8Array(1_000_000).fill(0x01);
    expect(framer.push(junk, 0)).toEqual([]);
    const out = framer.flush(1000);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'fault', reason: 'oversize' });
  });

  it('rejects bad options', () => {
    expect(() => createLineFramer({ maxLength: 0 })).toThrow(TypeError);
  });
});
