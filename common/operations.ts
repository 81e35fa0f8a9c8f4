/**
 * Operations: what the station tells the steward console (and the screen) about its own
 * health — the disk, the wall clock and the last backup.
 */
import * as z from 'zod/mini';
import { method, noInput } from './contract-method';

/**
 * `full`: the last write failed for lack of space and a test write still fails — nothing new
 * is being saved, the station answers everything else. `low`: under the reserve (the smaller
 * of 200 MB and 10 % of the disk). The screen shows the i18n key `storage.<state>`.
 */
export const storageStateSchema = z.enum(['ok', 'low', 'full']);
export type StorageState = z.infer<typeof storageStateSchema>;

export const storageStatusSchema = z.object({
  state: storageStateSchema,
  /** Bytes free for the station's account on the data directory's filesystem. */
  freeBytes: z.int().check(z.gte(0)),
  totalBytes: z.int().check(z.gte(0)),
  /** The last write refused for lack of space, epoch ms; null when none since start or it cleared. */
  lastFullAtMs: z.nullable(z.int()),
  /** `behind`/`ahead`: the wall clock disagrees with the station's own count (see clock-guard.ts). */
  clock: z.enum(['ok', 'behind', 'ahead']),
  /** The newest verified backup, epoch ms (station clock); null when there is none. */
  lastBackupAtMs: z.nullable(z.int()),
});
export type StorageStatus = z.infer<typeof storageStatusSchema>;

/** The operations section of the station contract (see `contract.ts`). */
export const operationsMethods = {
  /** Disk space, whether writes are being refused for lack of it, the clock and the last backup. Never touches devices. */
  getStorageStatus: method(noInput, storageStatusSchema),
} as const;
