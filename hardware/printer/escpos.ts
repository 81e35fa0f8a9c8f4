/**
 * ESC/POS encoder: a small document model to the exact bytes an Epson-compatible thermal
 * printer takes. Pure: no I/O, no clock. Only the commands listed in `README.md` are used,
 * so the parser (`escpos-parser.ts`) can check every byte the station ever sends.
 *
 * Text is printable ASCII plus Chinese: Chinese printers take GBK double-byte characters in
 * their Chinese mode, so each run of non-ASCII characters goes out as `FS &`, its GB18030
 * bytes, `FS .`. Characters outside GBK's double-byte range (emoji, rare CJK extensions) and
 * control characters are refused rather than printed as mojibake. QR data stays ASCII.
 */
import iconv from 'iconv-lite';

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;
export const FS = 0x1c;

/** Character size: ×1, ×2 or ×3 in both width and height (`GS ! n`). */
export type TextSize = 1 | 2 | 3;
export type Alignment = 'left' | 'center' | 'right';
/** QR error correction level (`GS ( k` function 169). */
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

export type PrintBlock =
  /** One printed line; the encoder adds the line feed. Default size 1, not bold, left. */
  | { readonly kind: 'text'; readonly text: string; readonly size?: TextSize; readonly bold?: boolean; readonly align?: Alignment }
  /** A model 2 QR code, error level M, `moduleSize` dots per module (1–16, default 6). */
  | { readonly kind: 'qr'; readonly data: string; readonly moduleSize?: number; readonly align?: Alignment }
  /** Feeds `lines` (0–255) blank lines (`ESC d n`). */
  | { readonly kind: 'feed'; readonly lines: number }
  /** Feeds to the cutter and cuts, leaving a hinge (`GS V 66 0`). */
  | { readonly kind: 'cut' };

/** What the station prints: blocks in order, after `ESC @` resets the printer. */
export interface PrintDocument {
  readonly blocks: readonly PrintBlock[];
}

export type EncodeResult =
  | { readonly ok: true; readonly value: Uint8Array }
  | { readonly ok: false; readonly code: 'invalid-document'; readonly message: string };

/** Longest QR payload accepted: model 2 version 40 at level M holds 2331 bytes. */
export const MAX_QR_BYTES = 2331;

const ALIGN_CODE: Record<Alignment, number> = { left: 0, center: 1, right: 2 };
const QR_LEVEL_CODE: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** `ESC @`: clears the buffer and resets modes. */
export const initialize = (): number[] => [ESC, 0x40];
/** `ESC a n`. */
export const align = (a: Alignment): number[] => [ESC, 0x61, ALIGN_CODE[a]];
/** `ESC E n`. */
export const bold = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];
/** `GS ! n`: width multiplier in the high nibble, height in the low one, both less one. */
export const textSize = (size: TextSize): number[] => [GS, 0x21, ((size - 1) << 4) | (size - 1)];
/** `ESC d n`. */
export const feed = (lines: number): number[] => [ESC, 0x64, lines];
/** `GS V 66 0`: feed to the cut position, then partial cut. */
export const cut = (): number[] => [GS, 0x56, 66, 0];
/** `FS &` / `FS .`: enter and leave Chinese (double-byte) character mode. */
export const chineseMode = (on: boolean): number[] => [FS, on ? 0x26 : 0x2e];
/** `DLE EOT n`: real-time status; 1 printer, 2 offline cause, 3 error cause, 4 paper sensor. */
export const statusRequest = (n: 1 | 2 | 3 | 4): number[] => [DLE, EOT, n];

/** `GS ( k pL pH cn fn …` with cn = 49 (QR) and the parameter length counted for us. */
function qrFunction(fn: number, params: readonly number[]): number[] {
  const length = params.length + 2;
  return [GS, 0x28, 0x6b, length & 0xff, length >> 8, 49, fn, ...params];
}

/**
 * The five-function QR sequence: 165 model 2, 167 module size, 169 error level, 180 store,
 * 181 print. `data` must be printable ASCII (checked by the caller).
 */
export function qrCode(data: string, moduleSize: number, level: QrErrorLevel = 'M'): number[] {
  return [
    ...qrFunction(65, [50, 0]),
    ...qrFunction(67, [moduleSize]),
    ...qrFunction(69, [QR_LEVEL_CODE[level]]),
    ...qrFunction(80, [48, ...asciiBytes(data)]),
    ...qrFunction(81, [48]),
  ];
}

function asciiBytes(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

function printableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

const isAscii = (ch: string): boolean => ch.charCodeAt(0) <= 0x7f;

/** GBK's double-byte range: lead 81–FE, trail 40–FE except 7F. */
export function isGbkPair(lead: number, trail: number): boolean {
  return lead >= 0x81 && lead <= 0xfe && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f;
}

/** The character's GBK bytes, or undefined when it has none (GB18030 would need 4 bytes). */
function gbkBytes(ch: string): number[] | undefined {
  const bytes = Array.from(iconv.encode(ch, 'gb18030'));
  return bytes.length === 2 && isGbkPair(bytes[0]!, bytes[1]!) ? bytes : undefined;
}

/** Printable ASCII and GBK characters, nothing else. */
function printableText(text: string): boolean {
  return Array.from(text).every((ch) => (isAscii(ch) ? printableAscii(ch) : gbkBytes(ch) !== undefined));
}

/** Text bytes: ASCII as is, each non-ASCII run inside `FS &` … `FS .`. Checked beforehand. */
function textBytes(text: string): number[] {
  const out: number[] = [];
  for (const run of text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/gu) ?? []) {
    if (isAscii(run)) out.push(...asciiBytes(run));
    else out.push(...chineseMode(true), ...Array.from(run).flatMap((ch) => gbkBytes(ch)!), ...chineseMode(false));
  }
  return out;
}

/** The first reason `block` cannot be printed, or undefined. */
function problem(block: PrintBlock): string | undefined {
  switch (block.kind) {
    case 'text':
      if (!printableText(block.text)) return `text "${block.text}" has characters that are neither printable ASCII nor GBK Chinese`;
      if (block.size !== undefined && ![1, 2, 3].includes(block.size)) return `text size ${String(block.size)} is not 1, 2 or 3`;
      return undefined;
    case 'qr': {
      const size = block.moduleSize ?? 6;
      if (!Number.isInteger(size) || size < 1 || size > 16) return `QR module size ${size} is not 1–16`;
      if (block.data.length === 0 || block.data.length > MAX_QR_BYTES) return `QR data must be 1–${MAX_QR_BYTES} characters`;
      if (!printableAscii(block.data)) return 'QR data has characters outside printable ASCII';
      return undefined;
    }
    case 'feed':
      return Number.isInteger(block.lines) && block.lines >= 0 && block.lines <= 255 ? undefined : `feed of ${block.lines} lines is not 0–255`;
    case 'cut':
      return undefined;
  }
}

/**
 * Encodes a document. Every text line states its own alignment, weight and size, so a line
 * never inherits a mode from the one before (or from a job cut short). Refuses the whole
 * document, naming the first bad block, rather than printing part of it.
 */
export function encodeDocument(document: PrintDocument): EncodeResult {
  const bytes: number[] = initialize();
  for (const [index, block] of document.blocks.entries()) {
    const reason = problem(block);
    if (reason !== undefined) return { ok: false, code: 'invalid-document', message: `block ${index}: ${reason}` };
    switch (block.kind) {
      case 'text':
        bytes.push(...align(block.align ?? 'left'), ...bold(block.bold ?? false), ...textSize(block.size ?? 1), ...textBytes(block.text), LF);
        break;
      case 'qr':
        bytes.push(...align(block.align ?? 'left'), ...qrCode(block.data, block.moduleSize ?? 6));
        break;
      case 'feed':
        bytes.push(...feed(block.lines));
        break;
      case 'cut':
        bytes.push(...cut());
        break;
    }
  }
  return { ok: true, value: Uint8Array.from(bytes) };
}
