import { describe, expect, it } from 'vitest';
import { fromHex } from './framer';
import { concat, everySplit, feed } from './framer-test-kit';
import { createKeyboardReportFramer, encodeKeyboardReports } from './hid-keyboard-report';

const frame = (text: string) => ({ type: 'frame', text });
const R = (hex: string) => fromHex(hex);
const RELEASE = R('00 00 00 00 00 00 00 00');

describe('HID boot keyboard report framer', () => {
  it('encodes "1A," + Enter as press/release pairs', () => {
    expect(encodeKeyboardReports('1A,')).toEqual(concat(
      R('00 00 1E 00 00 00 00 00'), RELEASE,
      R('02 00 04 00 00 00 00 00'), RELEASE,
      R('00 00 36 00 00 00 00 00'), RELEASE,
      R('00 00 28 00 00 00 00 00'), RELEASE,
    ));
    expect(encodeKeyboardReports('0', 0)).toEqual(concat(
      R('00 00 00 27 00 00 00 00 00'), R('00 00 00 00 00 00 00 00 00'),
      R('00 00 00 28 00 00 00 00 00'), R('00 00 00 00 00 00 00 00 00'),
    ));
    expect(() => encodeKeyboardReports('é')).toThrow(TypeError);
  });

  for (const way of everySplit(concat(encodeKeyboardReports('0040856634'), encodeKeyboardReports('111,27706')))) {
    it(`types two lines from 8-byte reports fed ${way.label}`, () => {
      // An explicit size: 'auto' assumes whole reports, and a 9-byte first chunk would fool it.
      expect(feed(createKeyboardReportFramer({ reportLength: 8 }), way.chunks)).toEqual([frame('0040856634'), frame('111,27706')]);
    });
  }

  for (const way of everySplit(encodeKeyboardReports('aB-9', 1))) {
    it(`types a line from 9-byte reports (report id first) fed ${way.label}`, () => {
      expect(feed(createKeyboardReportFramer({ reportLength: 9 }), way.chunks)).toEqual([frame('aB-9')]);
    });
  }

  it('detects 8- or 9-byte reports when the transport delivers whole reports', () => {
    for (const [reportId, size] of [[0, 9], [undefined, 8]] as const) {
      const bytes = encodeKeyboardReports('07302202', reportId);
      const reports = Array.from({ length: bytes.length / size }, (_, i) => bytes.subarray(i * size, i * size + size));
      expect(feed(createKeyboardReportFramer(), reports)).toEqual([frame('07302202')]);
    }
  });

  it('reads keypad digits and keypad Enter', () => {
    const reports = [R('00 00 59 00 00 00 00 00'), RELEASE, R('00 00 62 00 00 00 00 00'), RELEASE, R('00 00 58 00 00 00 00 00'), RELEASE];
    expect(feed(createKeyboardReportFramer(), reports)).toEqual([frame('10')]);
  });

  it('types a key once while it is held and again after release, with rollover', () => {
    const reports = [
      R('00 00 1E 00 00 00 00 00'), R('00 00 1E 00 00 00 00 00'), // held: one '1'
      R('00 00 1E 1F 00 00 00 00'), // '2' pressed while '1' still down
      RELEASE, R('00 00 1E 00 00 00 00 00'), RELEASE, R('00 00 28 00 00 00 00 00'),
    ];
    expect(feed(createKeyboardReportFramer(), reports)).toEqual([frame('121')]);
  });

  it('rejects Alt+keypad emulation with advice', () => {
    const reports = [R('04 00 62 00 00 00 00 00'), R('04 00 60 00 00 00 00 00'), RELEASE, R('00 00 28 00 00 00 00 00')];
    expect(feed(createKeyboardReportFramer(), reports)).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'Alt+keypad emulation (04 00 62 00 00 00 00 00): switch the reader to normal keyboard mode' },
    ]);
  });

  it('rejects keys that are not card input, and rollover errors', () => {
    const tab = [R('00 00 2B 00 00 00 00 00'), RELEASE, R('00 00 28 00 00 00 00 00'), RELEASE];
    expect(feed(createKeyboardReportFramer(), tab)).toEqual([
      { type: 'fault', reason: 'malformed', detail: 'key 0x2b is not card input: 00 00 2B 00 00 00 00 00' },
    ]);
    const rollover = [R('00 00 01 01 01 01 01 01'), R('00 00 28 00 00 00 00 00')];
    expect(feed(createKeyboardReportFramer(), rollover)).toMatchObject([{ type: 'fault', reason: 'malformed' }]);
  });

  it('reports a line over the maximum as oversize', () => {
    const out = feed(createKeyboardReportFramer({ maxLength: 4 }), [encodeKeyboardReports('12345'), encodeKeyboardReports('1234')]);
    expect(out).toEqual([{ type: 'fault', reason: 'oversize', detail: 'line of 5 keys is over 4' }, frame('1234')]);
  });

  it('reports a line with no Enter, and a cut report, as truncated after the gap', () => {
    const framer = createKeyboardReportFramer();
    framer.push(concat(R('00 00 1E 00 00 00 00 00'), RELEASE), 0);
    expect(framer.flush(100)).toEqual([{ type: 'fault', reason: 'truncated', detail: 'no Enter after "1"' }]);
    framer.push(R('00 00 1E'), 200);
    expect(framer.flush(300)).toEqual([{ type: 'fault', reason: 'truncated', detail: 'report cut short after 3 bytes: 00 00 1E' }]);
    expect(feed(framer, [encodeKeyboardReports('9')], 400)).toEqual([frame('9')]);
  });
});
