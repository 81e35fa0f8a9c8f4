import { EventEmitter } from 'node:events';

export interface TransportEventMap {
  data: [chunk: Uint8Array];
  error: [error: Error];
  close: [];
}

/**
 * Typed events for transport adapters. An `error` event with no listener would throw and
 * take the whole station service down with it, so adapters report through `emitError`,
 * which stays quiet when nobody listens (the following `close` still tells them).
 */
export abstract class TransportBase extends EventEmitter<TransportEventMap> {
  protected emitError(error: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}

/** Default bound on `close()`, in milliseconds: a stuck OS close must not hang shutdown. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 1000;

/** Resolves when `work` settles or after `ms`, whichever is first; never rejects. */
export function settleWithin(work: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    work.then(
      () => { clearTimeout(timer); resolve('done'); },
      () => { clearTimeout(timer); resolve('done'); },
    );
  });
}

export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
