/**
 * The upstream slice as the station service sees it: producers on a timer aligned to the
 * 5-minute heartbeat slots (hour and day closes fall on slot boundaries), and a sender that
 * drains the outbox after each tick. Without `upstream` settings nothing is produced or sent
 * and the status says `not-configured`.
 */
import type { Database } from 'better-sqlite3';
import type { DeviceStatus } from '../../../common/domain';
import type { SyncStatus } from '../../../common/upstream-sync-status';
import type { Clock } from '../../../hardware/drivers/clock';
import { postJson, type PostJson } from './http-post';
import { createOutboxStore, type OutboxStore } from './outbox-store';
import { SLOT_MS, slotStart } from './periods';
import { createProducers } from './producers';
import { createRecordEvents } from './record-events';
import { createSender, type Sender, type SenderOptions } from './sender';
import { createStewardSummaries } from './steward-summaries';
import { createSummaries } from './summaries';
import { createSupplyLevels } from './supply-levels';
import { loadCollectorCa, loadCollectorKey, type UpstreamSettings } from './upstream-settings';
import { createWorkerSketches, type WorkerSketches } from './worker-sketches';

export interface UpstreamServiceDeps {
  readonly db: Database;
  readonly stationId: string;
  /** station.json's `upstream`; null sends nothing. */
  readonly settings: UpstreamSettings;
  /** Folder the key and CA paths are relative to. */
  readonly dataDir: string;
  readonly clock: Clock;
  /** Device list for the heartbeats. */
  readonly deviceStatus: () => readonly DeviceStatus[];
  /** Start-up problems (unreadable key file). */
  readonly onWarning: (message: string) => void;
  /** Transport; default node:http(s). */
  readonly post?: PostJson;
  /** Sender tuning (batch size, backoff, jitter source). */
  readonly sender?: Pick<SenderOptions, 'batchSize' | 'backoffBaseMs' | 'backoffMaxMs' | 'random' | 'timeoutMs'>;
}

export interface UpstreamService {
  getSyncStatus(): SyncStatus;
  /**
   * A card was tapped at `atMs`: adds it to the day's unique-worker sketch (with a fleet key;
   * otherwise nothing). `cardKey` as in {@link WorkerSketches.noteWorker}. Never throws: a
   * failure to count is a warning, not a failed check-in.
   */
  noteWorker(cardKey: string, atMs: number): void;
  /** Writes due items and starts a drain now (also runs on its own every slot). */
  tick(): void;
  /** Resolves when the sender is idle or backing off. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function createUpstreamService(deps: UpstreamServiceDeps): UpstreamService {
  const { clock } = deps;
  if (deps.settings === null) return notConfigured();
  const outbox = createOutboxStore(deps.db);
  let sender: Sender;
  let workerSketches: WorkerSketches | undefined;
  try {
    sender = createSender({
      ...deps.sender,
      outbox,
      collectorUrl: new URL(deps.settings.collectorUrl),
      stationId: deps.stationId,
      key: loadCollectorKey(deps.dataDir, deps.settings.keyFile),
      ca: loadCollectorCa(deps.dataDir, deps.settings.caFile),
      clock,
      post: deps.post ?? postJson,
    });
    const { fleetKeyFile } = deps.settings;
    if (fleetKeyFile !== undefined) workerSketches = createWorkerSketches(deps.db, loadCollectorKey(deps.dataDir, fleetKeyFile));
  } catch (error) {
    const message = `Upstream is configured but cannot start: ${error instanceof Error ? error.message : String(error)}`;
    deps.onWarning(message);
    return stopped(outbox, deps.settings.collectorUrl, message, clock.now());
  }
  const producers = createProducers({
    stationId: deps.stationId, outbox, summaries: createSummaries(deps.db), workerSketches, stewardSummaries: createStewardSummaries(deps.db),
    supplyLevels: createSupplyLevels(deps.db), recordEvents: createRecordEvents(deps.db, deps.stationId, outbox),
  });
  // Uptime is a duration: counted on the monotonic clock, so an NTP step cannot make it jump.
  const startedMono = clock.monotonicMs();
  let timer: unknown;
  let closed = false;

  const tick = () => {
    if (closed) return;
    const now = clock.now();
    try {
      producers.produceClosedPeriods(now);
      producers.produceHeartbeat(now, { uptimeSeconds: Math.floor((clock.monotonicMs() - startedMono) / 1000), devices: deps.deviceStatus() });
    } catch (error) {
      // A full disk must not stop check-in; the next tick tries again from the cursors.
      deps.onWarning(`Upstream summaries not written: ${error instanceof Error ? error.message : String(error)}`);
    }
    sender.kick();
  };
  const schedule = () => {
    const now = clock.now();
    timer = clock.setTimeout(() => {
      tick();
      if (!closed) schedule();
    }, slotStart(now) + SLOT_MS - now);
  };
  tick();
  schedule();

  return {
    getSyncStatus: () => {
      const stats = outbox.stats();
      const s = sender.status();
      return {
        state: s.state,
        collector: new URL(deps.settings!.collectorUrl).origin,
        queueLength: stats.pending,
        oldestItemAtMs: stats.oldestPendingMs,
        rejectedItems: stats.rejected,
        lastSuccessAtMs: s.lastSuccessAtMs,
        lastError: s.lastError,
        clockSkewMs: s.clockSkewMs,
        nextAttemptAtMs: s.nextAttemptAtMs,
      };
    },
    noteWorker: (cardKey, atMs) => {
      try {
        workerSketches?.noteWorker(cardKey, atMs);
      } catch (error) {
        deps.onWarning(`Unique-worker sketch not updated: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    tick,
    settled: () => sender.settled(),
    async close() {
      closed = true;
      clock.clearTimeout(timer);
      await sender.close();
    },
  };
}

function notConfigured(): UpstreamService {
  const status: SyncStatus = {
    state: 'not-configured', collector: null, queueLength: 0, oldestItemAtMs: null, rejectedItems: 0,
    lastSuccessAtMs: null, lastError: null, clockSkewMs: null, nextAttemptAtMs: null,
  };
  return { getSyncStatus: () => status, noteWorker: () => {}, tick: () => {}, settled: async () => {}, close: async () => {} };
}

/** Configured but unusable (e.g. no key file): items already queued are still counted. */
function stopped(outbox: OutboxStore, collectorUrl: string, message: string, atMs: number): UpstreamService {
  return {
    getSyncStatus: () => {
      const stats = outbox.stats();
      return {
        state: 'stopped', collector: new URL(collectorUrl).origin, queueLength: stats.pending, oldestItemAtMs: stats.oldestPendingMs,
        rejectedItems: stats.rejected, lastSuccessAtMs: null, lastError: { atMs, message: message.slice(0, 500) }, clockSkewMs: null, nextAttemptAtMs: null,
      };
    },
    noteWorker: () => {},
    tick: () => {},
    settled: async () => {},
    close: async () => {},
  };
}
