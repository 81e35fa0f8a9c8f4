import { DEFAULT_GAP_MS, checkGapMs, fault, toHex, type Framer, type FramerOutput } from './framer';
import {
  KEY_ENTER, KEY_ERROR_ROLLOVER, KEY_KEYPAD_ENTER, MOD_ALT, MOD_OTHER, MOD_SHIFT, charForUsage, usageForChar,
} from './hid-keymap';

/**
 * USB "keyboard wedge" readers read as HID boot keyboard reports `[mod, 0, k1…k6]` (8 bytes;
 * 9 with a leading report-id byte). A key types when it appears in a report it was not in
 * before (press); an all-zero report releases. Enter (main or keypad) ends the line.
 */
export interface KeyboardLineFrame {
  readonly type: 'frame';
  /** The typed line without Enter. */
  readonly text: string;
}

export interface KeyboardReportFramerOptions {
  /** Silence (ms) after which a started line is `truncated`. Default 100. */
  readonly gapMs?: number;
  /** Longest accepted line, in characters. Default 256. */
  readonly maxLength?: number;
  /**
   * Report size in bytes: 8 (boot report), 9 (report-id byte first) or `'auto'` (default):
   * a chunk of exactly 8 or 9 bytes arriving on a report boundary sets the size, since HID
   * transports deliver whole reports; otherwise the last size (initially 8) is kept.
   */
  readonly reportLength?: 8 | 9 | 'auto';
}

export function createKeyboardReportFramer(options: KeyboardReportFramerOptions = {}): Framer<KeyboardLineFrame> {
  const maxLength = options.maxLength ?? 256;
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new TypeError('"maxLength" must be a positive integer');
  return new KeyboardReportFramer(checkGapMs(options.gapMs ?? DEFAULT_GAP_MS), maxLength, options.reportLength ?? 'auto');
}

/**
 * Encodes `text` + Enter as press/release report pairs. `reportId` prefixes each report
 * (9-byte reports). Throws `TypeError` for characters no reader types (simulators only).
 */
export function encodeKeyboardReports(text: string, reportId?: number): Uint8Array {
  const reports: number[] = [];
  const prefix = reportId === undefined ? [] : [reportId & 0xff];
  const press = (usage: number, shift: boolean): void => {
    reports.push(...prefix, shift ? 0x02 : 0, 0, usage, 0, 0, 0, 0, 0);
    reports.push(...prefix, 0, 0, 0, 0, 0, 0, 0, 0);
  };
  for (const char of text) {
    const key = usageForChar(char);
    if (!key) throw new TypeError(`no key types ${JSON.stringify(char)}`);
    press(key.usage, key.shift);
  }
  press(KEY_ENTER, false);
  return Uint8Array.from(reports);
}

class KeyboardReportFramer implements Framer<KeyboardLineFrame> {
  private partial: number[] = [];
  private size: 8 | 9;
  private down = new Set<number>();
  private line = '';
  private count = 0;
  private bad: string | undefined;
  private lastByteMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly gapMs: number,
    private readonly maxLength: number,
    private readonly reportLength: 8 | 9 | 'auto',
  ) {
    this.size = reportLength === 'auto' ? 8 : reportLength;
  }

  get hasPending(): boolean {
    return this.partial.length > 0 || this.count > 0 || this.bad !== undefined;
  }

  push(chunk: Uint8Array, nowMs: number): FramerOutput<KeyboardLineFrame>[] {
    const out = this.flush(nowMs);
    if (this.reportLength === 'auto' && this.partial.length === 0 && (chunk.length === 8 || chunk.length === 9)) {
      this.size = chunk.length;
    }
    for (const b of chunk) {
      this.partial.push(b);
      if (this.partial.length < this.size) continue;
      const report = this.partial;
      this.partial = [];
      this.report(this.size === 9 ? report.slice(1) : report, out);
    }
    if (chunk.length > 0) this.lastByteMs = nowMs;
    return out;
  }

  flush(nowMs: number): FramerOutput<KeyboardLineFrame>[] {
    if (!this.hasPending || nowMs - this.lastByteMs < this.gapMs) return [];
    const out: FramerOutput<KeyboardLineFrame>[] = [];
    if (this.partial.length > 0) out.push(fault('truncated', `report cut short after ${this.partial.length} bytes: ${toHex(this.partial)}`));
    else out.push(this.problem() ?? fault('truncated', `no Enter after "${this.line}"`));
    this.reset();
    return out;
  }

  reset(): void {
    this.partial = [];
    this.down = new Set();
    this.endLine();
  }

  private report(report: number[], out: FramerOutput<KeyboardLineFrame>[]): void {
    const mod = report[0] ?? 0;
    const keys = report.slice(2).filter((k) => k !== 0);
    if (keys.includes(KEY_ERROR_ROLLOVER)) {
      this.bad ??= `key rollover error: ${toHex(report)}`;
      return;
    }
    const pressed = keys.filter((k) => !this.down.has(k));
    this.down = new Set(keys);
    for (const usage of pressed) {
      if (usage === KEY_ENTER || usage === KEY_KEYPAD_ENTER) {
        if (this.count > 0 || this.bad) out.push(this.problem() ?? { type: 'frame', text: this.line });
        this.endLine();
        continue;
      }
      this.type(usage, mod, report);
    }
  }

  private type(usage: number, mod: number, report: number[]): void {
    this.count++;
    if (mod & MOD_OTHER) {
      this.bad ??= mod & MOD_ALT
        ? `Alt+keypad emulation (${toHex(report)}): switch the reader to normal keyboard mode`
        : `Ctrl/GUI key in card input: ${toHex(report)}`;
      return;
    }
    const char = charForUsage(usage, (mod & MOD_SHIFT) !== 0);
    if (char === undefined) {
      this.bad ??= `key 0x${usage.toString(16).padStart(2, '0')} is not card input: ${toHex(report)}`;
      return;
    }
    if (this.line.length < this.maxLength) this.line += char;
  }

  private problem(): FramerOutput<KeyboardLineFrame> | undefined {
    if (this.bad !== undefined) return fault('malformed', this.bad);
    if (this.count > this.maxLength) return fault('oversize', `line of ${this.count} keys is over ${this.maxLength}`);
    return undefined;
  }

  private endLine(): void {
    this.line = '';
    this.count = 0;
    this.bad = undefined;
  }
}
