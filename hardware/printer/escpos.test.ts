import { describe, expect, it } from 'vitest';
import { encodeDocument, MAX_QR_BYTES, qrCode } from './escpos';
import { pickupSlip } from './pickup-slip';

/** Hex fixture to bytes: "1D 28 6B" → [0x1d, 0x28, 0x6b]. */
function hex(text: string): number[] {
  return text.trim().split(/\s+/).map((b) => Number.parseInt(b, 16));
}
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

// Written out from the Epson ESC/POS reference for GS ( k, cn = 49 (QR code), for "L12-123456".
const QR_L12_123456 = hex(`
  1D 28 6B 04 00 31 41 32 00
  1D 28 6B 03 00 31 43 06
  1D 28 6B 03 00 31 45 31
  1D 28 6B 0D 00 31 50 30 4C 31 32 2D 31 32 33 34 35 36
  1D 28 6B 03 00 31 51 30
`);

describe('ESC/POS encoder', () => {
  it('writes the QR sequence 165/167/169/180/181: model 2, module 6, level M, store, print', () => {
    expect(qrCode('L12-123456', 6)).toEqual(QR_L12_123456);
  });

  it('counts the store length in pL pH past 255 bytes', () => {
    const bytes = qrCode('A'.repeat(300), 4);
    const store = bytes.indexOf(0x50) - 6; // start of the fn 80 command
    expect(bytes.slice(store, store + 8)).toEqual(hex('1D 28 6B 2F 01 31 50 30')); // 303 = 0x012F
  });

  it('encodes text sizes, weight, alignment, feed and cut as exact bytes', () => {
    const result = encodeDocument({
      blocks: [
        { kind: 'text', text: 'A', size: 1 },
        { kind: 'text', text: 'B', size: 2, bold: true, align: 'right' },
        { kind: 'text', text: 'C', size: 3, align: 'center' },
        { kind: 'feed', lines: 4 },
        { kind: 'cut' },
      ],
    });
    expect(result.ok && Array.from(result.value)).toEqual(hex(`
      1B 40
      1B 61 00 1B 45 00 1D 21 00 41 0A
      1B 61 02 1B 45 01 1D 21 11 42 0A
      1B 61 01 1B 45 00 1D 21 22 43 0A
      1B 64 04
      1D 56 42 00
    `));
  });

  it('sends each run of Chinese in FS & … FS . as GBK bytes', () => {
    const result = encodeDocument({ blocks: [{ kind: 'text', text: 'A储物柜1' }] });
    expect(result.ok && Array.from(result.value)).toEqual(hex(`
      1B 40
      1B 61 00 1B 45 00 1D 21 00 41 1C 26 B4 A2 CE EF B9 F1 1C 2E 31 0A
    `));
  });

  it('refuses characters with no GBK double-byte form and control characters, naming the block', () => {
    expect(encodeDocument({ blocks: [{ kind: 'text', text: 'ok' }, { kind: 'text', text: '柜😀' }] })).toEqual({
      ok: false, code: 'invalid-document', message: 'block 1: text "柜😀" has characters that are neither printable ASCII nor GBK Chinese',
    });
    expect(encodeDocument({ blocks: [{ kind: 'text', text: 'tab\there' }] }).ok).toBe(false);
  });

  it('refuses bad QR data, module sizes and feeds', () => {
    const bad = [
      { kind: 'qr', data: '' },
      { kind: 'qr', data: 'A'.repeat(MAX_QR_BYTES + 1) },
      { kind: 'qr', data: 'x', moduleSize: 17 },
      { kind: 'qr', data: 'é' },
      { kind: 'feed', lines: 256 },
      { kind: 'feed', lines: 1.5 },
    ] as const;
    for (const block of bad) expect(encodeDocument({ blocks: [block] }).ok, JSON.stringify(block).slice(0, 40)).toBe(false);
    expect(encodeDocument({ blocks: [{ kind: 'qr', data: 'A'.repeat(MAX_QR_BYTES) }] }).ok).toBe(true);
  });
});

describe('pickup slip', () => {
  const input = { lockerNumber: 12, pickupCode: '123456', stationName: 'Rest Stop 3', language: 'en' } as const;

  it('encodes to the exact slip: number and code at x3, the QR of both, the keep line, a cut', () => {
    const slip = pickupSlip(input);
    if (!slip.ok) throw new Error(slip.message);
    const encoded = encodeDocument(slip.value);
    const centre = hex('1B 61 01');
    expect(encoded.ok && Array.from(encoded.value)).toEqual([
      ...hex('1B 40'),
      ...centre, ...hex('1B 45 01 1D 21 00'), ...ascii('Rest Stop 3'), 0x0a,
      ...hex('1B 64 01'),
      ...centre, ...hex('1B 45 00 1D 21 00'), ...ascii('Locker'), 0x0a,
      ...centre, ...hex('1B 45 01 1D 21 22 31 32 0A'),
      ...centre, ...hex('1B 45 00 1D 21 00'), ...ascii('Code'), 0x0a,
      ...centre, ...hex('1B 45 01 1D 21 22 31 32 33 34 35 36 0A'),
      ...hex('1B 64 01'),
      ...centre, ...QR_L12_123456,
      ...hex('1B 64 01'),
      ...centre, ...hex('1B 45 00 1D 21 00'), ...ascii('Keep this slip; it opens your locker'), 0x0a,
      ...hex('1B 64 03'),
      ...hex('1D 56 42 00'),
    ]);
  });

  it('prints the Chinese wording in GBK for zh-CN, the number, code and QR unchanged', () => {
    const slip = pickupSlip({ ...input, stationName: '休息站', language: 'zh-CN' });
    if (!slip.ok) throw new Error(slip.message);
    const encoded = encodeDocument(slip.value);
    const centre = hex('1B 61 01');
    const chinese = (gbk: string): number[] => [0x1c, 0x26, ...hex(gbk), 0x1c, 0x2e];
    expect(encoded.ok && Array.from(encoded.value)).toEqual([
      ...hex('1B 40'),
      ...centre, ...hex('1B 45 01 1D 21 00'), ...chinese('D0 DD CF A2 D5 BE'), 0x0a,
      ...hex('1B 64 01'),
      ...centre, ...hex('1B 45 00 1D 21 00'), ...chinese('B4 A2 CE EF B9 F1'), 0x0a,
      ...centre, ...hex('1B 45 01 1D 21 22 31 32 0A'),
      ...centre, ...hex('1B 45 00 1D 21 00'), ...chinese('C8 A1 BC FE C2 EB'), 0x0a,
      ...centre, ...hex('1B 45 01 1D 21 22 31 32 33 34 35 36 0A'),
      ...hex('1B 64 01'),
      ...centre, ...QR_L12_123456,
      ...hex('1B 64 01'),
      ...centre, ...hex('1B 45 00 1D 21 00'), ...chinese('C7 EB B1 A3 C1 F4 B4 CB B5 A5 A3 AC C6 BE B4 CB B5 A5 BF AA B9 F1'), 0x0a,
      ...hex('1B 64 03'),
      ...hex('1D 56 42 00'),
    ]);
  });

  it('refuses a locker number outside 1–999 or a code that is not 6 digits', () => {
    expect(pickupSlip({ ...input, lockerNumber: 0 })).toEqual({ ok: false, code: 'invalid-document', message: 'locker number 0 is not 1–999' });
    expect(pickupSlip({ ...input, lockerNumber: 1000 }).ok).toBe(false);
    expect(pickupSlip({ ...input, pickupCode: '12345' })).toEqual({ ok: false, code: 'invalid-document', message: 'pickup code is not 6 digits' });
    expect(pickupSlip({ ...input, pickupCode: '12345a' }).ok).toBe(false);
  });

  it('refuses a station name with characters the printer has no glyph for when encoded', () => {
    const slip = pickupSlip({ ...input, stationName: '休息站😀' });
    expect(slip.ok && encodeDocument(slip.value).ok).toBe(false);
  });
});
