/**
 * The card reader's side of the tap bench: writes a frame into the simulated reader's pty one
 * byte per byte-time, as a UART at the reader's baud rate would, from a worker thread of its
 * own.
 *
 * Why a thread: the bench's main thread also drives Chromium (Playwright), parses the
 * station's output and collects garbage. Paced from there, a frame was now and then cut by a
 * pause of that thread longer than the reader's 100 ms gap: the station then correctly
 * called the frame truncated, showed "card not read" and logged nothing, and the bench saw a
 * tap whose welcome never came. A real reader never pauses mid-frame; this writer's thread
 * does nothing but write (synchronous writes, a busy wait between bytes), so no pause of the
 * bench can reach it. Each write reports how late its worst byte was, so a machine that
 * starves even this thread is seen in the figures, not mistaken for the station.
 */
import { Worker } from 'node:worker_threads';

/** One paced frame, in epoch ms of sub-ms resolution (comparable with the station's stamps). */
export interface PacedWrite {
  /** When the first byte started on the line. */
  readonly firstByte: number;
  /** When the last byte had been written. */
  readonly wire: number;
  /** The most any byte was written after its due time, ms (a starved writer thread). */
  readonly maxLateMs: number;
}

export interface PacedWriter {
  /** Writes `frame`, resolving once its last byte is written. One frame at a time. */
  write(frame: Uint8Array): Promise<PacedWrite>;
  close(): Promise<void>;
}

/**
 * Runs in the worker (plain JavaScript: the worker does not go through the TypeScript loader).
 * Byte i is written once its stop bit has left the line, (i + 1) byte-times after the start.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, writeSync, closeSync, constants } = require('node:fs');
const fd = openSync(workerData.path, constants.O_WRONLY | constants.O_NOCTTY);
const now = () => performance.timeOrigin + performance.now();
parentPort.on('message', (message) => {
  if (message === 'close') { closeSync(fd); parentPort.close(); return; }
  const frame = message;
  const start = now();
  let maxLateMs = 0;
  for (let i = 0; i < frame.length; i++) {
    const due = start + (i + 1) * workerData.byteMs;
    while (now() < due);
    maxLateMs = Math.max(maxLateMs, now() - due);
    writeSync(fd, frame, i, 1);
  }
  parentPort.postMessage({ firstByte: start, wire: now(), maxLateMs });
});
`;

/** A writer on the device side of a pty (`path`), one byte per `byteMs`. */
export function openPacedWriter(path: string, byteMs: number): PacedWriter {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, byteMs } });
  let failed: Error | null = null;
  worker.on('error', (error) => (failed = error));
  return {
    write: (frame) =>
      new Promise<PacedWrite>((resolve, reject) => {
        if (failed) return reject(failed);
        const onError = (error: Error) => reject(error);
        worker.once('error', onError);
        worker.once('message', (result: PacedWrite) => {
          worker.off('error', onError);
          resolve(result);
        });
        worker.postMessage(frame);
      }),
    close: async () => {
      worker.postMessage('close');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 1000);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
