import { systemClock, type Clock } from '../drivers/clock';
import type { Transport } from '../transport/transport';
import { EscPosStreamParser, type EscPosCommand, type EscPosParseError } from './escpos-parser';
import { SimulatorLine } from '../simulators/simulator-line';
import { pushRecent } from '../simulators/recent-list';

/** A fault to inject; it lasts until `clearFaults()`. */
export type PrinterSimFault =
  /** The roll is empty: nothing prints, and status says paper end. */
  | { readonly kind: 'paper-out' }
  /** Powered off or unplugged: status requests get no answer and nothing prints. */
  | { readonly kind: 'offline' }
  /** Status answers take `delayMs` instead of the usual delay. */
  | { readonly kind: 'slow'; readonly delayMs: number };

export interface PrinterSimulatorOptions {
  readonly clock?: Clock;
  /** Delay before a status answer, milliseconds. Default 1. */
  readonly replyDelayMs?: number;
}

/** Commands, errors, lines and QR codes each record keeps at least (tests look at a few; a printer polled for months must not grow). */
export const KEPT_RECORDS = 1000;

/**
 * Real-time status bytes (Epson): bits 1 and 4 always set, bit 0 and 7 clear. `DLE EOT 1`:
 * bit 3 set while offline (paper end takes the printer offline). `DLE EOT 4`: bits 5–6 set
 * at paper end.
 */
export const STATUS_BYTES = {
  printerReady: 0x12,
  printerOffline: 0x1a,
  paperPresent: 0x12,
  paperEnd: 0x72,
} as const;

/**
 * Plays an ESC/POS thermal printer on a transport (opened by the caller): decodes every byte
 * it is sent, keeps what it would have printed (text lines, QR codes, cuts), and answers the
 * real-time status requests `DLE EOT 1` and `DLE EOT 4`. `DLE EOT 2`/`3` are heard and left
 * unanswered (the station does not use them). Timers go through the injected clock.
 */
export class PrinterSimulator {
  private readonly clock: Clock;
  private readonly replyDelayMs: number;
  private readonly parser = new EscPosStreamParser();
  private readonly heard: EscPosCommand[] = [];
  private readonly parseErrors: EscPosParseError[] = [];
  private readonly printedLines: string[] = [];
  private readonly printedQr: string[] = [];
  private line = '';
  private storedQr: string | undefined;
  private cutCount = 0;
  private faults: PrinterSimFault[] = [];
  private wire: SimulatorLine;
  private readonly onData = (chunk: Uint8Array): void => this.receive(chunk);

  constructor(transport: Transport, options: PrinterSimulatorOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.wire = new SimulatorLine(transport, this.clock, this.onData);
    this.replyDelayMs = options.replyDelayMs ?? 1;
    if (!Number.isFinite(this.replyDelayMs) || this.replyDelayMs < 0) throw new TypeError('"replyDelayMs" must be 0 or more milliseconds');
  }

  /**
   * Plays the printer on another transport from now on (a new pty pair after the old one
   * died). What was printed and the faults are kept; answers not yet sent are dropped, and a
   * command cut off mid-sequence is forgotten (the line went down under it).
   */
  attach(transport: Transport): void {
    const running = this.wire.running;
    this.wire.stop();
    this.wire = new SimulatorLine(transport, this.clock, this.onData);
    this.parser.end();
    if (running) this.wire.start();
  }

  /** Every command decoded, in order, printed or not (the last {@link KEPT_RECORDS} at least, once there were more). */
  get commands(): readonly EscPosCommand[] {
    return this.heard;
  }

  /** Byte sequences the printer could not read (as recent as `commands`). */
  get errors(): readonly EscPosParseError[] {
    return this.parseErrors;
  }

  /** Text lines printed (ended by a line feed), without size or weight (as recent as `commands`). */
  get lines(): readonly string[] {
    return this.printedLines;
  }

  /** The data of each QR code printed, in order (as recent as `commands`). */
  get qrCodes(): readonly string[] {
    return this.printedQr;
  }

  /** Cuts made. */
  get cuts(): number {
    return this.cutCount;
  }

  /** Starts listening on the transport. Idempotent. */
  start(): void {
    this.wire.start();
  }

  /** Stops listening and drops answers not yet sent. Idempotent. */
  stop(): void {
    if (!this.wire.stop()) return;
  }

  inject(fault: PrinterSimFault): void {
    if (fault.kind === 'slow' && (!Number.isFinite(fault.delayMs) || fault.delayMs < 0)) throw new TypeError('"delayMs" must be 0 or more milliseconds');
    this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults = [];
  }

  private has(kind: PrinterSimFault['kind']): boolean {
    return this.faults.some((f) => f.kind === kind);
  }

  private receive(chunk: Uint8Array): void {
    // An offline printer hears nothing: whatever it is sent is lost.
    if (this.has('offline')) return;
    for (const output of this.parser.push(chunk)) {
      if (output.type === 'error') pushRecent(this.parseErrors, output.error, KEPT_RECORDS);
      else this.handle(output.command);
    }
  }

  private handle(command: EscPosCommand): void {
    // The printer `npm start` simulates is asked for its status every few seconds for months.
    pushRecent(this.heard, command, KEPT_RECORDS);
    if (command.op === 'status-request') {
      this.answerStatus(command.which);
      return;
    }
    // With no paper the mechanism prints nothing, but the printer still parses its input.
    if (this.has('paper-out')) return;
    switch (command.op) {
      case 'init':
        this.line = '';
        this.storedQr = undefined;
        return;
      case 'text':
        this.line += command.text;
        return;
      case 'line-feed':
        pushRecent(this.printedLines, this.line, KEPT_RECORDS);
        this.line = '';
        return;
      case 'qr-store':
        this.storedQr = command.data;
        return;
      case 'qr-print':
        if (this.storedQr !== undefined) pushRecent(this.printedQr, this.storedQr, KEPT_RECORDS);
        return;
      case 'cut':
        this.cutCount += 1;
        return;
      default:
        return; // modes (size, bold, alignment, QR settings) and feeds change no recorded text
    }
  }

  private answerStatus(which: 1 | 2 | 3 | 4): void {
    const paperOut = this.has('paper-out');
    let byte: number;
    if (which === 1) byte = paperOut ? STATUS_BYTES.printerOffline : STATUS_BYTES.printerReady;
    else if (which === 4) byte = paperOut ? STATUS_BYTES.paperEnd : STATUS_BYTES.paperPresent;
    else return;
    const slow = this.faults.filter((f): f is Extract<PrinterSimFault, { kind: 'slow' }> => f.kind === 'slow').at(-1);
    const delay = slow?.delayMs ?? this.replyDelayMs;
    this.wire.reply(Uint8Array.of(byte), delay);
  }
}
