/**
 * A small rotating log destination: `station.log` up to `maxBytes`, then renamed to
 * `station.log.1` (older ones shifted up to `.<files - 1>`, the oldest deleted), so the logs
 * never take more than `maxBytes × files` of the disk. Lines are written synchronously, so
 * the line before a crash is on disk. A write that fails (disk full) is dropped, never thrown.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface RotatingFileOptions {
  readonly dir: string;
  /** Default `station.log`. */
  readonly name?: string;
  /** Size of one file before it rotates, bytes. Default 5 MiB. */
  readonly maxBytes?: number;
  /** Files kept including the current one. Default 5 (so at most 25 MiB). */
  readonly files?: number;
}

export interface RotatingFile {
  /** Appends `line` (which should end in "\n"); rotates first when it would not fit. */
  write(line: string): void;
  close(): void;
}

export function openRotatingFile(options: RotatingFileOptions): RotatingFile {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const files = options.files ?? 5;
  if (!Number.isInteger(maxBytes) || maxBytes < 1024) throw new TypeError('maxBytes must be an integer of at least 1024');
  if (!Number.isInteger(files) || files < 1 || files > 100) throw new TypeError('files must be an integer from 1 to 100');
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const path = join(options.dir, options.name ?? 'station.log');
  let fd: number | null = openSync(path, 'a', 0o600);
  let size = fstatSync(fd).size;

  const rotate = () => {
    if (fd !== null) closeSync(fd);
    rmSync(`${path}.${files - 1}`, { force: true });
    for (let i = files - 2; i >= 1; i--) if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
    if (files > 1) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
    fd = openSync(path, 'a', 0o600);
    size = 0;
  };

  return {
    write(line) {
      if (fd === null) return;
      const bytes = Buffer.from(line, 'utf8');
      try {
        if (size > 0 && size + bytes.length > maxBytes) rotate();
        // A single line longer than a whole file is cut, so the cap holds.
        const out = bytes.length > maxBytes ? Buffer.concat([bytes.subarray(0, maxBytes - 1), Buffer.from('\n')]) : bytes;
        writeSync(fd, out);
        size += out.length;
      } catch {
        // Logging must never stop the station (a full disk is reported by getStorageStatus).
      }
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
