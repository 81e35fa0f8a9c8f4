/**
 * Timing of the card-tap path inside the service, for `npm run bench` only. Off unless the
 * station was started with STATION_TAP_TIMING=1: then each reader tap prints one line
 *
 *   tap-timing {"visitId":12,"decodedAtMs":…,"committedAtMs":…,"sentAtMs":…}
 *
 * with epoch ms of sub-millisecond resolution (`performance.timeOrigin + performance.now()`,
 * comparable with the page's and the bench's clocks), and each reader fault one line
 *
 *   tap-fault {"deviceId":"sim-reader","reason":"truncated","chunks":[{"atMs":…,"bytes":7,"deafMs":0}],"atMs":…,"deafMs":0}
 *
 * saying when each chunk of the faulted bytes was read, so the bench can set a cut frame's
 * reads beside its own writes. When off, the tap path pays one null check.
 */

/** The environment switch. */
export const TAP_TIMING_ENV = 'STATION_TAP_TIMING';
/** Prefix of each printed line. */
export const TAP_TIMING_PREFIX = 'tap-timing ';

/** Where the service's stages of one tap are stamped. */
export interface TapStamps {
  /** The reader's `read` event reached the service: the frame is complete and decoded. */
  readonly decodedAtMs: number;
  /** The visit is committed to SQLite (and the outcome built). */
  readonly committedAtMs: number;
  /** The `checkIn` event has been handed to every subscriber (the page socket's send). */
  readonly sentAtMs: number;
}

export interface TapTimingRecord extends TapStamps {
  /** The visit the tap logged, `null` for a tap that logged none (e.g. tap-out). */
  readonly visitId: number | null;
}

/** A reader fault's timing (see `FaultTiming`), its times as epoch ms like the stamps'. */
export interface TapFaultRecord {
  readonly deviceId: string;
  readonly reason: string;
  readonly chunks: readonly { readonly atMs: number; readonly bytes: number; readonly deafMs: number }[];
  readonly atMs: number;
  readonly deafMs: number;
}

/** Receives every tap's stages; `fault`, when there, every reader fault's timing. */
export type TapTimingSink = ((record: TapTimingRecord) => void) & { readonly fault?: (record: TapFaultRecord) => void };

/** Prefix of each fault line. */
export const TAP_FAULT_PREFIX = 'tap-fault ';

/** Monotonic ms (`performance.now()`) as epoch ms of sub-ms resolution, like {@link preciseNowMs}. */
export function epochFromMonotonic(monotonicMs: number): number {
  return performance.timeOrigin + monotonicMs;
}

/** Epoch ms with sub-millisecond resolution. */
export function preciseNowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** The sink the environment asks for, or `null` (the default: no timing). */
export function tapTimingFromEnv(
  env: NodeJS.ProcessEnv,
  write: (line: string) => void = (line) => process.stdout.write(line),
): TapTimingSink | null {
  if (env[TAP_TIMING_ENV] !== '1') return null;
  const sink = (record: TapTimingRecord) => write(`${TAP_TIMING_PREFIX}${JSON.stringify(record)}\n`);
  return Object.assign(sink, { fault: (record: TapFaultRecord) => write(`${TAP_FAULT_PREFIX}${JSON.stringify(record)}\n`) });
}

/** Reads the fault lines back out of a station's output (the bench side). */
export function parseTapFaultLines(output: string): TapFaultRecord[] {
  const records: TapFaultRecord[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith(TAP_FAULT_PREFIX)) continue;
    try {
      const value = JSON.parse(line.slice(TAP_FAULT_PREFIX.length)) as TapFaultRecord;
      if (typeof value.atMs === 'number' && Array.isArray(value.chunks)) records.push(value);
    } catch {
      // A line cut short is skipped.
    }
  }
  return records;
}

/** Reads the records back out of a station's output (the bench side). */
export function parseTapTimingLines(output: string): TapTimingRecord[] {
  const records: TapTimingRecord[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith(TAP_TIMING_PREFIX)) continue;
    try {
      const value = JSON.parse(line.slice(TAP_TIMING_PREFIX.length)) as Partial<TapTimingRecord>;
      if (typeof value.decodedAtMs === 'number' && typeof value.committedAtMs === 'number' && typeof value.sentAtMs === 'number') {
        records.push({ visitId: typeof value.visitId === 'number' ? value.visitId : null, decodedAtMs: value.decodedAtMs, committedAtMs: value.committedAtMs, sentAtMs: value.sentAtMs });
      }
    } catch {
      // A line cut short (the process stopped mid-write) is skipped.
    }
  }
  return records;
}
