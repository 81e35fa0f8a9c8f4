/**
 * Test double of a {@link CardReader}: an in-memory reader whose reads, faults and state
 * changes the test triggers by hand, and which records start/stop calls.
 */
import { EventEmitter } from 'node:events';
import type { NormalisedCard } from '../../../hardware/card-id/card-id';
import type { CardRead, CardReader, CardReadFault, ReaderState } from '../../../hardware/drivers/card-reader/card-reader';

interface Events {
  read: [read: CardRead];
  fault: [fault: CardReadFault];
  state: [state: ReaderState];
}

export class CardReaderDouble extends EventEmitter<Events> implements CardReader {
  readonly simulated = true;
  state: ReaderState = 'offline';
  detail = 'not started';
  startCalls = 0;
  stopCalls = 0;
  /** When set, `start()` rejects with this message. */
  failStart: string | null = null;

  constructor(
    readonly id: string,
    readonly name = `Reader ${id}`,
  ) {
    super();
  }

  async start(): Promise<void> {
    this.startCalls += 1;
    if (this.failStart !== null) throw new Error(this.failStart);
    this.setState('online', '');
  }

  async stop(): Promise<void> {
    this.stopCalls += 1;
    this.state = 'offline';
  }

  /** Plays a card tap. */
  tap(card: NormalisedCard, raw = 'raw', atMs = 0): void {
    this.emit('read', { deviceId: this.id, card, raw, atMs });
  }

  fault(reason: CardReadFault['reason'], detail = '', timing?: CardReadFault['timing']): void {
    this.emit('fault', { deviceId: this.id, reason, detail, ...(timing ? { timing } : {}) });
  }

  setState(state: ReaderState, detail: string): void {
    this.state = state;
    this.detail = detail;
    this.emit('state', state);
  }
}
