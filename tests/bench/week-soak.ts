/**
 * The accelerated one-week soak as a bench line: 10,000 visits, 2,000 guest locker sessions
 * over the real locker simulator and 168 hours of device faults (tests/soak/week-soak-child.ts),
 * in a child process with --expose-gc. Prints RSS growth against the 5 MB limit, the
 * descriptor count before and after, and the curve every 24 simulated hours (RSS, heap,
 * external) to tell a leak from a warm-up plateau.
 *
 * The child runs as the service is shipped: bundled by the station's own bundler
 * (scripts/build-station.mjs) and run by plain node with the V8 settings the supervisor gives
 * the service (SERVICE_V8_FLAGS). `WEEK_SOAK_V8_FLAGS="--a --b"` runs it with other settings
 * instead, to measure a change of them.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../electron/hosts/app-paths';
import { SERVICE_V8_FLAGS } from '../../electron/supervisor/service-process';
import { bundle } from '../../scripts/build-station.mjs';

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
  /** The runtime flags the child ran with. */
  readonly execArgv: readonly string[];
}

/** Where the soak child's bundle is built: two folders below the root, like the station's. */
export const WEEK_SOAK_BUNDLE = join(REPO_ROOT, 'out', 'soak', 'week-soak-child.cjs');

/** The V8 settings the soak child runs with: the service's, or WEEK_SOAK_V8_FLAGS's. */
export function weekSoakV8Flags(env: NodeJS.ProcessEnv = process.env): string[] {
  const chosen = env.WEEK_SOAK_V8_FLAGS?.trim();
  return chosen ? chosen.split(/\s+/) : [...SERVICE_V8_FLAGS];
}

/**
 * Builds the soak child as the service is built and runs it; throws with its stderr when it
 * fails. `onProgress` gets its line every 24 simulated hours.
 */
export async function runWeekSoak(
  dataDir: string,
  plan: { visits: number; sessions: number; hours: number },
  timeoutMs: number,
  onProgress: (line: string) => void = () => undefined,
): Promise<WeekSoakReport> {
  await bundle('tests/soak/week-soak-child.ts', WEEK_SOAK_BUNDLE, randomBytes(8).toString('hex'));
  const child = spawn(process.execPath, [...weekSoakV8Flags(), '--expose-gc', WEEK_SOAK_BUNDLE, dataDir, String(plan.visits), String(plan.sessions), String(plan.hours)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const line of chunk.split('\n')) if (line.startsWith('week-soak: day ')) onProgress(line);
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  if (code !== 0) throw new Error(`week soak failed (${code ?? signal}): ${stderr.slice(-2000)}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as WeekSoakReport;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;

export async function benchWeekSoak(plan = { visits: 10_000, sessions: 2_000, hours: 168 }): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-week-soak-'));
  try {
    const r = await runWeekSoak(dataDir, plan, 90 * 60_000);
    const growth = (r.end.rss - r.warmup.rss) / MB;
    // The lowest RSS after warm-up: a drop (memory handed back to the OS) would hide growth.
    const low = r.trace.reduce((min, t) => (t.rss < min.rss ? t : min), r.warmup);
    const fromLow = (r.end.rss - low.rss) / MB;
    return [
      `Accelerated week soak: ${r.visits} visits, ${r.sessions} locker sessions, ${r.readerReplugs} reader replugs, ${r.busErrors} bus errors (${r.hours} h) in ${(r.elapsedMs / 1000).toFixed(0)} s`,
      `  RSS after warm-up ${mb(r.warmup.rss)} MB → end ${mb(r.end.rss)} MB: ${signed(growth)} MB (limit 5 MB: ${(growth / 5).toFixed(2)}×); from the lowest after warm-up (${mb(low.rss)} MB, hour ${r.trace.indexOf(low) + 1}): ${signed(fromLow)} MB`,
      `  ${growth < 5 ? 'within' : 'OVER'} the 5 MB limit; heap used ${mb(r.warmup.heapUsed)} → ${mb(r.end.heapUsed)} MB (${signed((r.end.heapUsed - r.warmup.heapUsed) / MB)}), reserved ${mb(r.warmup.heapTotal)} → ${mb(r.end.heapTotal)} MB (${signed((r.end.heapTotal - r.warmup.heapTotal) / MB)}), external ${signed((r.end.external - r.warmup.external) / MB)} MB; RSS minus reserved heap ${mb(r.warmup.rss - r.warmup.heapTotal)} → ${mb(r.end.rss - r.end.heapTotal)} MB`,
      `  open descriptors ${r.warmup.fds} → ${r.end.fds}; lockers at the end: ${r.availability}; run as shipped (bundle) with ${r.execArgv.join(' ')}`,
      `  hour  RSS MB  heap used/total MB  external (arrayBuffers) MB  fds`,
      ...[['warm-up', r.warmup] as const, ...r.trace.map((t, i) => [String(i + 1), t] as const).filter(([h]) => Number(h) % 24 === 0 || Number(h) === r.hours)]
        .map(([h, t]) => `  ${h.padStart(7)}  ${mb(t.rss).padStart(6)}  ${mb(t.heapUsed).padStart(6)} / ${mb(t.heapTotal).padEnd(6)}  ${mb(t.external).padStart(6)} (${mb(t.arrayBuffers)})  ${t.fds}`),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
