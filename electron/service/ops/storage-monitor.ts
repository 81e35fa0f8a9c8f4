/**
 * Watches the data directory's disk: free space from statfs, and whether writes are being
 * refused for lack of it. "Full" clears by itself once space is freed (by a steward, by log
 * rotation, by retention).
 */
import { statfsSync } from 'node:fs';
import type { StorageState } from '../../../common/operations';

/** The reserve under which the disk counts as low: the smaller of this and 10 % of the disk. */
export const LOW_SPACE_BYTES = 200 * 1024 * 1024;

/** Free space that must appear after a disk-full failure before writes count as possible again. */
export const FULL_CLEARS_AFTER_BYTES = 256 * 1024;

export interface DiskSpace {
  readonly freeBytes: number;
  readonly totalBytes: number;
}

export interface StorageMonitor {
  /** Call with every storage error; remembers the ones that mean "disk full". */
  noteFailure(error: unknown, atMs: number): void;
  status(): DiskSpace & { readonly state: StorageState; readonly lastFullAtMs: number | null };
}

/** SQLITE_FULL (and its extended codes) or ENOSPC from Node's own file calls. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_FULL') || code === 'ENOSPC');
}

export function diskSpace(path: string): DiskSpace {
  const fs = statfsSync(path);
  return { freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize };
}

export function createStorageMonitor(dataDir: string): StorageMonitor {
  // A test write cannot prove the next visit fits (SQLite reuses WAL space it already has), so
  // "full" lasts until space was freed: the free bytes grew by FULL_CLEARS_AFTER_BYTES since.
  let full: { atMs: number; freeBytes: number } | null = null;
  return {
    noteFailure(error, atMs) {
      if (!isDiskFull(error)) return;
      let freeBytes = 0;
      try {
        freeBytes = diskSpace(dataDir).freeBytes;
      } catch {
        // statfs failing too: any free space found later counts as freed.
      }
      full = { atMs, freeBytes: Math.min(freeBytes, full?.freeBytes ?? Infinity) };
    },
    status() {
      const space = diskSpace(dataDir);
      if (full !== null && space.freeBytes >= full.freeBytes + FULL_CLEARS_AFTER_BYTES) full = null;
      const reserve = Math.min(LOW_SPACE_BYTES, space.totalBytes / 10);
      const state: StorageState = full !== null ? 'full' : space.freeBytes < reserve ? 'low' : 'ok';
      return { ...space, state, lastFullAtMs: full?.atMs ?? null };
    },
  };
}
