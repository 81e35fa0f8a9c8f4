import { describe, expect, it } from 'vitest';
import { createEm4100Framer, encodeEm4100 } from './em4100-ascii';
import { ascii, concat, feed } from './framer-test-kit';
import { createVendorReportFramer } from './hid-vendor-report';
import { createLineFramer } from './line-framer';

const pad = (bytes: Uint8Array, size: number) => concat(bytes, new Uint8Array(size - bytes.length));

describe('vendor HID report unwrapping', () => {
  it('strips the report id and NUL padding around an EM4100 frame', () => {
    const framer = createVendorReportFramer(createEm4100Framer(), { reportId: true });
    expect(feed(framer, [pad(concat([0x02], encodeEm4100('307E4DE5C2')), 32)])).toEqual([{ type: 'frame', text: '307E4DE5C2' }]);
  });

  it('joins a frame spread over two reports', () => {
    const frame = encodeEm4100('01026F6C3A');
    const framer = createVendorReportFramer(createEm4100Framer());
    expect(feed(framer, [frame.subarray(0, 8), pad(frame.subarray(8), 8)])).toEqual([{ type: 'frame', text: '01026F6C3A' }]);
  });

  it('ends a text line at the padding when asked, and not otherwise', () => {
    const withPadding = createVendorReportFramer(createLineFramer(), { paddingEndsLine: true });
    expect(feed(withPadding, [pad(ascii('0040856634'), 16)])).toEqual([{ type: 'frame', text: '0040856634' }]);
    expect(feed(withPadding, [pad(ascii('M-1\r'), 16)])).toEqual([{ type: 'frame', text: 'M-1' }]);
    const without = createVendorReportFramer(createLineFramer());
    expect(feed(without, [pad(ascii('0040856634'), 16)])).toMatchObject([{ type: 'fault', reason: 'truncated' }]);
  });

  it('ignores an all-padding report', () => {
    const framer = createVendorReportFramer(createLineFramer(), { paddingEndsLine: true, reportId: true });
    expect(feed(framer, [new Uint8Array(16)])).toEqual([]);
  });
});
