/**
 * Steward dashboard queries over one year of generated history (≈450,000 visits, 50,000
 * locker sessions, 5,000 stock records, a daily inspection) in a real station database,
 * each through the service method (argument check, session check, query). p95 of repeated
 * calls beside the 20 ms target, in wall time and in this process's CPU time (on a shared
 * machine the wall time includes waiting for a core).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSPECTION_ITEMS } from '../../common/inspection';
import type { Result } from '../../common/result';
import { createEventBus } from '../../electron/service/event-bus';
import { openStationDatabase } from '../../electron/service/storage/database';
import { createStewardRecordsService } from '../../electron/service/steward/records/records-service';
import { stewardAccessDouble, TEST_SESSION as session } from '../../electron/service/steward/records/testing-steward-access';
import { generateUsageData } from '../../electron/service/testing/usage-data';
import { percentile, reportLine } from './stats';

const TARGET_MS = 20;
const DAY = 86_400_000;

export async function benchDashboardQueries(runs = 40): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-dashboard-'));
  const db = openStationDatabase({ dataDir: dir });
  try {
    const now = Date.now();
    generateUsageData(db, {
      fromMs: now - 365 * DAY, toMs: now, visits: 450_000, cards: 6_000, lockerSessions: 50_000, joinTaps: 3_000, stockRecords: 5_000, seed: 11,
    });
    const insp = db.prepare('INSERT INTO inspections (at_ms, steward_id, steward_name, failed) VALUES (?, 1, ?, 0) RETURNING id');
    const result = db.prepare('INSERT INTO inspection_results (inspection_id, item, passed) VALUES (?, ?, 1)');
    db.transaction(() => {
      for (let d = 365; d > 0; d--) {
        const { id } = insp.get(now - d * DAY, '王芳') as { id: number };
        for (const item of INSPECTION_ITEMS) result.run(id, item);
      }
    })();
    db.pragma('optimize');
    const run = async <T>(fn: () => Result<T>) => fn();
    const { api } = createStewardRecordsService({ db, access: stewardAccessDouble(db), now: () => now, events: createEventBus(), run });
    const calls: [string, () => Promise<Result<unknown>>][] = [
      ['usage, today', () => api.getUsage({ session, range: 'today' })],
      ['usage, 7 days', () => api.getUsage({ session, range: '7d' })],
      ['usage, 30 days', () => api.getUsage({ session, range: '30d' })],
      ['supplies list with stock and alerts', () => api.listSupplies({ session })],
      ['stock history of one item', () => api.supplyHistory({ session, itemId: 1 })],
      ['inspection history (30)', () => api.listInspections({ session })],
      ['current notices', () => api.getCurrentNotices()],
    ];
    const lines = ['Steward dashboard queries (1 year: 450k visits, 50k locker sessions, 5k stock records), p95'];
    for (const [label, call] of calls) {
      const first = await call();
      if (!first.ok) throw new Error(`${label}: ${first.message}`);
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const startCpu = process.cpuUsage();
        await call();
        const used = process.cpuUsage(startCpu);
        times.push(performance.now() - start);
        cpu.push((used.user + used.system) / 1000);
      }
      lines.push(reportLine(`  ${label}, wall`, percentile(times, 95), TARGET_MS, 'target'));
      lines.push(reportLine(`  ${label}, CPU`, percentile(cpu, 95), TARGET_MS, 'target'));
    }
    return lines;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
