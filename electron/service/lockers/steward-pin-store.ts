/**
 * Where the steward PIN chosen on the kiosk is kept: `<dataDir>/steward-pin`, one line holding
 * its scrypt hash (never the PIN). Written to a temp file, fsynced and renamed into place, so
 * a power cut leaves either the old PIN or the new one, never half of one; owner-only (0600).
 */
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const STEWARD_PIN_FILE_NAME = 'steward-pin';

/** Keeps the encoded PIN hash (see `hashStewardPin`); the guard never sees a file. */
export interface StewardPinStore {
  /** The stored hash, or null when no PIN has been set on this station. */
  load(): string | null;
  /** Replaces the stored hash durably; throws when the disk refuses. */
  save(encodedHash: string): void;
}

export function fileStewardPinStore(dataDir: string): StewardPinStore {
  const path = join(dataDir, STEWARD_PIN_FILE_NAME);
  return {
    load() {
      try {
        const text = readFileSync(path, 'utf8').trim();
        return text === '' ? null : text;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    save(encodedHash) {
      const temp = `${path}.${process.pid}.tmp`;
      const fd = openSync(temp, 'w', 0o600);
      try {
        fchmodSync(fd, 0o600);
        writeSync(fd, `${encodedHash}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, path);
    },
  };
}

/** In memory only: for tests and stations built without a data dir. */
export function memoryStewardPinStore(initial: string | null = null): StewardPinStore {
  let stored = initial;
  return {
    load: () => stored,
    save: (encodedHash) => {
      stored = encodedHash;
    },
  };
}
