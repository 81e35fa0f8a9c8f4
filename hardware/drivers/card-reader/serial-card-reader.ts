import { createBinaryCardFramer, type BinaryCardFrame } from '../../codecs/binary-card-frame';
import { createEm4100Framer } from '../../codecs/em4100-ascii';
import { DEFAULT_GAP_MS } from '../../codecs/framer';
import { createLineFramer } from '../../codecs/line-framer';
import { FramedCardReader, cardCodec, type CardCodec, type FramedCardReaderOptions } from './framed-card-reader';

/** What a serial reader speaks: EM4100 ASCII frames, binary `02 LEN …` frames, or QR text lines. */
export type SerialCodecKind = 'em4100-ascii' | 'binary' | 'qr-line';

export interface SerialCardReaderOptions extends Omit<FramedCardReaderOptions<{ type: 'frame' }>, 'framer' | 'frameText'> {
  readonly codec: SerialCodecKind;
}

/**
 * A serial (or virtual-COM) card reader or QR scanner. `createTransport` usually returns a
 * `SerialTransport`; set `livenessPath` to its path so an unplug is noticed within a second.
 */
export function createSerialCardReader(options: SerialCardReaderOptions) {
  const gapMs = options.gapMs ?? DEFAULT_GAP_MS;
  const { framer, frameText } = serialCodec(options.codec, gapMs);
  return new FramedCardReader({ ...options, gapMs, framer, frameText });
}

/** A framer for the codec and how its frames become card text. Shared with vendor-HID readers. */
export function serialCodec(kind: SerialCodecKind, gapMs: number): CardCodec {
  switch (kind) {
    case 'em4100-ascii':
      return cardCodec(createEm4100Framer({ gapMs }), (f) => ({ text: f.text, hex: true }));
    case 'binary':
      return cardCodec(createBinaryCardFramer({ gapMs }), (f) => ({ text: snrText(f), hex: true }));
    case 'qr-line':
      return cardCodec(createLineFramer({ gapMs }), (f) => ({ text: f.text, hex: false }));
  }
}

/** SNR bytes as hex: 4 bytes read as a UID, 5 as EM4100 (version + UID); others stay opaque. */
function snrText(frame: BinaryCardFrame): string {
  return Array.from(frame.snr, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}
