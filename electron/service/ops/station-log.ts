/**
 * The station's structured log (pino, JSON lines) in `<dataDir>/logs/`, rotated and capped
 * (rotating-file.ts). Card numbers and PINs must never reach it: callers log outcomes, never
 * inputs, and as a second line of defence every string in a line is scrubbed of anything
 * shaped like a card number or PIN in any rendering (decimal, hex either byte order, with
 * separators) before it is written.
 */
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { openRotatingFile, type RotatingFileOptions } from './rotating-file';

export const LOG_DIR_NAME = 'logs';

/** What the service logs through; a pino logger satisfies it. */
export interface StationLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Replaces what could be a card number or a PIN: byte groups with separators
 * (`3a:9a:6f:02`, `3A 9A 6F 02`, `3a-9a-…`), hex runs of 6+ with a digit, and any run of 4+
 * digits (decimal UIDs, W26 `111,27706`, 4–8 digit PINs), and any 8+ hex run. Counts, ids and durations below
 * 1000 survive; bigger numbers belong in named numeric fields, which are not scrubbed.
 */
export function scrub(text: string): string {
  return text
    .replace(/\b[0-9a-f]{2}(?:[\s:.-][0-9a-f]{2}){2,}\b/gi, '[redacted]')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b/gi, '[redacted]')
    .replace(/\b[0-9a-f]{8,}\b/gi, '[redacted]')
    .replace(/\d{4,}/g, '[redacted]');
}

function scrubValues(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValues(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValues(v, depth + 1)]));
}

export interface StationLogOptions extends Partial<Omit<RotatingFileOptions, 'dir'>> {
  readonly dataDir: string;
  /** Default `info`. */
  readonly level?: 'debug' | 'info' | 'warn' | 'error';
}

export interface OpenedStationLog {
  readonly log: Logger;
  close(): void;
}

export function openStationLog(options: StationLogOptions): OpenedStationLog {
  const file = openRotatingFile({ dir: join(options.dataDir, LOG_DIR_NAME), name: options.name, maxBytes: options.maxBytes, files: options.files });
  const log = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      // After the serializers (an `err` is { type, message, stack } by then): every string scrubbed.
      formatters: { log: (fields) => scrubValues(fields) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>;
          method.apply(this, scrubbed);
        },
      },
    },
    { write: (line: string) => file.write(line) },
  );
  return { log, close: () => file.close() };
}
