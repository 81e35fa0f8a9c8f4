import type { Framer, FramerOutput } from './framer';

export interface VendorReportOptions {
  /** Reports start with a report-id byte, which is dropped. Default false. */
  readonly reportId?: boolean;
  /**
   * Text readers: a report whose text ends before the report does (NUL padding follows) ends
   * the line, as many vendor-HID readers send no CR. Default false.
   */
  readonly paddingEndsLine?: boolean;
}

/**
 * Vendor-defined HID ("HID-POS") readers send their usual byte stream in fixed-size input
 * reports padded with NULs. This unwraps each report (one `push` = one report) and feeds the
 * payload to the stream framer the reader speaks (EM4100, binary frame or text lines).
 * Trailing NULs are padding: none of those framers' frames ends in 0x00.
 */
export function createVendorReportFramer<F extends { readonly type: 'frame' }>(inner: Framer<F>, options: VendorReportOptions = {}): Framer<F> {
  return {
    get hasPending() {
      return inner.hasPending;
    },
    push(report: Uint8Array, nowMs: number): FramerOutput<F>[] {
      const start = options.reportId ? 1 : 0;
      let end = report.length;
      while (end > start && report[end - 1] === 0) end--;
      const payload = report.subarray(start, end);
      const last = payload[payload.length - 1];
      if (options.paddingEndsLine && end < report.length && payload.length > 0 && last !== 0x0d && last !== 0x0a) {
        return inner.push(Uint8Array.from([...payload, 0x0d]), nowMs);
      }
      return inner.push(payload, nowMs);
    },
    flush: (nowMs) => inner.flush(nowMs),
    reset: () => inner.reset(),
  };
}
