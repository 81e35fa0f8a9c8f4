import { EventEmitter } from 'node:events';
import { normaliseCardText } from '../../card-id/normalise';
import { DEFAULT_GAP_MS, type Framer, type FramerOutput } from '../../codecs/framer';
import { systemClock, type Clock } from '../clock';
import { SilenceWatch } from '../silence-watch';
import type { CardRead, CardReader, CardReadFault, ChunkArrival, ReaderState } from './card-reader';
import { ReaderSupervisor, type ReaderSupervisorOptions } from './reader-supervisor';

/** How a frame becomes card text: the text, and whether it is hex by construction. */
export interface FrameText {
  readonly text: string;
  readonly hex: boolean;
}

type AnyFrame = { readonly type: 'frame' };

/** A framer and how its frames become card text, with the frame type erased. */
export interface CardCodec {
  readonly framer: Framer<AnyFrame>;
  readonly frameText: (frame: AnyFrame) => FrameText;
}

/** Pairs a framer with its text function; the frames reaching `frameText` are that framer's. */
export function cardCodec<F extends AnyFrame>(framer: Framer<F>, frameText: (frame: F) => FrameText): CardCodec {
  return { framer, frameText: frameText as (frame: AnyFrame) => FrameText };
}

export interface FramedCardReaderOptions<F extends { readonly type: 'frame' }> extends ReaderSupervisorOptions {
  readonly id: string;
  readonly name: string;
  /** Default false. */
  readonly simulated?: boolean;
  readonly framer: Framer<F>;
  readonly frameText: (frame: F) => FrameText;
  /** Byte order for 8-hex card text. Default `'as-read'`. */
  readonly byteOrder?: 'as-read' | 'reversed';
  /** The framer's gap, ms: a stalled frame is reported this long after its last byte. Default 100. */
  readonly gapMs?: number;
  /** `detail` while online, e.g. to say a simulator runs without a real tty. Default empty. */
  readonly onlineDetail?: string;
  readonly clock?: Clock;
}

/** Most chunk arrivals a fault's timing keeps (a frame is at most a few dozen bytes). */
const MAX_ARRIVALS = 64;

interface CardReaderEvents {
  read: [read: CardRead];
  fault: [fault: CardReadFault];
  state: [state: ReaderState];
}

/**
 * A card reader made of a supervised transport and a framer: bytes in, `read`/`fault` out.
 * Text that is not a known card format is a fault `unsupported-format`. Bytes held when the
 * device is lost are dropped; a stalled frame is reported `truncated` after the gap, counted
 * in time the process could hear the line (see {@link SilenceWatch}): a stalled event loop
 * does not cut a frame whose tail arrived in time.
 */
export class FramedCardReader<F extends { readonly type: 'frame' }> extends EventEmitter<CardReaderEvents> implements CardReader {
  readonly id: string;
  readonly name: string;
  readonly simulated: boolean;
  private readonly supervisor: ReaderSupervisor;
  private readonly clock: Clock;
  private readonly silence: SilenceWatch;
  /** The chunks read since the framer last held nothing: a fault's timing. */
  private arrivals: ChunkArrival[] = [];

  constructor(private readonly options: FramedCardReaderOptions<F>) {
    super();
    this.id = options.id;
    this.name = options.name;
    this.simulated = options.simulated ?? false;
    this.clock = options.clock ?? systemClock;
    this.silence = new SilenceWatch({
      clock: this.clock,
      gapMs: options.gapMs ?? DEFAULT_GAP_MS,
      onTick: (heardMs) => {
        this.handle(this.options.framer.flush(heardMs), this.clock.now(), heardMs);
        this.settle();
      },
    });
    this.supervisor = new ReaderSupervisor(options);
    this.supervisor.on('state', (state) => this.emit('state', state));
    this.supervisor.on('data', (chunk) => this.onData(chunk));
    this.supervisor.on('lost', () => this.dropHeldBytes());
  }

  get state(): ReaderState {
    return this.supervisor.state;
  }

  get detail(): string {
    return this.supervisor.state === 'online' ? (this.options.onlineDetail ?? '') : this.supervisor.detail;
  }

  async start(): Promise<void> {
    this.supervisor.start();
  }

  async stop(): Promise<void> {
    this.dropHeldBytes();
    await this.supervisor.stop();
  }

  private onData(chunk: Uint8Array): void {
    const heardMs = this.silence.stamp();
    if (this.arrivals.length < MAX_ARRIVALS) this.arrivals.push({ atMs: this.clock.monotonicMs(), bytes: chunk.length, deafMs: this.clock.now() - heardMs });
    this.handle(this.options.framer.push(chunk, heardMs), this.clock.now(), heardMs);
    this.settle();
  }

  /** After handling: keep the silence watch (and the arrivals) only while bytes are held. */
  private settle(): void {
    const pending = this.options.framer.hasPending;
    if (!pending) this.arrivals = [];
    this.silence.update(pending);
  }

  private dropHeldBytes(): void {
    this.silence.stop();
    this.options.framer.reset();
    this.arrivals = [];
  }

  private handle(outputs: FramerOutput<F>[], atMs: number, heardMs: number): void {
    for (const output of outputs) {
      if (output.type === 'fault') {
        const timing = { chunks: this.arrivals.slice(), atMs: this.clock.monotonicMs(), deafMs: this.clock.now() - heardMs };
        this.emit('fault', { deviceId: this.id, reason: output.reason, detail: output.detail, timing });
        continue;
      }
      const { text, hex } = this.options.frameText(output as F);
      const card = normaliseCardText(text, { byteOrder: this.options.byteOrder ?? 'as-read', hex });
      if (card) this.emit('read', { deviceId: this.id, card, raw: text, atMs });
      else this.emit('fault', { deviceId: this.id, reason: 'unsupported-format', detail: `not a card number format: ${JSON.stringify(text.slice(0, 80))}` });
    }
  }
}
