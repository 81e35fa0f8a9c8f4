/**
 * The operations service: the clock guard (checked every minute), the daily maintenance
 * (retention roll-up and sketch pruning, then a verified backup) and the storage status the steward console
 * shows. Built by the station service; see README.md in this folder.
 */
import type { Database } from 'better-sqlite3';
import type { StorageStatus } from '../../../common/operations';
import { ok, type Result } from '../../../common/result';
import type { Clock } from '../../../hardware/drivers/clock';
import { backupDatabase, listBackups, type BackupOutcome } from './backup';
import { CLOCK_CHECK_INTERVAL_MS, createClockGuard } from './clock-guard';
import { pruneWorkerSketches } from '../upstream/sketch-retention';
import { rollUpOldVisits, type RetentionOutcome } from './retention';
import { createStorageMonitor } from './storage-monitor';

export const DAY_MS = 24 * 3_600_000;
/** The first maintenance after start waits this long, so start-up and the first taps come first. */
export const FIRST_MAINTENANCE_DELAY_MS = 5 * 60_000;

export interface OpsSettings {
  /** Days of raw visits kept (see retention.ts). */
  readonly retentionDays: number;
  /** Daily backups kept. */
  readonly backupsKept: number;
}

export interface OpsDeps {
  readonly db: Database;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly settings: OpsSettings;
  /** Problems (clock, a failed backup) for the station log. */
  readonly onWarning: (message: string) => void;
  /** Maintenance done, one line each time. */
  readonly onNotice: (message: string) => void;
}

export interface MaintenanceOutcome {
  readonly retention: RetentionOutcome;
  /** Unique-worker sketch days deleted (past retention and stored by the collector). */
  readonly workerSketchesPruned: number;
  readonly backup: BackupOutcome;
}

export interface OpsService {
  readonly api: { getStorageStatus(): Promise<Result<StorageStatus>> };
  /** Every storage error the service meets, so a full disk is seen. */
  noteStorageFailure(error: unknown): void;
  /** Retention then backup, now (the daily timer calls this too). Rejects on failure, after a warning. */
  runMaintenance(): Promise<MaintenanceOutcome>;
  /**
   * Stops the timers. A backup under way is not waited for: closing the database ends it,
   * and its unfinished file is deleted (the older backups stay).
   */
  close(): void;
}

export function createOpsService(deps: OpsDeps): OpsService {
  const { db, dataDir, clock } = deps;
  const guard = createClockGuard({ db, clock, onWarning: deps.onWarning });
  guard.check();
  const storage = createStorageMonitor(dataDir);
  let running: Promise<MaintenanceOutcome> | undefined;
  let closed = false;

  const runMaintenance = (): Promise<MaintenanceOutcome> => {
    running ??= (async () => {
      try {
        const retention = rollUpOldVisits(db, clock.now(), deps.settings.retentionDays);
        const workerSketchesPruned = pruneWorkerSketches(db, clock.now(), deps.settings.retentionDays);
        const backup = await backupDatabase(db, dataDir, clock.now(), deps.settings.backupsKept);
        deps.onNotice(
          `Maintenance: ${retention.visitsRolledUp} visits rolled up into daily counts; backup ${backup.backup.name} verified (${backup.backup.bytes} bytes), ${backup.deleted.length} old backups deleted.`,
        );
        return { retention, workerSketchesPruned, backup };
      } catch (error) {
        if (closed) throw error;
        storage.noteFailure(error, clock.now());
        deps.onWarning(`Maintenance failed (retention or backup): ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const scheduled = () => {
    if (!closed) runMaintenance().catch(() => {});
  };

  const clockTimer = clock.setInterval(() => {
    try {
      guard.check();
    } catch (error) {
      storage.noteFailure(error, clock.now());
    }
  }, CLOCK_CHECK_INTERVAL_MS);
  // Daily from start; a station restarted every few hours must still get its backup.
  const newest = listBackups(dataDir).at(-1);
  const due = newest === undefined || clock.now() - newest.takenAtMs >= DAY_MS || newest.takenAtMs > clock.now();
  const firstTimer = due ? clock.setTimeout(scheduled, FIRST_MAINTENANCE_DELAY_MS) : undefined;
  const dailyTimer = clock.setInterval(scheduled, DAY_MS);

  return {
    api: {
      getStorageStatus: async () => {
        const disk = storage.status();
        return ok({
          state: disk.state,
          freeBytes: disk.freeBytes,
          totalBytes: disk.totalBytes,
          lastFullAtMs: disk.lastFullAtMs,
          clock: guard.status().state,
          lastBackupAtMs: listBackups(dataDir).at(-1)?.takenAtMs ?? null,
        });
      },
    },
    noteStorageFailure: (error) => storage.noteFailure(error, clock.now()),
    runMaintenance,
    close() {
      closed = true;
      clock.clearInterval(clockTimer);
      if (firstTimer !== undefined) clock.clearTimeout(firstTimer);
      clock.clearInterval(dailyTimer);
    },
  };
}
