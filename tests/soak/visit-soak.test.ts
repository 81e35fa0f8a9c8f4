/**
 * A bounded soak of the check-in path: card taps through a real service and SQLite file
 * (synchronous=FULL, one fsync per visit) in its own process. After a warm-up (3,000 taps: the pool of
 * workers seen once, SQLite's page cache full), RSS grows by
 * less than 5 MB and no file descriptor stays open. 6,000 taps in CI (each visit is an fsync:
 * a loaded CI disk takes ~5 ms); STATION_SOAK_VISITS=10000 runs a simulated week.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';

const MB = 1024 * 1024;
const VISITS = Number(process.env.STATION_SOAK_VISITS) > 0 ? Number(process.env.STATION_SOAK_VISITS) : 6_000;

describe('check-in soak', () => {
  // tsx's loader in this very process (not its CLI, which runs the script in a child without
  // --expose-gc): the samples must come after a real full GC, or they measure garbage.
  it(`${VISITS} visits: RSS growth < 5 MB after warm-up, no descriptor growth`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-soak-'));
    try {
      const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(REPO_ROOT, 'tests', 'soak', 'visit-soak-child.ts'), dataDir, String(VISITS)], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 140_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
        warmup: { rss: number; fds: number };
        end: { rss: number; fds: number };
        elapsedMs: number;
      };
      const growthMb = (report.end.rss - report.warmup.rss) / MB;
      console.log(`soak: ${VISITS} visits in ${(report.elapsedMs / 1000).toFixed(1)} s; RSS ${(report.warmup.rss / MB).toFixed(1)} → ${(report.end.rss / MB).toFixed(1)} MB (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(2)} MB); fds ${report.warmup.fds} → ${report.end.fds}`);
      expect(growthMb).toBeLessThan(5);
      expect(report.end.fds).toBeLessThanOrEqual(report.warmup.fds);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
