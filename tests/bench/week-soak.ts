/**
 * The accelerated one-week soak as a bench line: 10,000 visits, 2,000 guest locker sessions
 * over the real locker simulator and 168 hours of device faults (tests/soak/week-soak-child.ts),
 * in a child process with --expose-gc. Prints RSS growth against the 5 MB limit, the
 * descriptor count before and after, and the curve every 24 simulated hours (RSS, heap,
 * external) to tell a leak from a warm-up plateau.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../electron/hosts/app-paths';

/** Bytes (and a descriptor count) after a full GC, as week-soak-child.ts samples them. */
export interface MemorySample {
  readonly rss: number;
  readonly fds: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  /** Includes `arrayBuffers`. */
  readonly external: number;
  readonly arrayBuffers: number;
}

export interface WeekSoakReport {
  readonly visits: number;
  readonly sessions: number;
  readonly readerReplugs: number;
  readonly busErrors: number;
  readonly realTaps: number;
  readonly hours: number;
  readonly warmup: MemorySample;
  readonly end: MemorySample;
  /** One sample at the end of every simulated hour. */
  readonly trace: readonly MemorySample[];
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
const mb = (bytes: number) => (bytes / MB).toFixed(1);
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;

export function benchWeekSoak(plan = { visits: 10_000, sessions: 2_000, hours: 168 }): string[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-week-soak-'));
  try {
    const r = runWeekSoak(dataDir, plan, 60 * 60_000);
    const growth = (r.end.rss - r.warmup.rss) / MB;
    // The lowest RSS after warm-up: a drop (memory handed back to the OS) would hide growth.
    const low = r.trace.reduce((min, t) => (t.rss < min.rss ? t : min), r.warmup);
    const fromLow = (r.end.rss - low.rss) / MB;
    return [
      `Accelerated week soak: ${r.visits} visits, ${r.sessions} locker sessions, ${r.readerReplugs} reader replugs, ${r.busErrors} bus errors (${r.hours} h) in ${(r.elapsedMs / 1000).toFixed(0)} s`,
      `  RSS after warm-up ${mb(r.warmup.rss)} MB → end ${mb(r.end.rss)} MB: ${signed(growth)} MB (limit 5 MB: ${(growth / 5).toFixed(2)}×); from the lowest after warm-up (${mb(low.rss)} MB, hour ${r.trace.indexOf(low) + 1}): ${signed(fromLow)} MB`,
      `  open descriptors ${r.warmup.fds} → ${r.end.fds}; lockers at the end: ${r.availability}`,
      `  hour  RSS MB  heap used/total MB  external (arrayBuffers) MB  fds`,
      ...[['warm-up', r.warmup] as const, ...r.trace.map((t, i) => [String(i + 1), t] as const).filter(([h]) => Number(h) % 24 === 0 || Number(h) === r.hours)]
        .map(([h, t]) => `  ${h.padStart(7)}  ${mb(t.rss).padStart(6)}  ${mb(t.heapUsed).padStart(6)} / ${mb(t.heapTotal).padEnd(6)}  ${mb(t.external).padStart(6)} (${mb(t.arrayBuffers)})  ${t.fds}`),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
