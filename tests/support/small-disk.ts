/**
 * A real size-limited filesystem for disk-full tests: a tmpfs mounted with `size=` on a fresh
 * directory. Needs root (or CAP_SYS_ADMIN); `mountSmallDisk` says why when it cannot.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  readonly path: string;
  /** Writes a filler file until the disk refuses (ENOSPC); returns its path. */
  fill(): string;
  unmount(): void;
}

/** Why a tmpfs cannot be mounted here, or null when it can. */
export function smallDiskUnavailable(): string | null {
  if (process.platform !== 'linux') return `mounting a tmpfs needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (run the suite as root, as CI does)';
  return null;
}

export function mountSmallDisk(sizeBytes: number): SmallDisk {
  const path = mkdtempSync(join(tmpdir(), 'station-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', path]);
  let mounted = true;
  return {
    path,
    fill() {
      const filler = join(path, 'filler.bin');
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(16 * 1024, 0x55);
      try {
        for (;;) {
          try {
            writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw error;
          }
        }
        // The last partial chunk: fill to the final byte.
        for (;;) {
          try {
            writeSync(fd, Buffer.alloc(512, 0x55));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
      return filler;
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
