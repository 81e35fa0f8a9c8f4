import { systemClock, type Clock } from '../drivers/clock';
import { setHeardTimeout } from '../drivers/heard-timeout';
import type { Transport } from '../transport/transport';
import { encodeDocument, statusRequest, type PrintDocument } from './escpos';

export type PrintResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'paper-out' | 'offline' | 'invalid-document'; readonly message: string };

export interface ReceiptPrinterOptions {
  readonly clock?: Clock;
  /** Longest wait for a status answer, milliseconds of time the process could read (`setHeardTimeout`). Default 1000. */
  readonly statusTimeoutMs?: number;
}

/** What the paper sensor says: paper in, roll ended, or no answer at all. */
export type PaperState = 'present' | 'end' | 'offline';

/** A real-time status byte has bits 1 and 4 set and bits 0 and 7 clear (Epson). */
const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12;
/** `DLE EOT 4` bits 5–6: roll paper end (some printers set only one of them). */
const PAPER_END_BITS = 0x60;

/**
 * An ESC/POS receipt printer on a transport the caller has opened. `print()` asks the paper
 * sensor (`DLE EOT 4`) first, so a printer without paper is not handed a slip it would print
 * later, when the guest has gone; then writes the document and asks again, so a roll that ran
 * out mid-slip is reported. Jobs run one at a time, in call order; a job never rejects.
 */
export class ReceiptPrinter {
  private readonly clock: Clock;
  private readonly statusTimeoutMs: number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly transport: Transport, options: ReceiptPrinterOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1000;
    if (!Number.isFinite(this.statusTimeoutMs) || this.statusTimeoutMs <= 0) throw new TypeError('"statusTimeoutMs" must be more than 0 milliseconds');
  }

  /**
   * Prints `document`. Resolves `{ ok: true }` once the printer says it still has paper after
   * the job; `paper-out` (nothing sent, or the roll ran out during the job), `offline` (no
   * status answer within `statusTimeoutMs`, or the write failed) or `invalid-document`
   * (nothing sent).
   */
  print(document: PrintDocument): Promise<PrintResult> {
    const job = this.queue.then(() => this.run(document));
    this.queue = job;
    return job;
  }

  /** Asks the paper sensor, after any job already queued. Never rejects. */
  paperStatus(): Promise<PaperState> {
    const check = this.queue.then(() => this.paper());
    this.queue = check;
    return check;
  }

  private async run(document: PrintDocument): Promise<PrintResult> {
    const encoded = encodeDocument(document);
    if (!encoded.ok) return { ok: false, code: 'invalid-document', message: encoded.message };
    const before = await this.paper();
    if (before !== 'present') return this.failure(before, 'before printing');
    try {
      await this.transport.write(encoded.value);
    } catch (error) {
      return { ok: false, code: 'offline', message: `write to ${this.transport.path} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const after = await this.paper();
    return after === 'present' ? { ok: true } : this.failure(after, 'after printing');
  }

  private failure(state: Exclude<PaperState, 'present'>, when: string): PrintResult {
    return state === 'end'
      ? { ok: false, code: 'paper-out', message: `${this.transport.path} reports paper end ${when}` }
      : { ok: false, code: 'offline', message: `${this.transport.path} did not answer a status request ${when} within ${this.statusTimeoutMs} ms` };
  }

  /** Asks the paper sensor; bytes that are not a status byte are ignored. */
  private paper(): Promise<PaperState> {
    return new Promise((resolve) => {
      const finish = (state: PaperState): void => {
        this.transport.off('data', onData);
        cancelTimer();
        resolve(state);
      };
      const onData = (chunk: Uint8Array): void => {
        const byte = chunk.find(isStatusByte);
        if (byte !== undefined) finish((byte & PAPER_END_BITS) !== 0 ? 'end' : 'present');
      };
      this.transport.on('data', onData);
      // Declared after `finish`, which only runs from events and timers, never synchronously.
      // Heard time: after a stalled event loop the answer may be waiting unread.
      const cancelTimer = setHeardTimeout(this.clock, this.statusTimeoutMs, () => finish('offline'));
      this.transport.write(Uint8Array.from(statusRequest(4))).catch(() => finish('offline'));
    });
  }
}
