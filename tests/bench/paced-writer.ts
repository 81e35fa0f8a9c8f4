/**
 * The card reader's side of the tap bench: writes a frame into the simulated reader's pty at
 * the reader's baud rate, from a worker thread of its own. Two pacings:
 *
 * - `frame` (the default): the whole frame in one write, at the moment its last byte would
 *   have left a 9600-baud line. The frame's first byte is stamped one wire time before, so
 *   the figure still holds the wire time, and a late writer only makes the figure worse. A
 *   real reader sends a frame without gaps, and a USB reader's adapter hands the host a frame
 *   in one or two packets; this cannot leave a gap mid-frame, whatever the machine does.
 * - `bytes`: one write per byte-time, as a bare UART would deliver them. At load average
 *   15–20 on two cores this cut 4 of 900 frames, none by the station's timer: once the
 *   writer thread itself stood still for 136 ms (a real gap, which a reader rightly cuts);
 *   three times bytes already written sat unread for over 100 ms on the simulated line, and
 *   in the one of those with CPU waits recorded, socat (relaying the line) had waited 126 ms
 *   for a CPU (see cut-timeline.ts, run-queue-wait.ts). Kept to exercise the station's
 *   handling of frames that arrive a byte at a time.
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
  /**
   * When each byte's write returned, epoch ms: set beside the station's arrival times of a
   * cut frame, they show whether the gap was on the bench's side of the pty or past it.
   */
  readonly byteAt: readonly number[];
  /** The writer thread's Linux thread id (its run-queue waits are in /proc), or null. */
  readonly tid: number | null;
}

export type Pacing = 'frame' | 'bytes';

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
const { openSync, writeSync, closeSync, readlinkSync, constants } = require('node:fs');
const fd = openSync(workerData.path, constants.O_WRONLY | constants.O_NOCTTY);
let tid = null;
try { tid = Number(readlinkSync('/proc/thread-self').split('/').pop()); } catch {}
const now = () => performance.timeOrigin + performance.now();
parentPort.on('message', (message) => {
  if (message === 'close') { closeSync(fd); parentPort.close(); return; }
  const frame = message;
  const start = now();
  let maxLateMs = 0;
  const byteAt = [];
  if (workerData.pacing === 'frame') {
    const due = start + frame.length * workerData.byteMs;
    while (now() < due);
    maxLateMs = now() - due;
    writeSync(fd, frame, 0, frame.length);
    const at = now();
    for (let i = 0; i < frame.length; i++) byteAt.push(at);
    parentPort.postMessage({ firstByte: start, wire: at, maxLateMs, byteAt, tid });
    return;
  }
  for (let i = 0; i < frame.length; i++) {
    const due = start + (i + 1) * workerData.byteMs;
    while (now() < due);
    maxLateMs = Math.max(maxLateMs, now() - due);
    writeSync(fd, frame, i, 1);
    byteAt.push(now());
  }
  parentPort.postMessage({ firstByte: start, wire: byteAt[byteAt.length - 1] ?? start, maxLateMs, byteAt, tid });
});
`;

/** A writer on the device side of a pty (`path`), at one byte per `byteMs`. */
export function openPacedWriter(path: string, byteMs: number, pacing: Pacing = 'frame'): PacedWriter {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, byteMs, pacing } });
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
