import { DEFAULT_GAP_MS } from '../../codecs/framer';
import { createKeyboardReportFramer } from '../../codecs/hid-keyboard-report';
import { createVendorReportFramer } from '../../codecs/hid-vendor-report';
import { FramedCardReader, cardCodec, type FramedCardReaderOptions } from './framed-card-reader';
import { serialCodec, type SerialCodecKind } from './serial-card-reader';

/**
 * How a HID reader talks: `keyboard` — boot keyboard reports typing the number and Enter
 * (only openable on Linux; elsewhere the OS owns keyboards); `vendor` — vendor-defined
 * reports carrying one of the serial byte formats.
 */
export type HidReaderMode =
  | { readonly kind: 'keyboard' }
  | { readonly kind: 'vendor'; readonly format: SerialCodecKind; readonly reportId?: boolean };

export interface HidCardReaderOptions extends Omit<FramedCardReaderOptions<{ type: 'frame' }>, 'framer' | 'frameText'> {
  readonly mode: HidReaderMode;
}

/** A HID card reader; `createTransport` usually returns a `HidTransport`. */
export function createHidCardReader(options: HidCardReaderOptions) {
  const gapMs = options.gapMs ?? DEFAULT_GAP_MS;
  if (options.mode.kind === 'keyboard') {
    const codec = cardCodec(createKeyboardReportFramer({ gapMs }), (f) => ({ text: f.text, hex: false }));
    return new FramedCardReader({ ...options, gapMs, ...codec });
  }
  const { framer, frameText } = serialCodec(options.mode.format, gapMs);
  const vendor = createVendorReportFramer(framer, {
    reportId: options.mode.reportId ?? false,
    paddingEndsLine: options.mode.format === 'qr-line',
  });
  return new FramedCardReader({ ...options, gapMs, framer: vendor, frameText });
}
