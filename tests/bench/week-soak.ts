/**
 * The accelerated one-week soak as a bench line: 10,000 visits, 2,000 guest locker sessions
 * over the real locker simulator and 168 hours of device faults (tests/soak/week-soak-child.ts),
 * in a child process with --expose-gc. Prints RSS growth against the 5 MB limit and the
 * descriptor count before and after.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../electron/hosts/app-paths';

export interface WeekSoakReport {
  readonly visits: number;
  readonly sessions: number;
  readonly readerReplugs: number;
  readonly busErrors: number;
  readonly realTaps: number;
  readonly hours: number;
  readonly warmup: { readonly rss: number; readonly fds: number };
  readonly end: { readonly rss: number; readonly fds: number };
  readonly elapsedMs: number;
  /** Locker availability at the end (`ready` when no locker was left faulty or held). */
  readonly availability: string;
}

/** Runs the soak child; throws with its stderr when it fails. */
export function runWeekSoak(dataDir: string, plan: { visits: number; sessions: number; hours: number }, timeoutMs: number): WeekSoakReport {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(REPO_ROOT, 'tests', 'soak', 'week-soak-child.ts'), dataDir, String(plan.visits), String(plan.sessions), String(plan.hours)],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: timeoutMs },
  );
  if (run.status !== 0) throw new Error(`week soak failed (${run.status ?? run.signal}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as WeekSoakReport;
}

const MB = 1024 * 1024;

export function benchWeekSoak(plan = { visits: 10_000, sessions: 2_000, hours: 168 }): string[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-week-soak-'));
  try {
    const r = runWeekSoak(dataDir, plan, 60 * 60_000);
    const growth = (r.end.rss - r.warmup.rss) / MB;
    return [
      `Accelerated week soak: ${r.visits} visits, ${r.sessions} locker sessions, ${r.readerReplugs} reader replugs, ${r.busErrors} bus errors (${r.hours} h) in ${(r.elapsedMs / 1000).toFixed(0)} s`,
      `  RSS after warm-up ${(r.warmup.rss / MB).toFixed(1)} MB → end ${(r.end.rss / MB).toFixed(1)} MB: ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB (limit 5 MB: ${(growth / 5).toFixed(2)}×)`,
      `  open descriptors ${r.warmup.fds} → ${r.end.fds}; lockers at the end: ${r.availability}`,
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
