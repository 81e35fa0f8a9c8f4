import { describe, expect, it } from 'vitest';
import { encodeDocument } from './escpos';
import { EscPosStreamParser, parseEscPos, type EscPosCommand } from './escpos-parser';
import { pickupSlip } from './pickup-slip';

function slipBytes(language: 'en' | 'zh-CN' = 'en'): Uint8Array {
  const stationName = language === 'en' ? 'Rest Stop 3' : '休息站 3';
  const slip = pickupSlip({ lockerNumber: 12, pickupCode: '123456', stationName, language });
  if (!slip.ok) throw new Error(slip.message);
  const encoded = encodeDocument(slip.value);
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.value;
}

const centredText = (text: string, bold: boolean, size: number): EscPosCommand[] => [
  { op: 'align', align: 'center' }, { op: 'bold', on: bold }, { op: 'size', width: size, height: size }, { op: 'text', text }, { op: 'line-feed' },
];

const SLIP_COMMANDS: EscPosCommand[] = [
  { op: 'init' },
  ...centredText('Rest Stop 3', true, 1),
  { op: 'feed', lines: 1 },
  ...centredText('Locker', false, 1),
  ...centredText('12', true, 3),
  ...centredText('Code', false, 1),
  ...centredText('123456', true, 3),
  { op: 'feed', lines: 1 },
  { op: 'align', align: 'center' },
  { op: 'qr-model', model: 2 },
  { op: 'qr-module-size', size: 6 },
  { op: 'qr-error-level', level: 'M' },
  { op: 'qr-store', data: 'L12-123456' },
  { op: 'qr-print' },
  { op: 'feed', lines: 1 },
  ...centredText('Keep this slip; it opens your locker', false, 1),
  { op: 'feed', lines: 3 },
  { op: 'cut', feedDots: 0 },
];

function streamed(bytes: Uint8Array, cuts: readonly number[]): ReturnType<EscPosStreamParser['push']> {
  const parser = new EscPosStreamParser();
  const out: ReturnType<EscPosStreamParser['push']> = [];
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    out.push(...parser.push(bytes.subarray(from, at)));
    from = at;
  }
  return [...out, ...parser.end()];
}

describe('ESC/POS parser', () => {
  it('decodes the encoded pickup slip back into exactly its commands', () => {
    expect(parseEscPos(slipBytes())).toEqual({ ok: true, value: SLIP_COMMANDS });
  });

  it('gives the same commands wherever the stream is split, at every offset and byte by byte', () => {
    const bytes = slipBytes();
    const whole = SLIP_COMMANDS.map((command) => ({ type: 'command', command }));
    for (let at = 0; at <= bytes.length; at++) expect(streamed(bytes, [at]), `split at ${at}`).toEqual(whole);
    expect(streamed(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(whole);
  });

  it('reads Chinese in FS & … FS . back as text, the same wherever the stream is split', () => {
    const bytes = slipBytes('zh-CN');
    const parsed = parseEscPos(bytes);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.filter((c) => c.op === 'text')).toEqual(
      ['休息站', ' 3', '储物柜', '12', '取件码', '123456', '请保留此单，凭此单开柜'].map((text) => ({ op: 'text', text })),
    );
    expect(parsed.value.slice(4, 8)).toEqual([
      { op: 'chinese-mode', on: true }, { op: 'text', text: '休息站' }, { op: 'chinese-mode', on: false }, { op: 'text', text: ' 3' },
    ]);
    const whole = parsed.value.map((command) => ({ type: 'command', command }));
    for (let at = 0; at <= bytes.length; at++) expect(streamed(bytes, [at]), `split at ${at}`).toEqual(whole);
    expect(streamed(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(whole);
  });

  it('rejects GBK bytes outside Chinese mode, a bad trail byte, and a pair cut short', () => {
    expect(parseEscPos(Uint8Array.of(0xb4, 0xa2, 0x0a))).toMatchObject({ ok: false, code: 'unknown-command', offset: 0 });
    expect(parseEscPos(Uint8Array.of(0x1c, 0x26, 0xb4, 0x0a))).toMatchObject({ ok: false, code: 'unknown-command', offset: 2 });
    expect(parseEscPos(Uint8Array.of(0x1c, 0x26, 0xb4, 0xa2, 0xce))).toEqual({
      ok: false, code: 'truncated', offset: 4, message: 'truncated ESC/POS command at byte 4: CE',
    });
    expect(parseEscPos(Uint8Array.of(0x1c, 0x21, 0x00))).toMatchObject({ ok: false, code: 'unknown-command', offset: 0 });
  });

  it('decodes the real-time status requests', () => {
    expect(parseEscPos(Uint8Array.of(0x10, 0x04, 0x01, 0x10, 0x04, 0x04))).toEqual({
      ok: true, value: [{ op: 'status-request', which: 1 }, { op: 'status-request', which: 4 }],
    });
  });

  it('rejects a truncated command at every cut short of its end, naming where it began', () => {
    const qrStore = Uint8Array.of(0x41, 0x1d, 0x28, 0x6b, 0x05, 0x00, 0x31, 0x50, 0x30, 0x58, 0x59);
    for (let length = 2; length < qrStore.length; length++) {
      const result = parseEscPos(qrStore.subarray(0, length));
      expect(result.ok, `length ${length}`).toBe(false);
      expect(!result.ok && [result.code, result.offset]).toEqual(['truncated', 1]);
    }
    expect(parseEscPos(Uint8Array.of(0x1b))).toEqual({ ok: false, code: 'truncated', offset: 0, message: 'truncated ESC/POS command at byte 0: 1B' });
  });

  it('rejects unknown sequences with their offset and bytes', () => {
    expect(parseEscPos(Uint8Array.of(0x41, 0x1b, 0x74, 0x00))).toEqual({
      ok: false, code: 'unknown-command', offset: 1, message: 'unknown ESC/POS sequence at byte 1: 1B 74 00',
    });
    expect(parseEscPos(Uint8Array.of(0x0d)).ok).toBe(false); // CR is not used: the encoder ends lines with LF only
    expect(parseEscPos(Uint8Array.of(0x1b, 0x61, 0x03)).ok).toBe(false); // alignment 3 does not exist
    expect(parseEscPos(Uint8Array.of(0x1d, 0x21, 0x08)).ok).toBe(false); // height ×9
    expect(parseEscPos(Uint8Array.of(0x1d, 0x28, 0x6b, 0x03, 0x00, 0x30, 0x43, 0x06)).ok).toBe(false); // cn 48 is PDF417
    expect(parseEscPos(Uint8Array.of(0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x34)).ok).toBe(false); // error level 52
    expect(parseEscPos(Uint8Array.of(0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x50, 0x30, 0x07)).ok).toBe(false); // control byte in QR data
  });

  it('reports an unknown byte in a stream and reads on from the next', () => {
    const parser = new EscPosStreamParser();
    expect(parser.push(Uint8Array.of(0x41, 0x00, 0x42, 0x0a))).toEqual([
      { type: 'command', command: { op: 'text', text: 'A' } },
      { type: 'error', error: { code: 'unknown-command', offset: 1, message: 'unknown ESC/POS sequence at byte 1: 00' } },
      { type: 'command', command: { op: 'text', text: 'B' } },
      { type: 'command', command: { op: 'line-feed' } },
    ]);
    expect(parser.pendingBytes).toBe(0);
  });
});
